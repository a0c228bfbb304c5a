package io.neurite.tensor;

/**
 * Gradient recording: scopes that turn it off, and the hook by which operations record themselves.
 *
 * <pre>{@code
 * try (var scope = Autograd.noGrad()) {
 *     Tensor prediction = model.forward(x);   // no graph is recorded
 * }
 * }</pre>
 */
public final class Autograd {

    /** A scope that restores the previous recording mode when closed. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;
        private boolean closed;

        private Scope(boolean enabled) {
            this.previous = GradMode.set(enabled);
        }

        @Override
        public void close() {
            if (!closed) {
                GradMode.set(previous);
                closed = true;
            }
        }
    }

    private Autograd() {}

    /** Turns recording off on this thread until the returned scope closes. */
    public static Scope noGrad() {
        return new Scope(false);
    }

    /** Turns recording on on this thread until the returned scope closes. */
    public static Scope enableGrad() {
        return new Scope(true);
    }

    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /**
     * Records that {@code output} was computed from {@code inputs} by {@code op}, when recording is on
     * and some input requires grad; returns {@code output}. Nothing is checked for in-place changes.
     */
    public static Tensor record(String op, Tensor output, Tensor[] inputs, Backward backward) {
        return record(op, output, inputs, new Tensor[0], backward);
    }

    /**
     * As {@link #record(String, Tensor, Tensor[], Backward)}, and backward fails clearly if a tensor
     * in {@code saved} (those the rule reads) was changed in place in between.
     */
    public static Tensor record(String op, Tensor output, Tensor[] inputs, Tensor[] saved, Backward backward) {
        if (!GradMode.isEnabled()) return output;
        boolean any = false;
        for (Tensor input : inputs) {
            if (input == output) return output;
            any |= input.requiresGrad();
        }
        if (!any) return output;
        if (!output.isLeaf()) {
            throw new IllegalStateException(op + ": the output already has a grad_fn ('"
                    + output.gradFn().op() + "'); record a fresh tensor, or a view of one");
        }
        output.attachGradFn(new Node(op, inputs, saved, backward));
        return output;
    }
}
