package io.neurite.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.data.io.CorruptFileException;
import io.neurite.nn.BatchNorm1d;
import io.neurite.nn.Linear;
import io.neurite.nn.Module;
import io.neurite.nn.ReLU;
import io.neurite.nn.Sequential;
import io.neurite.optim.Adam;
import io.neurite.optim.LBFGS;
import io.neurite.optim.lr.StepLR;
import io.neurite.tensor.DType;
import io.neurite.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path dir;

    private static final Tensor X = Tensor.of(new float[] {0.1f, -1f, 2f, 0.5f, 0.3f, -0.2f, 1.5f, -0.7f, 0.9f,
            -1.2f, 0.4f, 0.8f, 2.2f, -0.1f, 0.6f, -0.9f, 1.1f, 0.2f}, 6, 3);
    private static final Tensor Y = Tensor.of(new float[] {1f, 0f, 0.5f, -1f, 0f, 2f, -0.5f, 1f, 1f, 1f, 0f, 0f}, 6, 2);

    private static Sequential model() {
        return new Sequential(new Linear(3, 4), new BatchNorm1d(4), new ReLU(), new Linear(4, 2));
    }

    private static void step(Module model, Adam adam, StepLR schedule) {
        adam.zeroGrad();
        Tensor loss = ((Sequential) model).forward(X).sub(Y).pow(2f).mean();
        loss.backward();
        adam.step();
        schedule.step();
    }

    private static List<float[]> values(Module model) {
        List<float[]> out = new ArrayList<>();
        for (Tensor t : model.stateDict().values()) out.add(t.toFloatArray());
        return out;
    }

    @Test
    void resumingAdamContinuesExactlyAsIfNeverStopped() throws Exception {
        Tensor.manualSeed(1);
        Sequential original = model();
        Adam adam = new Adam(original.parameters(), 0.05);
        StepLR schedule = new StepLR(adam, 2, 0.5);
        for (int i = 0; i < 3; i++) step(original, adam, schedule);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("epoch", 3);
        meta.put("metrics", Map.of("loss", 0.25, "best", Double.POSITIVE_INFINITY, "bad", Double.NaN));
        meta.put("scheduler", schedule.stateDict());
        Checkpoint.save(dir, original, adam, meta);
        for (int i = 0; i < 3; i++) step(original, adam, schedule);

        Tensor.manualSeed(2);
        Sequential resumed = model();
        Adam adam2 = new Adam(resumed.parameters(), 0.05);
        StepLR schedule2 = new StepLR(adam2, 2, 0.5);
        assertFalse(java.util.Arrays.equals(values(original).get(1), values(resumed).get(1)));
        Checkpoint.Loaded loaded = Checkpoint.load(dir, resumed);
        adam2.loadStateDict(loaded.optimizerState());
        schedule2.loadStateDict(loaded.schedulerState());
        assertEquals(3, loaded.state().get("epoch"));
        assertEquals(Map.of("loss", 0.25, "best", Double.POSITIVE_INFINITY, "bad", Double.NaN),
                loaded.state().get("metrics"));
        assertEquals(original.toString(), loaded.modelDescription());
        assertEquals(List.of(), loaded.weights().missingKeys());
        assertEquals(3, resumed.stateDict().get("1.num_batches_tracked").toIntArray()[0]);
        for (int i = 0; i < 3; i++) step(resumed, adam2, schedule2);

        List<float[]> a = values(original), b = values(resumed);
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0f, "state entry " + i);
        assertEquals(adam.paramGroups().get(0).lr(), adam2.paramGroups().get(0).lr(), 0.0);
        assertEquals(6, resumed.stateDict().get("1.num_batches_tracked").toIntArray()[0]);

        Sequential freshAdam = model();
        Checkpoint.load(dir, freshAdam);
        Adam adam3 = new Adam(freshAdam.parameters(), 0.05);
        StepLR schedule3 = new StepLR(adam3, 2, 0.5);
        for (int i = 0; i < 3; i++) step(freshAdam, adam3, schedule3);
        assertFalse(java.util.Arrays.equals(a.get(1), values(freshAdam).get(1)), "the optimizer state matters");
    }

    private static void lbfgsStep(Linear model, LBFGS lbfgs) {
        lbfgs.step(() -> {
            lbfgs.zeroGrad();
            Tensor loss = model.forward(X).sub(Y).pow(2f).mean();
            loss.backward();
            return loss;
        });
    }

    @Test
    void resumingLbfgsWithItsHistoryContinuesExactly() throws Exception {
        Tensor.manualSeed(3);
        Linear original = new Linear(3, 2);
        LBFGS lbfgs = new LBFGS(original.parameters(), LBFGS.options().withMaxIter(2));
        lbfgsStep(original, lbfgs);
        Checkpoint.save(dir, original, lbfgs, Map.of());
        lbfgsStep(original, lbfgs);

        Linear resumed = new Linear(3, 2);
        LBFGS lbfgs2 = new LBFGS(resumed.parameters(), LBFGS.options().withMaxIter(2));
        lbfgs2.loadStateDict(Checkpoint.load(dir, resumed).optimizerState());
        lbfgsStep(resumed, lbfgs2);
        List<float[]> a = values(original), b = values(resumed);
        for (int i = 0; i < a.size(); i++) assertArrayEquals(a.get(i), b.get(i), 0f, "state entry " + i);

        Linear withoutHistory = new Linear(3, 2);
        Checkpoint.load(dir, withoutHistory);
        lbfgsStep(withoutHistory, new LBFGS(withoutHistory.parameters(), LBFGS.options().withMaxIter(2)));
        assertFalse(java.util.Arrays.equals(a.get(0), values(withoutHistory).get(0)), "the history matters");
    }

    @Test
    void writesPyTorchNamedWeightsAndOptimizerTensorsByKeyPath() throws Exception {
        Sequential m = model();
        Adam adam = new Adam(m.parameters());
        StepLR schedule = new StepLR(adam, 1);
        step(m, adam, schedule);
        Checkpoint.save(dir, m, adam, Map.of());
        SafeTensors.Contents weights = SafeTensors.read(dir.resolve(Checkpoint.WEIGHTS));
        assertEquals(List.of("0.bias", "0.weight", "1.bias", "1.running_mean", "1.running_var", "1.weight", "3.bias",
                "3.weight", "1.num_batches_tracked"), List.copyOf(weights.tensors().keySet()));
        assertEquals(DType.INT32, weights.tensors().get("1.num_batches_tracked").dtype());
        assertEquals("pt", weights.metadata().get("format"));
        SafeTensors.Contents opt = SafeTensors.read(dir.resolve(Checkpoint.STATE_TENSORS));
        assertTrue(opt.tensors().containsKey("optimizer.state.0.expAvg"), opt.tensors().keySet().toString());
        assertArrayEquals(m.stateDict().get("0.weight").shape().dims(),
                opt.tensors().get("optimizer.state.0.expAvgSq").shape().dims());
        String json = Files.readString(dir.resolve(Checkpoint.SIDECAR));
        assertTrue(json.contains("\"state\":{\"$intKeys\":{\"0\":{"), json);
        assertTrue(json.contains("{\"$tensor\":\"optimizer.state.0.expAvg\"}"), json);
    }

    @Test
    void loadingAnotherArchitectureNamesTheFileAndTheKeys() throws Exception {
        Checkpoint.save(dir, model(), Map.of("epoch", 1));
        Sequential wider = new Sequential(new Linear(3, 5), new BatchNorm1d(5), new ReLU(), new Linear(5, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir, wider));
        assertTrue(e.getMessage().startsWith(dir.resolve(Checkpoint.WEIGHTS) + ": the weights do not fit Sequential"),
                e.getMessage());
        assertTrue(e.getMessage().contains("0.weight: checkpoint [4, 3], model [5, 3]"), e.getMessage());
        Sequential other = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(dir, other));
        assertTrue(e.getMessage().contains("missing keys: [2.weight, 2.bias]"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected keys: [1.bias, 1.running_mean"), e.getMessage());
        assertEquals(Map.of("epoch", 1), Checkpoint.load(dir, model()).state());
    }

    @Test
    void filesFromDifferentSavesAreRefused() throws Exception {
        Path other = dir.resolve("other");
        Checkpoint.save(dir, model(), Map.of("epoch", 1));
        Checkpoint.save(other, model(), Map.of("epoch", 2));
        Files.copy(other.resolve(Checkpoint.WEIGHTS), dir.resolve(Checkpoint.WEIGHTS),
                StandardCopyOption.REPLACE_EXISTING);
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Checkpoint.load(dir, model()));
        assertEquals(dir.resolve(Checkpoint.WEIGHTS), e.path());
        assertTrue(e.getMessage().contains("belongs to another save"), e.getMessage());
    }

    @Test
    void aCorruptSidecarIsRefusedWithItsPath() throws Exception {
        Checkpoint.save(dir, model(), Map.of());
        Path sidecar = dir.resolve(Checkpoint.SIDECAR);
        String json = Files.readString(sidecar);
        Files.writeString(sidecar, json.substring(0, json.length() - 1));
        CorruptFileException e = assertThrows(CorruptFileException.class, () -> Checkpoint.load(dir, model()));
        assertEquals(sidecar, e.path());
        assertEquals(json.length() - 1, e.offset());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        Files.writeString(sidecar, "{\"format\":\"something\"}");
        e = assertThrows(CorruptFileException.class, () -> Checkpoint.load(dir, model()));
        assertTrue(e.getMessage().contains("not a Neurite checkpoint"), e.getMessage());
    }

    @Test
    void aStateWithoutTensorsRemovesTheStaleTensorFile() throws Exception {
        Sequential m = model();
        Adam adam = new Adam(m.parameters());
        step(m, adam, new StepLR(adam, 1));
        Checkpoint.save(dir, m, adam, Map.of());
        assertTrue(Files.exists(dir.resolve(Checkpoint.STATE_TENSORS)));
        Checkpoint.save(dir, m, Map.of("note", "weights only"));
        assertFalse(Files.exists(dir.resolve(Checkpoint.STATE_TENSORS)));
        Checkpoint.Loaded loaded = Checkpoint.load(dir, model());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, loaded::optimizerState);
        assertTrue(e.getMessage().contains("the checkpoint has no 'optimizer' state (keys: [note])"), e.getMessage());
    }

    @Test
    void refusesStateItCannotStore() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(dir, model(), Map.of("when", new Object())));
        assertTrue(e.getMessage().contains("cannot store 'when' of type java.lang.Object"), e.getMessage());
        Map<String, Object> clash = new LinkedHashMap<>();
        clash.put("a.b", Tensor.scalar(1f));
        clash.put("a", Map.of("b", Tensor.scalar(2f)));
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(dir, model(), clash));
        assertTrue(e.getMessage().contains("two tensors get the name 'a.b'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(dir, model(), Map.of("x", Map.of("$tensor", "y"))));
        assertTrue(e.getMessage().contains("map 'x' has the reserved single key [$tensor]"), e.getMessage());
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put(0, 1);
        mixed.put("one", 2);
        e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(dir, model(), Map.of("m", mixed)));
        assertTrue(e.getMessage().contains("keys must be all strings or all integers"), e.getMessage());
    }

    @Test
    void aFolderWithoutCheckpointSaysSo() {
        java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Checkpoint.load(dir, model()));
        assertTrue(e.getMessage().contains(dir.resolve(Checkpoint.SIDECAR).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("checkpoint.json is missing"), e.getMessage());
    }

    /** torch_sequential.safetensors and its eval output: scripts/fixtures/gen_safetensors.py (torch 1.13). */
    @Test
    void loadsPyTorchWeightsAndComputesWhatPyTorchDid() throws Exception {
        Path file = Path.of(getClass().getClassLoader().getResource("fixtures/torch_sequential.safetensors").toURI());
        Sequential m = model();
        Module.StateDictResult r = Checkpoint.loadWeights(file, m, true);
        assertEquals(List.of(), r.missingKeys());
        assertEquals(2, m.stateDict().get("1.num_batches_tracked").toIntArray()[0], "I64 read as int32");
        m.eval();
        Tensor x = Tensor.of(new float[] {0.1f, -1f, 2f, 0.5f, 0.3f, -0.2f, 1.5f, -0.7f, 0.9f, -1.2f, 0.4f, 0.8f},
                4, 3);
        float[] expected = {-0.04810475930571556f, 0.09786657989025116f, -0.10634464025497437f, 0.07226728647947311f,
            -0.1421801745891571f, 0.15874247252941132f, -0.04820439592003822f, 0.11651648581027985f};
        assertArrayEquals(expected, m.forward(x).toFloatArray(), 1e-6f);
    }

    @Test
    void weightsAloneRoundTrip() throws Exception {
        Tensor.manualSeed(5);
        Sequential a = model();
        Tensor.manualSeed(6);
        Sequential b = model();
        assertFalse(java.util.Arrays.equals(values(a).get(1), values(b).get(1)), "different initial weights");
        Path file = dir.resolve("weights.safetensors");
        Checkpoint.saveWeights(file, a);
        Module.StateDictResult r = Checkpoint.loadWeights(file, b, true);
        assertEquals(List.of(), r.unexpectedKeys());
        List<float[]> va = values(a), vb = values(b);
        for (int i = 0; i < va.size(); i++) assertArrayEquals(va.get(i), vb.get(i), 0f);
    }
}
