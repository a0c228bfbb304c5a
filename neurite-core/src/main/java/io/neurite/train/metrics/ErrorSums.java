package io.neurite.train.metrics;

import io.neurite.tensor.Tensor;

/** Mean squared and mean absolute error share this: a sum of per-element errors and their count. */
public abstract sealed class ErrorSums implements Metric<Double> permits MeanSquaredError, MeanAbsoluteError {

    private double sum;
    private long count;

    /** The error of one element. */
    abstract double error(double difference);

    /** The metric's class name, for messages. */
    abstract String op();

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.sameShape(op(), predictions, targets);
        float[] p = Inputs.values(op(), "predictions", predictions);
        float[] t = Inputs.values(op(), "targets", targets);
        for (int i = 0; i < p.length; i++) sum += error((double) p[i] - t[i]);
        count += p.length;
    }

    @Override
    public Double compute() {
        Inputs.requireSamples(op(), count);
        return sum / count;
    }

    @Override
    public void reset() {
        sum = 0;
        count = 0;
    }
}
