package io.neurite.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.testing.Fixtures.FixtureCase;
import io.neurite.testing.Fixtures.FixtureTensor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FixturesTest {

    /** Every op of the tensor foundation must have reference cases. */
    private static final List<String> FOUNDATION_OPS = List.of(
            "add", "sub", "mul", "div", "pow", "maximum", "minimum",
            "addScalar", "subScalar", "mulScalar", "divScalar", "powScalar", "rsub", "rdiv",
            "eq", "ne", "lt", "le", "gt", "ge", "eqScalar", "neScalar", "ltScalar", "leScalar", "gtScalar",
            "geScalar", "where", "maskedFill",
            "neg", "exp", "log", "log1p", "sqrt", "rsqrt", "abs", "sign", "clamp", "sin", "cos", "tanh", "sigmoid",
            "sum", "mean", "prod", "max", "min", "argmax", "argmin", "var", "std", "logsumexp", "norm",
            "matmul", "bmm", "outer",
            "reshape", "view", "permute", "transpose", "t", "squeeze", "unsqueeze", "flatten", "unflatten",
            "expand", "narrow", "slice", "select", "contiguous", "clone",
            "cat", "stack", "split", "chunk", "gather", "scatter", "scatterAdd", "indexSelect", "oneHot",
            "arange", "linspace", "eye", "full", "zeros", "ones");

    @Test
    void loadsTheFileWithItsHeader() {
        assertTrue(Fixtures.all().size() > 400, "cases: " + Fixtures.all().size());
        assertFalse(Fixtures.torchVersion().isBlank());
        assertEquals("scripts/fixtures/gen_tensor_fixtures.py", Fixtures.load(Fixtures.TENSOR_OPS).generator());
    }

    @Test
    void coversEveryFoundationOp() {
        Set<String> present = Fixtures.ops();
        for (String op : FOUNDATION_OPS) {
            assertTrue(present.contains(op), "no cases for " + op);
        }
        assertEquals(Set.copyOf(FOUNDATION_OPS), Set.copyOf(present), "ops in the file");
    }

    @Test
    void everyCaseIsConsistent() {
        for (FixtureCase c : Fixtures.all()) {
            String where = c.name();
            assertFalse(c.outputs().isEmpty(), where);
            assertEquals(c.outputs().size(), c.gradOutputs().size(), where);
            assertEquals(c.inputs().size(), c.grads().size(), where);
            assertTrue(c.rtol() >= 0 && c.atol() >= 0, where);
            for (FixtureTensor t : c.inputs()) {
                checkData(where, t);
                if (t.hasView()) {
                    assertArrayEquals(viewShape(t.shape(), t.viewKind(), t.viewArgs()), t.viewShape(),
                            where + " view " + t);
                }
                if (t.isInt()) {
                    assertFalse(t.requiresGrad(), where);
                }
            }
            for (FixtureTensor t : c.outputs()) {
                checkData(where, t);
                assertNull(t.view(), where);
            }
            for (int i = 0; i < c.outputs().size(); i++) {
                FixtureTensor g = c.gradOutputs().get(i);
                if (g != null) {
                    assertArrayEquals(c.output(i).shape(), g.shape(), where + " gradOutput " + i);
                    assertFalse(c.output(i).isInt(), where + " int output with a gradient");
                }
            }
            for (int i = 0; i < c.inputs().size(); i++) {
                FixtureTensor g = c.grad(i);
                assertEquals(g != null, c.input(i).requiresGrad(), where + " grad " + i);
                if (g != null) {
                    checkData(where, g);
                    assertArrayEquals(c.input(i).shape(), g.shape(), where + " grad " + i);
                }
            }
            boolean anyGradOutput = c.gradOutputs().stream().anyMatch(g -> g != null);
            assertEquals(c.hasGradients(), anyGradOutput, where + " grads without gradOutput or the reverse");
        }
    }

    @Test
    void filtersByOp() {
        List<FixtureCase> add = Fixtures.cases("add");
        assertFalse(add.isEmpty());
        assertTrue(add.stream().allMatch(c -> c.op().equals("add")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixtures.cases("addd"));
        assertTrue(e.getMessage().contains("addd"), e.getMessage());
    }

    @Test
    void readsArgsOfEveryKind() {
        FixtureCase c = Fixtures.byName("sum_dims_0_neg1_keepdim");
        assertArrayEquals(new int[] {0, -1}, c.argInts("dim"));
        assertTrue(c.argBool("keepdim"));
        assertTrue(c.argBool("keepdim", false));
        assertFalse(Fixtures.byName("sum_all").argBool("keepdim", false));
        assertArrayEquals(new int[] {1}, Fixtures.byName("max_dim1").argInts("dim"));
        assertEquals(1, Fixtures.byName("max_dim1").argInt("dim"));
        assertEquals(Double.NEGATIVE_INFINITY, Fixtures.byName("maskedFill_neg_inf").argDouble("value"));
        assertEquals(2.5f, Fixtures.byName("addScalar_2x3").argFloat("scalar"));
        assertEquals("inf", Fixtures.byName("norm_pinf_all").argString("p"));
        assertEquals(Double.POSITIVE_INFINITY, Fixtures.byName("norm_pinf_all").argDouble("p"));
        assertEquals("fro", Fixtures.byName("norm_pfro_all").argString("p"));
        assertEquals(2.0, Fixtures.byName("norm_p2_all").argDouble("p"));
        assertEquals("2", Fixtures.byName("norm_p2_all").argString("p"));
        assertEquals(0.1, Fixtures.byName("arange_fractional_step").argDouble("step"));
        assertThrows(IllegalArgumentException.class, () -> c.argInt("nope"));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.byName("addScalar_2x3").argInt("scalar"));
    }

    @Test
    void encodesMasksIndicesViewsAndNonFiniteValues() {
        FixtureCase eq = Fixtures.byName("eq_same_ties");
        assertEquals("float32", eq.output().dtype());
        for (float v : eq.output().data()) {
            assertTrue(v == 0f || v == 1f);
        }
        assertFalse(eq.hasGradients());
        assertNull(eq.gradOutput());

        FixtureCase max = Fixtures.byName("max_dim_ties_first_index");
        assertTrue(max.multiOutput());
        assertThrows(IllegalStateException.class, max::output);
        assertTrue(max.output(1).isInt());
        assertArrayEquals(new int[] {1, 0, 1}, max.output(1).intData());  // first index among ties
        assertNull(max.gradOutputs().get(1));

        FixtureCase gather = Fixtures.byName("gather_dim1");
        assertTrue(gather.input(1).isInt());
        assertNull(gather.grad(1));

        FixtureCase t = Fixtures.byName("add_transposed");
        assertEquals("transpose", t.input(0).viewKind());
        assertArrayEquals(new int[] {3, 2}, t.input(0).shape());
        assertArrayEquals(new int[] {2, 3}, t.input(0).opShape());
        assertArrayEquals(new int[] {3, 2}, t.grad(0).shape());

        float[] filled = Fixtures.byName("maskedFill_neg_inf").output().data();
        assertTrue(Arrays.toString(filled).contains("-Infinity"));
        float negZero = Fixtures.byName("abs_with_zero").input(0).data()[1];
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(negZero));

        FixtureTensor scalar = Fixtures.byName("add_scalars").output();
        assertTrue(scalar.isScalar());
        assertEquals(1, scalar.numel());
        assertEquals(0, Fixtures.byName("add_empty_0x3_3").output().numel());
        assertTrue(Fixtures.byName("arange_ints").inputs().isEmpty());
    }

    @Test
    void comparisonHelpersReportTheWorstElement() {
        FixtureCase c = Fixtures.byName("add_same_2x3");
        float[] exact = c.output().data().clone();
        c.assertOutput(c.output().shape(), exact);
        exact[4] += 1e-3f;
        AssertionError e = assertThrows(AssertionError.class, () -> c.assertOutput(c.output().shape(), exact));
        assertTrue(e.getMessage().contains("add_same_2x3") && e.getMessage().contains("[1, 1]"), e.getMessage());
        assertThrows(AssertionError.class, () -> c.assertOutput(new int[] {3, 2}, c.output().data()));
        c.assertGrad(0, c.grad(0).shape(), c.grad(0).data());

        FixtureCase am = Fixtures.byName("argmax_dim1");
        am.assertIntOutput(0, am.output().shape(), am.output().intData());
        assertThrows(AssertionError.class, () -> am.assertIntOutput(0, am.output().shape(), new int[3]));
        FixtureCase inf = Fixtures.byName("maskedFill_neg_inf");
        inf.assertOutput(inf.output().shape(), inf.output().data());
    }

    private static void checkData(String where, FixtureTensor t) {
        int numel = Arrays.stream(t.shape()).reduce(1, (a, b) -> a * b);
        assertEquals(numel, t.data().length, where + " " + t);
        if (t.isInt()) {
            assertNotNull(t.intData(), where);
            assertEquals(numel, t.intData().length, where);
        } else {
            assertNull(t.intData(), where);
        }
    }

    /** The shape a view gives, computed independently of the generator. */
    private static int[] viewShape(int[] shape, String kind, int[] a) {
        int n = shape.length;
        switch (kind) {
            case "transpose" -> {
                int[] out = shape.clone();
                int d0 = Math.floorMod(a[0], n);
                int d1 = Math.floorMod(a[1], n);
                out[d0] = shape[d1];
                out[d1] = shape[d0];
                return out;
            }
            case "permute" -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = shape[Math.floorMod(a[i], n)];
                }
                return out;
            }
            case "expand" -> {
                int[] out = a.clone();
                for (int i = 0; i < out.length; i++) {
                    int j = i - (out.length - n);
                    if (out[i] == -1) {
                        out[i] = shape[j];
                    }
                }
                return out;
            }
            case "slice" -> {
                int d = Math.floorMod(a[0], n);
                int size = shape[d];
                int start = clampIndex(a[1], size);
                int end = clampIndex(a[2], size);
                int[] out = shape.clone();
                out[d] = end <= start ? 0 : (end - start + a[3] - 1) / a[3];
                return out;
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static int clampIndex(int i, int size) {
        return Math.max(0, Math.min(size, i < 0 ? i + size : i));
    }
}
