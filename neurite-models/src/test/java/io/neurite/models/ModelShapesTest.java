package io.neurite.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.Layer;
import io.neurite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output shapes, parameter counts (from PyTorch's equivalent modules) and parameter names. */
class ModelShapesTest {

    private static int[] outShape(Layer model, int... inputShape) {
        return model.forward(Tensor.randn(inputShape)).shape().dims();
    }

    @Test
    void lenet5OnFashionMnistSizedImages() {
        LeNet5 net = new LeNet5();
        assertArrayEquals(new int[] {3, 10}, outShape(net, 3, 1, 28, 28));
        assertEquals(61_706, net.parameterCount());
        assertEquals(LeNet5.PARAMETERS_28X28, net.parameterCount());
        assertArrayEquals(new int[] {2, 5}, outShape(new LeNet5(3, 32, 5), 2, 3, 32, 32));
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.3.weight", "features.3.bias",
                "classifier.1.weight", "classifier.1.bias", "classifier.3.weight", "classifier.3.bias",
                "classifier.5.weight", "classifier.5.bias"), List.copyOf(net.namedParameters().keySet()));
        var e = assertThrows(IllegalArgumentException.class, () -> new LeNet5(1, 64, 10));
        assertTrue(e.getMessage().contains("LeNet5") && e.getMessage().contains("got 64"), e.getMessage());
    }

    @Test
    void simpleCnnHasTheNotesLayers() {
        SimpleCNN net = new SimpleCNN(1, 10, 28, 28);
        assertArrayEquals(new int[] {4, 10}, outShape(net, 4, 1, 28, 28));
        assertEquals(520_778, net.parameterCount());
        assertEquals(List.of("conv1", "bn1", "relu1", "dropout1", "conv2", "bn2", "relu2", "dropout2", "fc"),
                List.copyOf(net.namedChildren().keySet()));
        SimpleCNN notes = new SimpleCNN(1, 10);
        assertEquals(50_378, notes.parameterCount());
        assertArrayEquals(new int[] {2, 10}, outShape(notes, 2, 1, 7, 7));
        assertEquals(35_269, new SimpleCNN(3, 5).parameterCount());
        net.eval();
        var e = assertThrows(IllegalArgumentException.class, () -> net.forward(Tensor.randn(2, 1, 32, 32)));
        assertTrue(e.getMessage().contains("SimpleCNN") && e.getMessage().contains("28x28"), e.getMessage());
    }

    @Test
    void mlpNamesItsLayersLikeSequential() {
        MLP mlp = new MLP(List.of(784, 256, 128, 10), Activation.RELU);
        assertEquals(235_146, mlp.parameterCount());
        assertArrayEquals(new int[] {5, 10}, outShape(mlp, 5, 784));
        assertArrayEquals(new int[] {5, 10}, outShape(mlp, 5, 1, 28, 28));
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias",
                "layers.4.weight", "layers.4.bias"), List.copyOf(mlp.namedParameters().keySet()));
        MLP tanh = new MLP(List.of(3, 2), Activation.TANH);
        assertEquals(8, tanh.parameterCount());
        var e = assertThrows(IllegalArgumentException.class, () -> new MLP(List.of(784), Activation.RELU));
        assertTrue(e.getMessage().contains("MLP") && e.getMessage().contains("[784]"), e.getMessage());
    }

    @Test
    void sinRegressorUsesTheNotesNames() {
        SinRegressor net = new SinRegressor();
        assertEquals(8_577, net.parameterCount());
        assertEquals(List.of("hidden1", "hidden2", "output"), List.copyOf(net.namedChildren().keySet()));
        assertArrayEquals(new int[] {7, 1}, outShape(net, 7, 1));
    }

    @Test
    void zooEntriesBuildModelsWithTheStatedParameterCounts() {
        assertEquals(List.of("mlp", "lenet5", "simplecnn", "sin"),
                ModelZoo.entries().stream().map(ModelZoo.Entry::name).toList());
        for (ModelZoo.Entry entry : ModelZoo.entries()) {
            assertEquals(entry.parameterCount(), entry.factory().get().parameterCount(), entry.name());
            assertTrue(!entry.description().isBlank());
        }
        assertTrue(ModelZoo.create("LeNet5") instanceof LeNet5);
        var e = assertThrows(IllegalArgumentException.class, () -> ModelZoo.create("resnet"));
        assertTrue(e.getMessage().contains("unknown model 'resnet'") && e.getMessage().contains("lenet5"),
                e.getMessage());
    }
}
