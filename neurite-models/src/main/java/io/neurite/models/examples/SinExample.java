package io.neurite.models.examples;

import io.neurite.models.SinRegressor;
import io.neurite.nn.loss.MSELoss;
import io.neurite.optim.Adam;
import io.neurite.tensor.Autograd;
import io.neurite.tensor.Tensor;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The notes' first network (seeds/000): {@link SinRegressor} (MLP 1-64-128-1, ReLU) learns f(x) = sin(3x)
 * on 200 points of [-1, 1] with MSE and Adam (lr 0.01), 1000 full-batch epochs, the loss printed every 100
 * epochs; then the notes' point: outside [-1, 1] the network does not follow sin(3x) at all.
 */
public final class SinExample implements WorkedExample<SinExample.Values> {

    /** The notes' printout, "Epoch k: Loss = ..." for k = 0, 100, ..., 900 (their own random start). */
    static final String[] NOTES_LOSSES = {"0.6337035298347473", "0.00019081072241533548", "5.5505668569821864e-05",
            "0.00026257566059939563", "2.8677864065684844e-06", "0.0012187211541458964", "3.073420884902589e-06",
            "2.033157443293021e-06", "1.5546232816632255e-06", "2.1308816940290853e-05"};
    static final int EPOCHS = 1000;
    static final long SEED = 0;
    /** MSE bounds: learned inside [-1, 1], not learned outside (sin(3x) itself has mean square 1/2). */
    static final double FIT = 1e-3, NO_FIT = 0.1;

    /**
     * The loss at epochs 0, 100, ..., 900 (before that epoch's step, as the notes print it), the MSE on the
     * training points after the 1000 epochs, and the MSE on 50 points of [-2, -1] and of [1, 2].
     */
    public record Values(float[] lossEvery100, float finalMse, float mseLeft, float mseRight, SinRegressor net) {}

    @Override
    public String name() {
        return "sin";
    }

    @Override
    public String title() {
        return "sin(3x): MLP 1-64-128-1, ReLU, MSE, Adam lr 0.01, 1000 full-batch epochs on x in [-1, 1]";
    }

    @Override
    public String source() {
        return "seeds/000, \"The model\", \"Loss function\", \"Output\", \"Outside -1 <= x <= 1\"";
    }

    /** Trains as the notes do, from seed {@value #SEED}. */
    public static Values train() {
        Tensor.manualSeed(SEED);
        SinRegressor net = new SinRegressor();
        MSELoss criterion = new MSELoss();
        Adam optimizer = new Adam(net.parameters(), 0.01);
        Tensor x = Tensor.linspace(-1, 1, 200);
        float[] every100 = new float[EPOCHS / 100];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(net.forward(x.unsqueeze(1)).squeeze(), f(x));
            loss.backward();
            optimizer.step();
            if (epoch % 100 == 0) every100[epoch / 100] = loss.item();
        }
        return new Values(every100, mse(net, -1, 1, 200), mse(net, -2, -1, 50), mse(net, 1, 2, 50), net);
    }

    /** The target, sin(3x). */
    static Tensor f(Tensor x) {
        return x.mul(3f).sin();
    }

    /** The mean squared error against sin(3x) on {@code n} evenly spaced points of [from, to]. */
    static float mse(SinRegressor net, double from, double to, int n) {
        try (var noGrad = Autograd.noGrad()) {
            Tensor x = Tensor.linspace(from, to, n);
            return new MSELoss().forward(net.forward(x.unsqueeze(1)).squeeze(), f(x)).item();
        }
    }

    @Override
    public Report<Values> run(PrintStream out) {
        Values v = train();
        out.println("  epoch  notes' loss               neurite loss");
        for (int k = 0; k < v.lossEvery100().length; k++) {
            out.printf(Locale.ROOT, "  %5d  %-24s  %.6g%n", k * 100, NOTES_LOSSES[k], v.lossEvery100()[k]);
        }
        out.println("  x       sin(3x)   net(x)");
        float[] xs = {-2, -1.5f, -1, -0.5f, 0, 0.5f, 1, 1.5f, 2};
        float[] predicted;
        try (var noGrad = Autograd.noGrad()) {
            predicted = v.net().forward(Tensor.of(xs, xs.length, 1)).toFloatArray();
        }
        for (int i = 0; i < xs.length; i++) {
            out.printf(Locale.ROOT, "  %5.2f  %8.4f  %8.4f%s%n", xs[i], Math.sin(3 * xs[i]), predicted[i],
                    Math.abs(xs[i]) > 1 ? "   (outside the training range)" : "");
        }
        String outside = String.format(Locale.ROOT, "MSE %.3f on [-2, -1], %.3f on [1, 2]", v.mseLeft(), v.mseRight());
        return new Report<>(name(), v, List.of(
                new Check("loss after training", "\"perfectly approximate\": " + NOTES_LOSSES[9] + " at epoch 900",
                        String.format(Locale.ROOT, "MSE %.3g on the 200 training points after 1000 epochs (bound %.0e)",
                                v.finalMse(), FIT), v.finalMse() < FIT),
                new Check("outside [-1, 1]", "the net fails to generalize outside -1 <= x <= 1",
                        outside + " (bound for \"fails\": > " + NO_FIT + ")",
                        v.mseLeft() > NO_FIT && v.mseRight() > NO_FIT)));
    }
}
