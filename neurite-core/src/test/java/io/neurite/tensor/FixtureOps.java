package io.neurite.tensor;

import io.neurite.testing.Fixtures.FixtureCase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How each op id of the PyTorch fixtures maps to the Neurite API: one line per op. Each family of
 * ops adds its lines here; {@link FixtureConformanceTest} runs every case of every op listed.
 */
final class FixtureOps {

    /** Computes an op's outputs from its inputs and the case's arguments. */
    @FunctionalInterface
    interface Op {
        List<Tensor> apply(List<Tensor> in, FixtureCase c);
    }

    static final Map<String, Op> OPS = new HashMap<>();

    private static void one(String name, java.util.function.BiFunction<List<Tensor>, FixtureCase, Tensor> f) {
        OPS.put(name, (in, c) -> List.of(f.apply(in, c)));
    }

    private static int[] dimsOrAll(FixtureCase c, Tensor t) {
        return c.has("dim") ? c.argInts("dim") : t.allDims();
    }

    private static List<Tensor> indexed(Tensor x, FixtureCase c, boolean max) {
        if (!c.has("dim")) return List.of(max ? x.max() : x.min());
        ValuesIndices r = max ? x.max(c.argInt("dim"), c.argBool("keepdim", false))
                : x.min(c.argInt("dim"), c.argBool("keepdim", false));
        return List.of(r.values(), r.indices());
    }

    private static float normP(FixtureCase c) {
        String p = c.has("p") ? c.argString("p") : "2";
        return switch (p) {
            case "inf" -> Float.POSITIVE_INFINITY;
            case "fro" -> 2f;
            default -> Float.parseFloat(p);
        };
    }

