package io.neurite.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.Layer;
import io.neurite.nn.Linear;
import io.neurite.nn.loss.MSELoss;
import io.neurite.optim.Adam;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The notes' first example (seeds/000): an MLP 1-64-128-1 with ReLU learns f(x) = sin(3x) on
 * [-1, 1] with MSE and Adam (lr 0.01) over 1000 full-batch epochs, and fails outside that range.
 */
class SinRegressionTest {

    static final class Net extends Layer {
        final Linear hidden1 = register("hidden1", new Linear(1, 64));
        final Linear hidden2 = register("hidden2", new Linear(64, 128));
        final Linear output = register("output", new Linear(128, 1));

        @Override
        public Tensor forward(Tensor x) {
            return output.forward(hidden2.forward(hidden1.forward(x).relu()).relu());
        }
    }

    @Test
    void learnsSinOnTheTrainingRangeAndFailsOutsideIt() {
        Tensor.manualSeed(0);
        Net net = new Net();
        MSELoss criterion = new MSELoss();
        Adam optimizer = new Adam(net.parameters(), 0.01);
        Tensor x = Tensor.linspace(-1, 1, 200);
        Tensor target = x.mul(3f).sin();
        float loss = Float.NaN;
        for (int epoch = 0; epoch < 1000; epoch++) {
            optimizer.zeroGrad();
            Tensor l = criterion.forward(net.forward(x.unsqueeze(1)).squeeze(), target);
            l.backward();
            optimizer.step();
            loss = l.item();
        }
        assertTrue(loss < 1e-3, "training loss after 1000 epochs: " + loss);

        Tensor outside = Tensor.linspace(2, 3, 50);
        float outsideLoss;
        try (var scope = Autograd.noGrad()) {
            outsideLoss = criterion.forward(net.forward(outside.unsqueeze(1)).squeeze(), outside.mul(3f).sin()).item();
        }
        assertTrue(outsideLoss > 0.1, "the net does not generalize outside [-1, 1]: loss " + outsideLoss);
    }
}
