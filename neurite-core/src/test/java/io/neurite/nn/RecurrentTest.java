package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.functional.Recurrent;
import io.neurite.tensor.Generator;
import io.neurite.tensor.GradCheck;
import io.neurite.tensor.Shape;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Recurrent layers beyond PyTorch's numbers (see {@link RecurrentFixtureTest}): gradients, modes, errors. */
class RecurrentTest {

    private static final Generator G = new Generator(7);

    private static Tensor leaf(int... shape) {
        return Tensor.randn(G, shape).requiresGrad(true);
    }

    private static void assertGradCheck(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(), r.report());
    }

    private static Tensor flat(Tensor... parts) {
        List<Tensor> flat = new ArrayList<>();
        for (Tensor p : parts) flat.add(p.reshape(-1));
        return Tensor.cat(flat, 0);
    }

    // ---------------------------------------------------------------- gradient checks

    @Test
    void rnnCellsPassGradCheck() {
        Tensor x = leaf(3, 4), h = leaf(3, 5), wi = leaf(5, 4), wh = leaf(5, 5), bi = leaf(5), bh = leaf(5);
        assertGradCheck(in -> F.rnnTanhCell(in[0], in[1], in[2], in[3], in[4], in[5]), x, h, wi, wh, bi, bh);
        assertGradCheck(in -> F.rnnReluCell(in[0], in[1], in[2], in[3], in[4], in[5]), x, h, wi, wh, bi, bh);
    }

    @Test
    void lstmCellPassesGradCheck() {
        Tensor x = leaf(2, 3), h = leaf(2, 4), c = leaf(2, 4), wi = leaf(16, 3), wh = leaf(16, 4), bi = leaf(16),
                bh = leaf(16);
        assertGradCheck(in -> {
            Recurrent.State s = F.lstmCell(in[0], in[1], in[2], in[3], in[4], in[5], in[6]);
            return flat(s.h(), s.c());
        }, x, h, c, wi, wh, bi, bh);
    }

    @Test
    void gruCellPassesGradCheck() {
        Tensor x = leaf(2, 3), h = leaf(2, 4), wi = leaf(12, 3), wh = leaf(12, 4), bi = leaf(12), bh = leaf(12);
        assertGradCheck(in -> F.gruCell(in[0], in[1], in[2], in[3], in[4], in[5]), x, h, wi, wh, bi, bh);
    }

    @Test
    void twoLayerBidirectionalLstmPassesGradCheck() {
        LSTM lstm = LSTM.builder(3, 2).numLayers(2).bidirectional(true).build();
        List<Tensor> inputs = new ArrayList<>(List.of(leaf(3, 2, 3), leaf(4, 2, 2), leaf(4, 2, 2)));
        inputs.addAll(lstm.parameters());
        assertGradCheck(in -> {
            LSTM.Output o = lstm.forward(in[0], in[1], in[2]);
            return flat(o.output(), o.hN(), o.cN());
        }, inputs.toArray(Tensor[]::new));
    }

    @Test
    void bidirectionalGruWithoutBiasPassesGradCheck() {
        GRU gru = GRU.builder(2, 3).bidirectional(true).bias(false).batchFirst(true).build();
        List<Tensor> inputs = new ArrayList<>(List.of(leaf(2, 4, 2), leaf(2, 2, 3)));
        inputs.addAll(gru.parameters());
        assertGradCheck(in -> {
            GRU.Output o = gru.forward(in[0], in[1]);
            return flat(o.output(), o.hN());
        }, inputs.toArray(Tensor[]::new));
    }

    // ---------------------------------------------------------------- structure, as PyTorch

    @Test
    void parameterCountsEqualPyTorchs() {
        assertEquals(640, new RNN(10, 20).parameterCount());
        assertEquals(3760, RNN.builder(10, 20).numLayers(2).bidirectional(true).build().parameterCount());
        assertEquals(2560, new LSTM(10, 20).parameterCount());
        assertEquals(15040, LSTM.builder(10, 20).numLayers(2).bidirectional(true).build().parameterCount());
        assertEquals(8800, LSTM.builder(10, 20).numLayers(3).bias(false).build().parameterCount());
        assertEquals(1920, new GRU(10, 20).parameterCount());
        assertEquals(10800, GRU.builder(10, 20).numLayers(2).bidirectional(true).bias(false).build().parameterCount());
        assertEquals(640, new RNNCell(10, 20).parameterCount());
        assertEquals(2560, new LSTMCell(10, 20).parameterCount());
        assertEquals(1800, GRUCell.builder(10, 20).bias(false).build().parameterCount());
    }

    @Test
    void stateDictKeysEqualPyTorchs() {
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l0_reverse",
                "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse", "weight_ih_l1", "weight_hh_l1",
                "bias_ih_l1", "bias_hh_l1", "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse",
                "bias_hh_l1_reverse"),
                List.copyOf(LSTM.builder(10, 20).numLayers(2).bidirectional(true).build().stateDict().keySet()));
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1"),
                List.copyOf(GRU.builder(10, 20).numLayers(2).bias(false).build().stateDict().keySet()));
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"),
                List.copyOf(new LSTMCell(10, 20).stateDict().keySet()));
        assertEquals(List.of("weight_ih", "weight_hh"),
                List.copyOf(GRUCell.builder(10, 20).bias(false).build().stateDict().keySet()));
        Map<String, Tensor> p = LSTM.builder(10, 20).numLayers(2).bidirectional(true).build().namedParameters();
        assertEquals(Shape.of(80, 10), p.get("weight_ih_l0").shape());
        assertEquals(Shape.of(80, 40), p.get("weight_ih_l1_reverse").shape());
        assertEquals(Shape.of(80, 20), p.get("weight_hh_l1").shape());
        assertEquals(Shape.of(80), p.get("bias_hh_l0_reverse").shape());
    }

    @Test
    void printsAsPyTorch() {
        assertEquals("RNN(10, 20, num_layers=2, bias=False, batch_first=True, dropout=0.5, bidirectional=True)",
                RNN.builder(10, 20).numLayers(2).bias(false).batchFirst(true).dropout(0.5).bidirectional(true)
                        .nonlinearity("relu").build().toString());
        assertEquals("LSTM(10, 20)", new LSTM(10, 20).toString());
        assertEquals("GRU(3, 4, num_layers=2, batch_first=True, dropout=0.25)",
                GRU.builder(3, 4).numLayers(2).batchFirst(true).dropout(0.25).build().toString());
        assertEquals("LSTM(3, 4, num_layers=2, dropout=1e-05)",
                LSTM.builder(3, 4).numLayers(2).dropout(1e-5).build().toString());
        assertEquals("RNN(3, 4, num_layers=2, dropout=0.0001)",
                RNN.builder(3, 4).numLayers(2).dropout(1e-4).build().toString());
        assertEquals("RNN(3, 4, num_layers=2, dropout=1.0)",
                RNN.builder(3, 4).numLayers(2).dropout(1).build().toString());
        assertEquals("RNNCell(10, 20, bias=False, nonlinearity=relu)",
                RNNCell.builder(10, 20).bias(false).nonlinearity("relu").build().toString());
        assertEquals("LSTMCell(10, 20)", new LSTMCell(10, 20).toString());
        assertEquals("GRUCell(10, 20, bias=False)", GRUCell.builder(10, 20).bias(false).build().toString());
    }

    @Test
    void initializationIsUniformWithinOneOverSqrtHidden() {
        float k = (float) (1 / Math.sqrt(16));
        List<Module> modules = List.of(LSTM.builder(8, 16).numLayers(2).bidirectional(true).build(), new GRU(8, 16),
                new RNN(8, 16), new LSTMCell(8, 16), new GRUCell(8, 16), new RNNCell(8, 16));
        for (Module m : modules) {
            float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
            double sum = 0;
            int n = 0;
            for (Tensor p : m.parameters()) {
                for (float v : p.toFloatArray()) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    n++;
                }
            }
            assertTrue(min >= -k && max < k, m + ": values in [-k, k), got [" + min + ", " + max + "]");
            assertTrue(min < -0.9f * k && max > 0.9f * k, m + ": values fill [-k, k], got [" + min + ", " + max + "]");
            assertEquals(0, sum / n, 0.05 * k, m + ": mean near 0");
        }
    }

    @Test
    void resetParametersRedrawsFromTheDefaultGenerator() {
        Generator.defaultGenerator().manualSeed(3);
        LSTM a = new LSTM(4, 5);
        Generator.defaultGenerator().manualSeed(3);
        LSTM b = new LSTM(4, 5);
        assertArrayEquals(a.parameters().get(0).toFloatArray(), b.parameters().get(0).toFloatArray());
        float[] before = a.parameters().get(1).toFloatArray();
        a.resetParameters();
        assertFalse(Arrays.equals(before, a.parameters().get(1).toFloatArray()));
    }

    // ---------------------------------------------------------------- layouts and states

    @Test
    void batchFirstAndUnbatchedAgreeWithTheTimeMajorLayout() {
        LSTM timeMajor = LSTM.builder(3, 4).numLayers(2).bidirectional(true).build();
        LSTM batchFirst = LSTM.builder(3, 4).numLayers(2).bidirectional(true).batchFirst(true).build();
        batchFirst.loadStateDict(timeMajor.stateDict(), true);
        Tensor x = Tensor.randn(G, 5, 2, 3);
        LSTM.Output a = timeMajor.forward(x);
        LSTM.Output b = batchFirst.forward(x.transpose(0, 1));
        assertEquals(Shape.of(2, 5, 8), b.output().shape());
        assertArrayEquals(a.output().transpose(0, 1).toFloatArray(), b.output().toFloatArray(), 1e-6f);
        assertArrayEquals(a.hN().toFloatArray(), b.hN().toFloatArray(), 1e-6f);
        LSTM.Output one = timeMajor.forward(x.select(1, 1));
        assertEquals(Shape.of(5, 8), one.output().shape());
        assertEquals(Shape.of(4, 4), one.cN().shape());
        assertArrayEquals(a.output().select(1, 1).toFloatArray(), one.output().toFloatArray(), 1e-6f);
        assertArrayEquals(a.cN().select(1, 1).toFloatArray(), one.cN().toFloatArray(), 1e-6f);
    }

    @Test
    void finalStateIsTheLastOutputOfEachDirection() {
        GRU gru = GRU.builder(3, 4).bidirectional(true).build();
        GRU.Output o = gru.forward(Tensor.randn(G, 6, 2, 3));
        assertArrayEquals(o.output().select(0, 5).narrow(1, 0, 4).toFloatArray(), o.hN().select(0, 0).toFloatArray());
        assertArrayEquals(o.output().select(0, 0).narrow(1, 4, 4).toFloatArray(), o.hN().select(0, 1).toFloatArray());
    }

    @Test
    void cellsStepThroughASequenceLikeTheLayer() {
        LSTM lstm = new LSTM(3, 4);
        LSTMCell cell = new LSTMCell(3, 4);
        Map<String, Tensor> s = lstm.stateDict();
        cell.loadStateDict(Map.of("weight_ih", s.get("weight_ih_l0"), "weight_hh", s.get("weight_hh_l0"),
                "bias_ih", s.get("bias_ih_l0"), "bias_hh", s.get("bias_hh_l0")), true);
        Tensor x = Tensor.randn(G, 5, 2, 3);
        LSTM.Output whole = lstm.forward(x);
        LSTMCell.Output state = cell.forward(x.select(0, 0));
        for (int t = 1; t < 5; t++) state = cell.forward(x.select(0, t), state.h(), state.c());
        assertArrayEquals(whole.hN().select(0, 0).toFloatArray(), state.h().toFloatArray(), 1e-6f);
        assertArrayEquals(whole.cN().select(0, 0).toFloatArray(), state.c().toFloatArray(), 1e-6f);
    }

    @Test
    void nonContiguousStatesGiveTheSameResult() {
        LSTM lstm = LSTM.builder(3, 4).numLayers(2).build();
        Tensor x = Tensor.randn(G, 5, 3, 3);
        Tensor h0 = Tensor.randn(G, 3, 2, 4), c0 = Tensor.randn(G, 3, 2, 4);
        LSTM.Output strided = lstm.forward(x, h0.transpose(0, 1), c0.transpose(0, 1));
        LSTM.Output dense = lstm.forward(x, h0.transpose(0, 1).contiguous(), c0.transpose(0, 1).contiguous());
        assertArrayEquals(dense.output().toFloatArray(), strided.output().toFloatArray());
        assertArrayEquals(dense.cN().toFloatArray(), strided.cN().toFloatArray());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        GRU gru = GRU.builder(16, 32).bidirectional(true).build();
        Tensor x = Tensor.randn(G, 7, 64, 16);
        float[][] one = new float[2][], all = new float[2][];
        io.neurite.kernels.Parallel.withThreads(1, () -> runAndGrad(gru, x, one));
        runAndGrad(gru, x, all);
        assertArrayEquals(one[0], all[0]);
        assertArrayEquals(one[1], all[1]);
    }

    private static void runAndGrad(GRU gru, Tensor x, float[][] out) {
        gru.zeroGrad();
        Tensor y = gru.forward(x).output();
        y.mul(y).sum().backward();
        out[0] = y.toFloatArray();
        out[1] = gru.namedParameters().get("weight_hh_l0_reverse").grad().toFloatArray();
    }

    @Test
    void emptyBatchGivesEmptyOutputs() {
        RNN.Output o = RNN.builder(3, 4).bidirectional(true).build().forward(Tensor.zeros(5, 0, 3));
        assertEquals(Shape.of(5, 0, 8), o.output().shape());
        assertEquals(Shape.of(2, 0, 4), o.hN().shape());
    }

    // ---------------------------------------------------------------- dropout between layers

    @Test
    void dropoutActsBetweenLayersOnlyInTraining() {
        LSTM lstm = LSTM.builder(3, 4).numLayers(2).dropout(0.5).build();
        LSTM plain = LSTM.builder(3, 4).numLayers(2).build();
        plain.loadStateDict(lstm.stateDict(), true);
        Tensor x = Tensor.randn(G, 6, 8, 3);
        float[] reference = plain.forward(x).output().toFloatArray();
        float[] a = lstm.forward(x).output().toFloatArray();
        float[] b = lstm.forward(x).output().toFloatArray();
        assertFalse(Arrays.equals(a, b), "training: a fresh dropout mask per forward");
        assertFalse(Arrays.equals(a, reference), "training: dropout changes the output");
        lstm.eval();
        assertArrayEquals(reference, lstm.forward(x).output().toFloatArray(), "eval: no dropout");
    }

    @Test
    void noDropoutAfterTheLastLayer() {
        GRU gru = GRU.builder(3, 4).dropout(0.9).build();
        Tensor x = Tensor.randn(G, 6, 8, 3);
        float[] train = gru.forward(x).output().toFloatArray();
        gru.eval();
        assertArrayEquals(gru.forward(x).output().toFloatArray(), train, "one layer: dropout has nothing to act on");
    }

    @Test
    void dropoutOfOneCutsTheFirstLayerOffAndStillTrains() {
        RNN rnn = RNN.builder(3, 4).numLayers(2).dropout(1).build();
        Tensor x1 = Tensor.randn(G, 5, 2, 3).requiresGrad(true), x2 = Tensor.randn(G, 5, 2, 3);
        RNN.Output o = rnn.forward(x1);
        assertArrayEquals(o.output().toFloatArray(), rnn.forward(x2).output().toFloatArray(),
                "the second layer sees zeros whatever the input");
        o.output().sum().backward();
        assertArrayEquals(new float[30], x1.grad().toFloatArray(), "no gradient reaches the input through dropout");
        assertNotNull(rnn.namedParameters().get("weight_hh_l1").grad());
    }

    // ---------------------------------------------------------------- layer contract

    @Test
    void cellsPassTheLayerContract() {
        LayerContract.check(() -> new RNNCell(8, 6), Shape.of(4, 8), Shape.of(4, 6), 6 * 8 + 6 * 6 + 12);
        LayerContract.check(() -> RNNCell.builder(8, 6).nonlinearity("relu").build(), Shape.of(4, 8), Shape.of(4, 6),
                96);
        LayerContract.check(() -> new GRUCell(8, 6), Shape.of(8), Shape.of(6), 3 * 96);
    }

    @Test
    void layersPassTheLayerContract() {
        LayerContract.check(() -> outputOf(LSTM.builder(5, 4).numLayers(2).bidirectional(true).build(),
                m -> x -> m.forward(x).output()), Shape.of(6, 3, 5), Shape.of(6, 3, 8), 2 * (16 * 5 + 16 * 4 + 32)
                + 2 * (16 * 8 + 16 * 4 + 32));
        LayerContract.check(() -> outputOf(GRU.builder(5, 4).batchFirst(true).build(), m -> x -> m.forward(x).hN()),
                Shape.of(3, 6, 5), Shape.of(1, 3, 4), 12 * 5 + 12 * 4 + 24);
        LayerContract.check(() -> outputOf(new RNN(5, 4), m -> x -> m.forward(x).output()), Shape.of(6, 5),
                Shape.of(6, 4), 4 * 5 + 4 * 4 + 8);
        LayerContract.check(() -> outputOf(new LSTMCell(5, 4), m -> x -> m.forward(x).c()), Shape.of(3, 5),
                Shape.of(3, 4), 16 * 5 + 16 * 4 + 32);
    }

    /** A layer holding {@code module} as its child "rnn" and returning one of its outputs. */
    private static <M extends Module> Layer outputOf(M module, Function<M, Function<Tensor, Tensor>> pick) {
        return new Layer() {
            final M rnn = register("rnn", module);

            @Override
            public Tensor forward(Tensor input) {
                return pick.apply(rnn).apply(input);
            }
        };
    }

    // ---------------------------------------------------------------- misuse

    private static String message(Class<? extends Throwable> type, Runnable r) {
        return assertThrows(type, r::run).getMessage();
    }

    @Test
    void wrongInputSizeNamesTheLayerAndShape() {
        String m = message(ShapeException.class, () -> new LSTM(10, 20).forward(Tensor.zeros(5, 3, 7)));
        assertTrue(m.startsWith("LSTM(10, 20): expected input with 10 features"), m);
        assertTrue(m.contains("got shape [5, 3, 7]") && m.contains("hint"), m);
        m = message(ShapeException.class, () -> new GRU(10, 20).forward(Tensor.zeros(2, 5, 3, 10)));
        assertTrue(m.startsWith("GRU(10, 20): expected input with 2 or 3 dimensions"), m);
        assertTrue(m.contains("[2, 5, 3, 10]"), m);
        m = message(ShapeException.class, () -> new RNNCell(10, 20).forward(Tensor.zeros(3, 7)));
        assertTrue(m.startsWith("RNNCell(10, 20): expected input with 10 features") && m.contains("[3, 7]"), m);
        m = message(ShapeException.class, () -> new LSTMCell(10, 20).forward(Tensor.zeros(2, 3, 10)));
        assertTrue(m.startsWith("LSTMCell(10, 20): expected input with 1 or 2 dimensions"), m);
    }

    @Test
    void wrongStateShapeNamesExpectedAndGot() {
        LSTM lstm = new LSTM(10, 20, 2);
        Tensor x = Tensor.zeros(5, 3, 10);
        String m = message(ShapeException.class, () -> lstm.forward(x, Tensor.zeros(1, 3, 20), Tensor.zeros(2, 3, 20)));
        assertTrue(m.startsWith("LSTM(10, 20, num_layers=2): expected h0 of shape [2, 3, 20], got [1, 3, 20]"), m);
        m = message(ShapeException.class, () -> lstm.forward(x, Tensor.zeros(2, 3, 20), Tensor.zeros(2, 4, 20)));
        assertTrue(m.contains("expected c0 of shape [2, 3, 20], got [2, 4, 20]"), m);
        m = message(ShapeException.class, () -> new GRU(10, 20).forward(Tensor.zeros(5, 10), Tensor.zeros(1, 1, 20)));
        assertTrue(m.contains("expected h0 of shape [1, 20], got [1, 1, 20]") && m.contains("unbatched"), m);
        m = message(ShapeException.class, () -> RNN.builder(10, 20).batchFirst(true).bidirectional(true).build()
                .forward(Tensor.zeros(3, 5, 10), Tensor.zeros(2, 5, 20)));
        assertTrue(m.contains("expected h0 of shape [2, 3, 20], got [2, 5, 20]"), m);
        assertTrue(m.contains("whatever batch_first"), m);
        m = message(ShapeException.class, () -> new GRUCell(10, 20).forward(Tensor.zeros(3, 10), Tensor.zeros(3, 21)));
        assertTrue(m.startsWith("GRUCell(10, 20): expected hx of shape [3, 20]") && m.contains("got [3, 21]"), m);
        m = message(IllegalArgumentException.class, () -> lstm.forward(x, Tensor.zeros(2, 3, 20), null));
        assertTrue(m.contains("give both h0 and c0 or neither"), m);
    }

    @Test
    void badSettingsAreRefused() {
        String m = message(IllegalArgumentException.class, () -> LSTM.builder(3, 4).dropout(1.5).build());
        assertTrue(m.startsWith("LSTM: dropout should be a number in range [0, 1]") && m.contains("1.5"), m);
        m = message(IllegalArgumentException.class, () -> RNN.builder(3, 4).nonlinearity("sigmoid"));
        assertTrue(m.contains("unknown nonlinearity 'sigmoid'") && m.contains("'relu'"), m);
        m = message(IllegalArgumentException.class, () -> new GRU(3, 0));
        assertTrue(m.contains("hidden_size=0"), m);
        m = message(IllegalArgumentException.class, () -> new LSTM(3, 4, 0));
        assertTrue(m.contains("num_layers=0"), m);
    }

    @Test
    void functionalFormsCheckTheirWeights() {
        Tensor x = Tensor.zeros(5, 3, 4);
        String m = message(IllegalArgumentException.class, () -> F.lstm(x, null, null,
                List.of(Tensor.zeros(16, 4), Tensor.zeros(16, 4), Tensor.zeros(16)), Recurrent.Options.single()));
        assertTrue(m.startsWith("lstm: expected 4 weights") && m.contains("got 3"), m);
        m = message(ShapeException.class, () -> F.gru(x, null, List.of(Tensor.zeros(12, 5), Tensor.zeros(12, 4)),
                Recurrent.Options.single()));
        assertTrue(m.startsWith("gru: expected weight_ih_l0 of shape [12, 4], got [12, 5]"), m);
        m = message(ShapeException.class, () -> F.rnnTanhCell(Tensor.zeros(3, 4), Tensor.zeros(2, 5),
                Tensor.zeros(5, 4), Tensor.zeros(5, 5), null, null));
        assertTrue(m.startsWith("rnnTanhCell: expected hx of shape [3, 5], got [2, 5]"), m);
        m = message(ShapeException.class, () -> F.gruCell(Tensor.zeros(4), null, Tensor.zeros(6, 4),
                Tensor.zeros(6, 2), null, null));
        assertTrue(m.startsWith("gruCell: expected input of shape [batch, input_size], got [4]"), m);
        m = message(IllegalArgumentException.class, () -> new Recurrent.Options(1, false, -0.1, true));
        assertTrue(m.contains("dropout must be a probability in [0, 1], got -0.1"), m);
    }

    @Test
    void weightsChangedInPlaceBeforeBackwardAreReported() {
        RNN rnn = new RNN(3, 4);
        Tensor out = rnn.forward(Tensor.randn(G, 5, 2, 3)).output().sum();
        Supplier<Tensor> w = () -> rnn.namedParameters().get("weight_hh_l0");
        try (var scope = io.neurite.tensor.Autograd.noGrad()) {
            w.get().mulInPlace(2f);
        }
        String m = message(IllegalStateException.class, out::backward);
        assertTrue(m.contains("saved by 'rnnTanh'") && m.contains("in-place"), m);
    }
}