    static {
        // arithmetic and comparisons
        one("add", (in, c) -> in.get(0).add(in.get(1)));
        one("sub", (in, c) -> in.get(0).sub(in.get(1)));
        one("mul", (in, c) -> in.get(0).mul(in.get(1)));
        one("div", (in, c) -> in.get(0).div(in.get(1)));
        one("pow", (in, c) -> in.get(0).pow(in.get(1)));
        one("maximum", (in, c) -> in.get(0).maximum(in.get(1)));
        one("minimum", (in, c) -> in.get(0).minimum(in.get(1)));
        one("addScalar", (in, c) -> in.get(0).add(c.argFloat("scalar")));
        one("subScalar", (in, c) -> in.get(0).sub(c.argFloat("scalar")));
        one("mulScalar", (in, c) -> in.get(0).mul(c.argFloat("scalar")));
        one("divScalar", (in, c) -> in.get(0).div(c.argFloat("scalar")));
        one("rsub", (in, c) -> in.get(0).rsub(c.argFloat("scalar")));
        one("rdiv", (in, c) -> Tensor.scalar(c.argFloat("scalar")).div(in.get(0)));
        one("powScalar", (in, c) -> in.get(0).pow(c.argFloat("exponent")));
        one("eq", (in, c) -> in.get(0).eq(in.get(1)));
        one("ne", (in, c) -> in.get(0).ne(in.get(1)));
        one("lt", (in, c) -> in.get(0).lt(in.get(1)));
        one("le", (in, c) -> in.get(0).le(in.get(1)));
        one("gt", (in, c) -> in.get(0).gt(in.get(1)));
        one("ge", (in, c) -> in.get(0).ge(in.get(1)));
        one("eqScalar", (in, c) -> in.get(0).eq(c.argFloat("scalar")));
        one("neScalar", (in, c) -> in.get(0).ne(c.argFloat("scalar")));
        one("ltScalar", (in, c) -> in.get(0).lt(c.argFloat("scalar")));
        one("leScalar", (in, c) -> in.get(0).le(c.argFloat("scalar")));
        one("gtScalar", (in, c) -> in.get(0).gt(c.argFloat("scalar")));
        one("geScalar", (in, c) -> in.get(0).ge(c.argFloat("scalar")));
        // unary math
        one("neg", (in, c) -> in.get(0).neg());
        one("exp", (in, c) -> in.get(0).exp());
        one("log", (in, c) -> in.get(0).log());
        one("log1p", (in, c) -> in.get(0).log1p());
        one("sqrt", (in, c) -> in.get(0).sqrt());
        one("rsqrt", (in, c) -> in.get(0).rsqrt());
        one("abs", (in, c) -> in.get(0).abs());
        one("sign", (in, c) -> in.get(0).sign());
        one("sin", (in, c) -> in.get(0).sin());
        one("cos", (in, c) -> in.get(0).cos());
        one("tanh", (in, c) -> in.get(0).tanh());
        one("sigmoid", (in, c) -> in.get(0).sigmoid());
        one("clamp", (in, c) -> in.get(0).clamp(c.argFloat("min", Float.NaN), c.argFloat("max", Float.NaN)));
        // sum and mean
        one("sum", (in, c) -> in.get(0).sum(dimsOrAll(c, in.get(0)), c.argBool("keepdim", false)));
        one("mean", (in, c) -> in.get(0).mean(dimsOrAll(c, in.get(0)), c.argBool("keepdim", false)));
        one("prod", (in, c) -> c.has("dim") ? in.get(0).prod(c.argInt("dim"), c.argBool("keepdim", false))
                : in.get(0).prod());
        OPS.put("max", (in, c) -> indexed(in.get(0), c, true));
        OPS.put("min", (in, c) -> indexed(in.get(0), c, false));
        one("argmax", (in, c) -> c.has("dim") ? in.get(0).argmax(c.argInt("dim"), c.argBool("keepdim", false))
                : in.get(0).argmax());
        one("argmin", (in, c) -> c.has("dim") ? in.get(0).argmin(c.argInt("dim"), c.argBool("keepdim", false))
                : in.get(0).argmin());
        one("var", (in, c) -> in.get(0).var(dimsOrAll(c, in.get(0)), c.argInt("correction", 1),
                c.argBool("keepdim", false)));
        one("std", (in, c) -> in.get(0).std(dimsOrAll(c, in.get(0)), c.argInt("correction", 1),
                c.argBool("keepdim", false)));
        one("logsumexp", (in, c) -> in.get(0).logsumexp(dimsOrAll(c, in.get(0)), c.argBool("keepdim", false)));
        one("norm", (in, c) -> in.get(0).norm(normP(c), dimsOrAll(c, in.get(0)), c.argBool("keepdim", false)));
        // matrix products
        one("matmul", (in, c) -> in.get(0).matmul(in.get(1)));
        one("bmm", (in, c) -> in.get(0).bmm(in.get(1)));
        one("outer", (in, c) -> in.get(0).outer(in.get(1)));
        // views and copies
        one("reshape", (in, c) -> in.get(0).reshape(c.argInts("shape")));
        one("view", (in, c) -> in.get(0).view(c.argInts("shape")));
        one("permute", (in, c) -> in.get(0).permute(c.argInts("dims")));
        one("transpose", (in, c) -> in.get(0).transpose(c.argInt("dim0"), c.argInt("dim1")));
        one("t", (in, c) -> in.get(0).t());
        one("squeeze", (in, c) -> c.has("dim") ? in.get(0).squeeze(c.argInt("dim")) : in.get(0).squeeze());
        one("unsqueeze", (in, c) -> in.get(0).unsqueeze(c.argInt("dim")));
        one("flatten", (in, c) -> in.get(0).flatten(c.argInt("startDim", 0), c.argInt("endDim", -1)));
        one("unflatten", (in, c) -> in.get(0).unflatten(c.argInt("dim"), c.argInts("sizes")));
        one("expand", (in, c) -> in.get(0).expand(c.argInts("sizes")));
        one("narrow", (in, c) -> in.get(0).narrow(c.argInt("dim"), c.argInt("start"), c.argInt("length")));
        one("slice", (in, c) -> in.get(0).slice(c.argInt("dim"), c.argInt("start"), c.argInt("end"), c.argInt("step")));
        one("select", (in, c) -> in.get(0).select(c.argInt("dim"), c.argInt("index")));
        one("contiguous", (in, c) -> in.get(0).contiguous());
        one("clone", (in, c) -> in.get(0).clone());
        // joining and indexing
        one("cat", (in, c) -> Tensor.cat(in, c.argInt("dim")));
        one("stack", (in, c) -> Tensor.stack(in, c.argInt("dim")));
        OPS.put("split", (in, c) -> c.has("splitSizes") ? in.get(0).split(c.argInts("splitSizes"), c.argInt("dim"))
                : in.get(0).split(c.argInt("splitSize"), c.argInt("dim")));
        OPS.put("chunk", (in, c) -> in.get(0).chunk(c.argInt("chunks"), c.argInt("dim")));
        one("gather", (in, c) -> in.get(0).gather(c.argInt("dim"), in.get(1)));
        one("scatter", (in, c) -> in.get(0).scatter(c.argInt("dim"), in.get(1), in.get(2)));
        one("scatterAdd", (in, c) -> in.get(0).scatterAdd(c.argInt("dim"), in.get(1), in.get(2)));
        one("indexSelect", (in, c) -> in.get(0).indexSelect(c.argInt("dim"), in.get(1)));
        one("where", (in, c) -> Tensor.where(in.get(0), in.get(1), in.get(2)));
        one("maskedFill", (in, c) -> in.get(0).maskedFill(in.get(1), c.argFloat("value")));
        one("oneHot", (in, c) -> Tensor.oneHot(in.get(0), c.argInt("numClasses", -1)));
        // creation
        one("arange", (in, c) -> Tensor.arange(c.argDouble("start"), c.argDouble("end"), c.argDouble("step", 1)));
        one("linspace", (in, c) -> Tensor.linspace(c.argDouble("start"), c.argDouble("end"), c.argInt("steps")));
        one("eye", (in, c) -> Tensor.eye(c.argInt("n"), c.argInt("m", c.argInt("n"))));
        one("zeros", (in, c) -> Tensor.zeros(c.argInts("size")));
        one("ones", (in, c) -> Tensor.ones(c.argInts("size")));
        one("full", (in, c) -> Tensor.full(c.argFloat("fillValue"), c.argInts("size")));
    }

    private FixtureOps() {}
}
