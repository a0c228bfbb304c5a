package io.neurite.optim.lr;

import io.neurite.optim.Optimizer;
import java.util.Collections;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Sets the learning rate to the base lr times a function of the epoch: {@code lr = base * f(epoch)}. */
public final class LambdaLR extends LRScheduler {

    private final List<IntToDoubleFunction> lambdas;

    /** One function for every group. */
    public LambdaLR(Optimizer<?> optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda));
    }

    /** One function per group. */
    public LambdaLR(Optimizer<?> optimizer, List<IntToDoubleFunction> lrLambdas) {
        super(optimizer);
        this.lambdas = MultiplicativeLR.checkLambdas("LambdaLR", lrLambdas, groupCount());
        initialStep();
    }

    @Override
    protected double[] computeLr() {
        double[] lrs = new double[baseLrs.length];
        for (int i = 0; i < lrs.length; i++) lrs[i] = baseLrs[i] * lambdas.get(i).applyAsDouble(lastEpoch);
        return lrs;
    }
}
