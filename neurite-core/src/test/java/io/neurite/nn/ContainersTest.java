package io.neurite.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.tensor.Shape;
import io.neurite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainersTest {

    /** A custom model holding its blocks in a ModuleList and its heads in a ModuleDict. */
    static final class MultiHead extends Layer {
        final ModuleList<Linear> blocks = register("blocks", new ModuleList<>());
        final ModuleDict<Layer> heads = register("heads", new ModuleDict<>());

        MultiHead() {
            for (int i = 0; i < 2; i++) blocks.add(new Linear(4, 4));
            heads.put("digits", new Linear(4, 10)).put("parity", new Linear(4, 2));
        }

        @Override
        public Tensor forward(Tensor x) {
            for (Linear block : blocks) x = F.relu(block.forward(x));
            return heads.get("digits").forward(x);
        }
    }

    @Test
    void moduleListNamesChildrenByIndex() {
        MultiHead m = new MultiHead();
        assertEquals(List.of("blocks.0.weight", "blocks.0.bias", "blocks.1.weight", "blocks.1.bias",
                "heads.digits.weight", "heads.digits.bias", "heads.parity.weight", "heads.parity.bias"),
                List.copyOf(m.namedParameters().keySet()));
        assertEquals(2, m.blocks.size());
        assertSame(m.blocks.get(1), m.blocks.get(-1));
        List<Linear> seen = new ArrayList<>();
        for (Linear l : m.blocks) seen.add(l);
        assertEquals(List.of(m.blocks.get(0), m.blocks.get(1)), seen);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> m.blocks.get(2));
        assertEquals("ModuleList.get: index 2 out of range for 2 modules", e.getMessage());
        assertEquals(Shape.of(3, 10), m.forward(Tensor.zeros(3, 4)).shape());
    }

    @Test
    void moduleListPrintsAsPyTorch() {
        ModuleList<Module> list = new ModuleList<>(new Linear(2, 3), new ReLU());
        assertEquals("ModuleList(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): ReLU()\n)",
                list.toString());
        assertEquals(9, new ModuleList<>(List.of(new Linear(2, 3))).parameterCount());
    }

    @Test
    void moduleDictNamesChildrenByKey() {
        ModuleDict<Layer> d = new ModuleDict<>();
        d.put("encoder", new Linear(3, 2)).put("act", new Tanh());
        assertEquals(List.of("encoder", "act"), d.keys());
        assertEquals(2, d.size());
        assertTrue(d.containsKey("act"));
        assertEquals(List.of("encoder.weight", "encoder.bias"), List.copyOf(d.namedParameters().keySet()));
        assertEquals("ModuleDict(\n  (encoder): Linear(in_features=3, out_features=2, bias=True)\n  (act): Tanh()\n)",
                d.toString());
        var missing = assertThrows(IllegalArgumentException.class, () -> d.get("decoder"));
        assertEquals("ModuleDict.get: no module under the key 'decoder'; keys are [encoder, act]",
                missing.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> d.put("act", new ReLU()));
        assertTrue(twice.getMessage().startsWith("ModuleDict.put: the key 'act' is already present"),
                twice.getMessage());
        var dotted = assertThrows(IllegalArgumentException.class, () -> d.put("a.b", new ReLU()));
        assertTrue(dotted.getMessage().contains("contain no '.'"), dotted.getMessage());
    }

    @Test
    void summaryOfTheNotesMlp() {
        Sequential mlp = new Sequential(new Flatten(), new Linear(200 * 200 * 3, 10), new ReLU());
        String s = Summary.of(mlp, Shape.of(1, 3, 200, 200));
        String expected = """
                Input shape: [1, 3, 200, 200]
                Layer (type)    Output Shape     Param #
                ========================================
                Sequential      [1, 10]        1,200,010
                  0 (Flatten)   [1, 120000]            0
                  1 (Linear)    [1, 10]        1,200,010
                  2 (ReLU)      [1, 10]                0
                ========================================
                Total params: 1,200,010
                Trainable params: 1,200,010
                Frozen params: 0
                """;
        assertEquals(expected, s);
    }

    @Test
    void summaryIndentsNestedModulesAndCountsFrozenParameters() {
        Sequential features = new Sequential(new Linear(4, 8), new Tanh());
        Sequential model = new Sequential(features, new Linear(8, 2));
        features.requiresGrad(false);
        model.train();
        String s = Summary.of(model, Shape.of(5, 4));
        assertTrue(s.contains("\n  0 (Sequential)   [5, 8]              40\n"
                + "    0 (Linear)     [5, 8]              40\n"
                + "    1 (Tanh)       [5, 8]               0\n"
                + "  1 (Linear)       [5, 2]              18\n"), s);
        assertTrue(s.endsWith("Total params: 58\nTrainable params: 18\nFrozen params: 40\n"), s);
        assertTrue(model.isTraining() && features.isTraining(), "modes are restored");
    }

    @Test
    void summaryShowsADashForChildrenOfACustomForward() {
        String s = Summary.of(new MultiHead(), Shape.of(2, 4));
        assertTrue(s.contains("MultiHead"), s);
        assertTrue(s.lines().anyMatch(l -> l.startsWith("MultiHead") && l.contains("[2, 10]")), s);
        assertTrue(s.lines().anyMatch(l -> l.startsWith("    0 (Linear)") && l.contains(" - ")), s);
        assertTrue(s.lines().anyMatch(l -> l.startsWith("  heads (ModuleDict)")), s);
        String square = Summary.of(new Sequential(Layer.of("Square", x -> x.mul(x))), Shape.of(2, 3));
        assertTrue(square.contains("  0 (Square)"), square);
        Layer embed = new Sequential(new Embedding(10, 3), new Flatten());
        String e = Summary.of(embed, Tensor.ofInts(new int[] {1, 2, 3, 4}, 2, 2));
        assertTrue(e.contains("1 (Flatten)") && e.contains("[2, 6]"), e);
    }
}
