package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.neurite.nn.functional.Recurrent;
import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code nn_rnn.json} (PyTorch's RNN, LSTM, GRU and cells with PyTorch's own initial
 * weights): outputs, final states, and the gradients with respect to the input, the initial states and
 * every parameter, once through the modules (weights loaded by state dict) and once through {@link F}
 * (weights passed as tensors) where the layout allows.
 */
class RecurrentFixtureTest {

    static final String FILE = "fixtures/nn_rnn.json";

    static Stream<FixtureCase> cases() {
        return Fixtures.load(FILE).cases().stream();
    }

    /** The cases F takes as they are: batched, and time-major for the sequence functions. */
    static Stream<FixtureCase> functionalCases() {
        return cases().filter(c -> c.op().endsWith("Cell") ? c.input(0).opShape().length == 2
                : c.input(0).opShape().length == 3 && !c.argBool("batchFirst"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void moduleMatchesPyTorch(FixtureCase c) {
        Module m = module(c);
        List<String> names = params(c);
        Map<String, Tensor> state = new LinkedHashMap<>();
        int first = c.inputs().size() - names.size();
        for (int i = 0; i < names.size(); i++) {
            state.put(names.get(i), Tensor.of(c.input(first + i).data(), c.input(first + i).shape()));
        }
        m.loadStateDict(state, true);
        List<Tensor> bases = bases(c, first);
        List<Tensor> outputs = forwardModule(m, c, views(c, bases));
        List<Tensor> grads = new ArrayList<>();
        check(c, outputs, () -> {
            for (Tensor b : bases) grads.add(b.grad());
            for (String n : names) grads.add(m.namedParameters().get(n).grad());
            return grads;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionalCases")
    void functionalMatchesPyTorch(FixtureCase c) {
        List<Tensor> all = bases(c, c.inputs().size());
        List<Tensor> in = views(c, all);
        int states = c.argBool("state") ? (c.op().startsWith("lstm") ? 2 : 1) : 0;
        Tensor x = in.get(0);
        Tensor h = states > 0 ? in.get(1) : null, cs = states > 1 ? in.get(2) : null;
        List<Tensor> w = in.subList(1 + states, in.size());
        boolean bias = c.argBool("bias");
        Tensor bi = bias ? w.get(2) : null, bh = bias ? w.get(3) : null;
        List<Tensor> outputs = switch (c.op()) {
            case "rnnCell" -> List.of("relu".equals(c.argString("nonlinearity"))
                    ? F.rnnReluCell(x, h, w.get(0), w.get(1), bi, bh)
                    : F.rnnTanhCell(x, h, w.get(0), w.get(1), bi, bh));
            case "gruCell" -> List.of(F.gruCell(x, h, w.get(0), w.get(1), bi, bh));
            case "lstmCell" -> {
                Recurrent.State s = F.lstmCell(x, h, cs, w.get(0), w.get(1), bi, bh);
                yield List.of(s.h(), s.c());
            }
            default -> {
                var o = new Recurrent.Options(c.argInt("numLayers"), c.argBool("bidirectional"), 0, false);
                Recurrent.Output r = switch (c.op()) {
                    case "rnn" -> "relu".equals(c.argString("nonlinearity"))
                            ? F.rnnRelu(x, h, w, o) : F.rnnTanh(x, h, w, o);
                    case "lstm" -> F.lstm(x, h, cs, w, o);
                    default -> F.gru(x, h, w, o);
                };
                yield r.cN() == null ? List.of(r.output(), r.hN()) : List.of(r.output(), r.hN(), r.cN());
            }
        };
        check(c, outputs, () -> all.stream().map(Tensor::grad).toList());
    }

    // ---------------------------------------------------------------- helpers

    static Module module(FixtureCase c) {
        int in = c.argInt("inputSize"), hidden = c.argInt("hiddenSize");
        boolean bias = c.argBool("bias");
        return switch (c.op()) {
            case "rnnCell" -> RNNCell.builder(in, hidden).bias(bias).nonlinearity(c.argString("nonlinearity")).build();
            case "lstmCell" -> LSTMCell.builder(in, hidden).bias(bias).build();
            case "gruCell" -> GRUCell.builder(in, hidden).bias(bias).build();
            case "rnn" -> configure(RNN.builder(in, hidden).nonlinearity(c.argString("nonlinearity")), c).build();
            case "lstm" -> configure(LSTM.builder(in, hidden), c).build();
            case "gru" -> configure(GRU.builder(in, hidden), c).build();
            default -> throw new IllegalArgumentException("unknown op " + c.op());
        };
    }

    private static <B extends RNNBase.BaseBuilder<B>> B configure(B b, FixtureCase c) {
        return b.numLayers(c.argInt("numLayers")).bias(c.argBool("bias")).batchFirst(c.argBool("batchFirst"))
                .bidirectional(c.argBool("bidirectional"));
    }

    private static List<Tensor> forwardModule(Module m, FixtureCase c, List<Tensor> in) {
        Tensor x = in.get(0);
        boolean state = c.argBool("state");
        Tensor h = state ? in.get(1) : null;
        return switch (m) {
            case RNNCell cell -> List.of(cell.forward(x, h));
            case GRUCell cell -> List.of(cell.forward(x, h));
            case LSTMCell cell -> {
                LSTMCell.Output o = state ? cell.forward(x, h, in.get(2)) : cell.forward(x);
                yield List.of(o.h(), o.c());
            }
            case RNN rnn -> {
                RNN.Output o = rnn.forward(x, h);
                yield List.of(o.output(), o.hN());
            }
            case GRU gru -> {
                GRU.Output o = gru.forward(x, h);
                yield List.of(o.output(), o.hN());
            }
            case LSTM lstm -> {
                LSTM.Output o = state ? lstm.forward(x, h, in.get(2)) : lstm.forward(x);
                yield List.of(o.output(), o.hN(), o.cN());
            }
            default -> throw new IllegalArgumentException(m.toString());
        };
    }

    private static List<String> params(FixtureCase c) {
        List<String> names = new ArrayList<>();
        for (Object o : (List<?>) c.args().get("params")) names.add((String) o);
        return names;
    }

    /** The first {@code count} inputs as leaf tensors that require grad. */
    private static List<Tensor> bases(FixtureCase c, int count) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FixtureTensor t = c.input(i);
            out.add(Tensor.of(t.data(), t.shape()).requiresGrad(true));
        }
        return out;
    }

    private static List<Tensor> views(FixtureCase c, List<Tensor> bases) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < bases.size(); i++) {
            FixtureTensor t = c.input(i);
            int[] a = t.viewArgs();
            out.add(t.hasView() ? bases.get(i).transpose(a[0], a[1]) : bases.get(i));
        }
        return out;
    }

    /** Compares the outputs, runs backward of sum_i sum(output_i * gradOutput_i), compares the gradients. */
    private static void check(FixtureCase c, List<Tensor> outputs, java.util.function.Supplier<List<Tensor>> grads) {
        Tensor total = null;
        for (int i = 0; i < outputs.size(); i++) {
            Tensor out = outputs.get(i);
            c.assertOutput(i, out.shape().dims(), out.toFloatArray());
            FixtureTensor g = c.gradOutputs().get(i);
            Tensor term = out.mul(Tensor.of(g.data(), g.shape())).sum();
            total = total == null ? term : total.add(term);
        }
        total.backward();
        List<Tensor> actual = grads.get();
        for (int i = 0; i < actual.size(); i++) {
            assertNotNull(actual.get(i), c.name() + ": no gradient for input " + i);
            c.assertGrad(i, actual.get(i).shape().dims(), actual.get(i).toFloatArray());
        }
    }
}
