package io.neurite.tensor;

import io.neurite.testing.Fixtures;
import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared PyTorch fixtures of the joining, indexing and selection ops: outputs and gradients. */
class JoiningIndexingFixturesTest {

    static Stream<FixtureCase> cases() {
        return Stream.of("cat", "stack", "split", "chunk", "gather", "scatter", "scatterAdd", "indexSelect",
                "where", "maskedFill", "oneHot").flatMap(op -> Fixtures.cases(op).stream());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesPyTorch(FixtureCase c) {
        Tensor[] bases = new Tensor[c.inputs().size()];
        Tensor[] in = new Tensor[bases.length];
        for (int i = 0; i < in.length; i++) {
            FixtureTensor f = c.input(i);
            bases[i] = f.isInt() ? Tensor.ofInts(f.intData(), f.shape()) : Tensor.of(f.data(), f.shape());
            if (f.requiresGrad()) bases[i].requiresGrad(true);
            in[i] = view(bases[i], f);
        }
        List<Tensor> outs = run(c, in);
        Tensor loss = Tensor.scalar(0f);
        for (int i = 0; i < outs.size(); i++) {
            c.assertOutput(i, outs.get(i).shape().dims(), outs.get(i).toFloatArray());
            FixtureTensor g = c.gradOutputs().get(i);
            if (g != null) loss = loss.add(outs.get(i).mul(Tensor.of(g.data(), g.shape())).sum());
        }
        if (!c.hasGradients()) return;
        loss.backward();
        for (int i = 0; i < in.length; i++) {
            if (c.grad(i) != null) c.assertGrad(i, bases[i].grad().shape().dims(), bases[i].grad().toFloatArray());
        }
    }

    private static List<Tensor> run(FixtureCase c, Tensor[] in) {
        return switch (c.op()) {
            case "cat" -> List.of(Tensor.cat(c.argInt("dim"), in));
            case "stack" -> List.of(Tensor.stack(c.argInt("dim"), in));
            case "split" -> c.has("splitSizes") ? in[0].split(c.argInts("splitSizes"), c.argInt("dim"))
                    : in[0].split(c.argInt("splitSize"), c.argInt("dim"));
            case "chunk" -> in[0].chunk(c.argInt("chunks"), c.argInt("dim"));
            case "gather" -> List.of(in[0].gather(c.argInt("dim"), in[1]));
            case "scatter" -> List.of(in[0].scatter(c.argInt("dim"), in[1], in[2]));
            case "scatterAdd" -> List.of(in[0].scatterAdd(c.argInt("dim"), in[1], in[2]));
            case "indexSelect" -> List.of(in[0].indexSelect(c.argInt("dim"), in[1]));
            case "where" -> List.of(Tensor.where(in[0], in[1], in[2]));
            case "maskedFill" -> List.of(in[0].maskedFill(in[1], c.argFloat("value")));
            case "oneHot" -> List.of(Tensor.oneHot(in[0], c.argInt("numClasses", -1)));
            default -> throw new IllegalArgumentException("no runner for op " + c.op());
        };
    }

    private static Tensor view(Tensor t, FixtureTensor f) {
        if (!f.hasView()) return t;
        int[] a = f.viewArgs();
        return switch (f.viewKind()) {
            case "transpose" -> t.transpose(a[0], a[1]);
            case "permute" -> t.permute(a);
            case "expand" -> t.expand(a);
            case "slice" -> t.slice(a[0], a[1], a[2], a[3]);
            default -> throw new IllegalArgumentException("unknown view " + f.viewKind());
        };
    }
}
