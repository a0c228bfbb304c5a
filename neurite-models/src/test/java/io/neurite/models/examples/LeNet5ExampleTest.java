package io.neurite.models.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The notes' LeNet-5 exercise on the embedded Fashion-MNIST subset (1800 training, 400 test images): three
 * epochs of Adam at lr 2e-3, batch 32, standardized inputs, a few seconds. Seeds 1 to 6 reach 74.75-77.75%
 * test accuracy (seed 5, used here: 77.25%); the bound of 70% leaves room for that spread. The full-data run
 * is {@code neurite examples lenet5}; the full-data integration test is {@code LeNet5FullFashionMnistTest}.
 */
class LeNet5ExampleTest {

    @Test
    void threeEpochsOnTheEmbeddedSubset() {
        Printed<LeNet5Example.Values> run = Printed.run(new LeNet5Example(true));
        LeNet5Example.Values v = run.report().values();
        System.out.print(run.text());
        assertFalse(v.fullData());
        assertEquals(3, v.history().size());
        assertTrue(v.testAccuracy() > 0.70, "test accuracy after 3 epochs: " + v.testAccuracy());
        assertTrue(v.history().get("loss").get(2) < v.history().get("loss").get(0), v.history().toString());
        assertTrue(run.report().agrees(), run.report().checks().toString());
        assertTrue(run.text().contains("using the embedded subset (the embedded subset was asked for)"), run.text());
    }
}
