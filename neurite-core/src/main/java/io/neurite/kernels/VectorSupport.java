package io.neurite.kernels;

/**
 * Whether the Vector API ({@code jdk.incubator.vector}) is used.
 *
 * <p>It is used when the module is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}) and the system property {@code neurite.vector} is not
 * {@code false}. Kernels keep every Vector API reference in classes loaded only when this says yes,
 * and their scalar fallbacks compute in the same order, so both give identical results.
 */
public final class VectorSupport {

    private static final boolean ENABLED = detect();

    private VectorSupport() {}

    /** True when vectorized kernels run; false when the scalar fallbacks do. */
    public static boolean enabled() {
        return ENABLED;
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("neurite.vector", "true"))) return false;
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
