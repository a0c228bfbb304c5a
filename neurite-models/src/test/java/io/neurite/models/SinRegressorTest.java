package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.loss.MSELoss;
import io.neurite.optim.Adam;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The notes' sin(3x) example with the zoo's {@link SinRegressor}: Adam lr 0.01, MSE, 1000 full-batch epochs. */
class SinRegressorTest {

    @Test
    void learnsSin3xOnMinusOneToOne() {
        Tensor.manualSeed(0);
        SinRegressor net = new SinRegressor();
        MSELoss criterion = new MSELoss();
        Adam optimizer = new Adam(net.parameters(), 0.01);
        Tensor x = Tensor.linspace(-1, 1, 200);
        Tensor target = x.mul(3f).sin();
        float first = Float.NaN, loss = Float.NaN;
        for (int epoch = 0; epoch < 1000; epoch++) {
            optimizer.zeroGrad();
            Tensor l = criterion.forward(net.forward(x.unsqueeze(1)).squeeze(), target);
            l.backward();
            optimizer.step();
            loss = l.item();
            if (epoch == 0) first = loss;
        }
        assertTrue(first > 0.1, "initial loss: " + first);
        assertTrue(loss < 1e-3, "training loss after 1000 epochs: " + loss);
        try (var scope = Autograd.noGrad()) {
            Tensor outside = Tensor.linspace(2, 3, 50);
            float outsideLoss = criterion.forward(net.forward(outside.unsqueeze(1)).squeeze(), outside.mul(3f).sin()).item();
            assertTrue(outsideLoss > 0.1, "no generalization outside [-1, 1]: loss " + outsideLoss);
        }
    }
}
