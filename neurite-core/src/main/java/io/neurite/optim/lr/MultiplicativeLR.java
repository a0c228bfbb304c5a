package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import java.util.Collections;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Multiplies the lr by a function of the epoch at every epoch after the first: {@code lr = lr * f(epoch)}. */
public final class MultiplicativeLR extends LRScheduler {

    private final List<IntToDoubleFunction> lambdas;

    /** One function for every group. */
    public MultiplicativeLR(Optimizer<?> optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda));
    }

    /** One function per group. */
    public MultiplicativeLR(Optimizer<?> optimizer, List<IntToDoubleFunction> lrLambdas) {
        super(optimizer);
        this.lambdas = checkLambdas("MultiplicativeLR", lrLambdas, groupCount());
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = currentLrs();
        if (lastEpoch > 0) {
            for (int i = 0; i < lrs.length; i++) lrs[i] *= lambdas.get(i).applyAsDouble(lastEpoch);
        }
        return lrs;
    }

    static List<IntToDoubleFunction> checkLambdas(String owner, List<IntToDoubleFunction> lambdas, int groups) {
        if (lambdas.size() != groups) {
            throw new IllegalArgumentException(owner + ": expected " + groups + " lr functions (one per parameter"
                    + " group), got " + lambdas.size());
        }
        for (IntToDoubleFunction f : lambdas) {
            if (f == null) throw new IllegalArgumentException(owner + ": an lr function is null");
        }
        return List.copyOf(lambdas);
    }
}
