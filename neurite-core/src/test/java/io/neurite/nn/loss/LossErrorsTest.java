package io.neurite.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.neurite.nn.F;
import io.neurite.tensor.ShapeException;
import io.neurite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misuse of each loss fails with a message naming the loss, what it expected, what it got, and a hint. */
class LossErrorsTest {

    private static final Tensor LOGITS = Tensor.zeros(4, 3);
    private static final Tensor LABELS = Tensor.ofInts(new int[] {0, 2, 1, 1}, 4);

    /** Runs {@code call}, expects {@code type}, and checks that the message contains every fragment. */
    private static <T extends Throwable> String fails(Class<T> type, Executable call, String... fragments) {
        String message = assertThrows(type, call).getMessage();
        for (String f : fragments) assertTrue(message.contains(f), "missing '" + f + "' in: " + message);
        return message;
    }

    // ---------------------------------------------------------------- regression losses

    @Test
    void regressionLossesRefuseATargetOfAnotherShapeInsteadOfBroadcasting() {
        Tensor input = Tensor.zeros(8, 1), target = Tensor.zeros(8);
        fails(ShapeException.class, () -> new MSELoss().forward(input, target),
                "MSELoss: expected target of the input's shape [8, 1], got [8]",
                "hint: use target.unsqueeze(1) or input.squeeze(1)");
        fails(ShapeException.class, () -> new L1Loss().forward(target, input),
                "L1Loss: expected target of the input's shape [8], got [8, 1]", "target.squeeze(1)");
        fails(ShapeException.class, () -> new SmoothL1Loss().forward(Tensor.zeros(2, 3), Tensor.zeros(3, 2)),
                "SmoothL1Loss", "[2, 3]", "[3, 2]", "target.reshape(2, 3)");
        fails(ShapeException.class, () -> new HuberLoss().forward(Tensor.zeros(4), Tensor.zeros(5)),
                "HuberLoss", "[4]", "[5]", "hint: the target must hold one value per input element");
    }

    @Test
    void regressionLossesRefuseIntTargets() {
        Tensor ints = Tensor.ofInts(new int[] {1, 2}, 2);
        for (Loss loss : new Loss[] {new MSELoss(), new L1Loss(), new SmoothL1Loss(), new HuberLoss()}) {
            String name = loss.getClass().getSimpleName();
            fails(IllegalArgumentException.class, () -> loss.forward(Tensor.zeros(2), ints),
                    name + ": expected a float32 target, got int32 of shape [2]", "hint: convert with target.toFloat()");
        }
        fails(IllegalArgumentException.class, () -> new MSELoss().forward(ints, Tensor.zeros(2)),
                "MSELoss: expected a float32 input, got int32");
    }

    @Test
    void regressionLossParametersAreChecked() {
        fails(IllegalArgumentException.class, () -> SmoothL1Loss.builder().beta(-1f).build(),
                "SmoothL1Loss: expected beta >= 0, got beta=-1.0");
        fails(IllegalArgumentException.class, () -> HuberLoss.builder().delta(0f).build(),
                "HuberLoss: expected delta > 0, got delta=0.0");
        fails(IllegalArgumentException.class, () -> F.huberLoss(Tensor.zeros(2), Tensor.zeros(2), Reduction.MEAN, -2f),
                "HuberLoss: expected delta > 0, got delta=-2.0");
        fails(IllegalArgumentException.class, () -> new MSELoss(Reduction.BATCHMEAN),
                "MSELoss: reduction batchmean is only defined for KLDivLoss", "Reduction.MEAN");
        fails(IllegalArgumentException.class, () -> F.l1Loss(Tensor.zeros(2), Tensor.zeros(2), Reduction.BATCHMEAN),
                "L1Loss: reduction batchmean is only defined for KLDivLoss");
    }

    // ---------------------------------------------------------------- cross-entropy and NLL

    @Test
    void crossEntropyWrongTargetShape() {
        fails(ShapeException.class, () -> new CrossEntropyLoss().forward(LOGITS, Tensor.ofInts(new int[5], 5)),
                "CrossEntropyLoss: expected a target of shape [4] (class indices for input [4, 3]) or float32 class"
                        + " probabilities of shape [4, 3], got int32 of shape [5]", "hint: the target's first dimension");
        fails(ShapeException.class, () -> new CrossEntropyLoss().forward(LOGITS, Tensor.ofInts(new int[4], 4, 1)),
                "got int32 of shape [4, 1]", "hint: squeeze the size-1 dimension, e.g. target.reshape(4)");
        fails(ShapeException.class, () -> new CrossEntropyLoss().forward(LOGITS, Tensor.ofInts(new int[12], 4, 3)),
                "got int32 of shape [4, 3]", "hint: for one-hot or soft labels convert with target.toFloat()");
        fails(ShapeException.class, () -> new CrossEntropyLoss().forward(Tensor.zeros(2, 3, 5, 5),
                        Tensor.ofInts(new int[50], 2, 5, 5).reshape(2, 25)),
                "expected a target of shape [2, 5, 5] (class indices for input [2, 3, 5, 5])", "got int32 of shape [2, 25]");
        fails(ShapeException.class, () -> new CrossEntropyLoss().forward(Tensor.scalar(1f), LABELS),
                "CrossEntropyLoss: expected an input of shape [N, C], [N, C, d1, ...] or [C], got a scalar");
    }

    @Test
    void crossEntropyWrongTargetDtype() {
        fails(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(LOGITS, LABELS.toFloat()),
                "CrossEntropyLoss: expected int32 class indices for a target of shape [4], got float32",
                "hint: convert with target.toInt(), or pass class probabilities as a float32 target of the input's"
                        + " shape [4, 3]");
        fails(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(LOGITS.toInt(), LABELS),
                "CrossEntropyLoss: expected a float32 input, got int32");
    }

    @Test
    void crossEntropyClassIndexOutOfRangeNamesTheValueAndItsPosition() {
        fails(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(LOGITS, Tensor.ofInts(new int[] {0, 2, 3, 1}, 4)),
                "CrossEntropyLoss: target class index 3 at position [2] is out of range for 3 classes (input [4, 3])",
                "expected 0 <= index < 3 or ignore_index=-100", "hint: labels must start at 0");
        fails(IllegalArgumentException.class,
                () -> new CrossEntropyLoss().forward(Tensor.zeros(2, 3, 2), Tensor.ofInts(new int[] {0, 2, -1, 1}, 2, 2)),
                "target class index -1 at position [1, 0] is out of range for 3 classes");
        fails(IllegalArgumentException.class,
                () -> CrossEntropyLoss.builder().ignoreIndex(-1).build().forward(LOGITS, Tensor.ofInts(new int[] {0, 9, -1, 1}, 4)),
                "target class index 9 at position [1]", "ignore_index=-1", "hint: check the number of classes");
    }

    @Test
    void crossEntropyArguments() {
        fails(IllegalArgumentException.class, () -> CrossEntropyLoss.builder().labelSmoothing(1.5f).build(),
                "CrossEntropyLoss: expected label_smoothing in [0, 1], got 1.5");
        fails(IllegalArgumentException.class,
                () -> F.crossEntropy(LOGITS, LABELS, null, -100, Reduction.MEAN, -0.1f),
                "CrossEntropyLoss: expected label_smoothing in [0, 1], got -0.1");
        fails(ShapeException.class, () -> CrossEntropyLoss.builder().weight(Tensor.ones(2)).build().forward(LOGITS, LABELS),
                "CrossEntropyLoss: expected a weight of shape [3] (one per class), got [2]");
        fails(ShapeException.class, () -> CrossEntropyLoss.builder().weight(Tensor.ones(3, 1)).build(),
                "CrossEntropyLoss: expected a weight of shape [C] (one value per class), got [3, 1]");
        fails(IllegalArgumentException.class,
                () -> F.crossEntropy(LOGITS, LABELS, Tensor.ones(3).requiresGrad(true), -100, Reduction.MEAN, 0f),
                "CrossEntropyLoss: weight requires grad, but no gradient is defined for it", "weight.detach()");
        fails(IllegalArgumentException.class, () -> new CrossEntropyLoss(Reduction.BATCHMEAN),
                "CrossEntropyLoss: reduction batchmean is only defined for KLDivLoss");
        fails(ShapeException.class, () -> new CrossEntropyLoss().forward(LOGITS, Tensor.zeros(4, 2)),
                "CrossEntropyLoss: expected a target of shape [4]", "got float32 of shape [4, 2]");
    }

    @Test
    void nllLossMisuse() {
        fails(ShapeException.class, () -> new NLLLoss().forward(LOGITS, Tensor.ofInts(new int[3], 3)),
                "NLLLoss: expected a target of shape [4] (class indices for input [4, 3]), got int32 of shape [3]");
        fails(IllegalArgumentException.class, () -> new NLLLoss().forward(LOGITS, LABELS.toFloat()),
                "NLLLoss: expected int32 class indices for a target of shape [4], got float32",
                "hint: convert with target.toInt()");
        fails(ShapeException.class, () -> new NLLLoss().forward(LOGITS, Tensor.zeros(4, 3)),
                "NLLLoss: expected a target of shape [4]", "hint: for one-hot labels take the class of each row:"
                        + " target.argmax(1, false)");
        fails(IllegalArgumentException.class, () -> new NLLLoss().forward(LOGITS, Tensor.ofInts(new int[] {0, 1, 2, 5}, 4)),
                "NLLLoss: target class index 5 at position [3] is out of range for 3 classes");
    }

    // ---------------------------------------------------------------- binary cross-entropy

    @Test
    void bceInputOutsideZeroOneSuggestsTheLogitsLoss() {
        Tensor logits = Tensor.of(new float[] {0.2f, 0.5f, 1.7f, -3f}, 2, 2);
        fails(IllegalArgumentException.class, () -> new BCELoss().forward(logits, Tensor.zeros(2, 2)),
                "BCELoss: expected input values in [0, 1] (probabilities), got 1.7 at position [1, 0]",
                "hint: did you mean BCEWithLogitsLoss?");
        fails(IllegalArgumentException.class,
                () -> new BCELoss().forward(Tensor.of(new float[] {Float.NaN}, 1), Tensor.zeros(1)),
                "got NaN at position [0]");
    }

    @Test
    void bceShapesAndDtypes() {
        fails(IllegalArgumentException.class, () -> new BCELoss().forward(Tensor.zeros(3), Tensor.ofInts(new int[3], 3)),
                "BCELoss: expected a float32 target, got int32 of shape [3]");
        fails(IllegalArgumentException.class,
                () -> new BCEWithLogitsLoss().forward(Tensor.zeros(3), Tensor.ofInts(new int[3], 3)),
                "BCEWithLogitsLoss: expected a float32 target, got int32 of shape [3]");
        fails(ShapeException.class, () -> new BCEWithLogitsLoss().forward(Tensor.zeros(4, 1), Tensor.zeros(4)),
                "BCEWithLogitsLoss: expected target of the input's shape [4, 1], got [4]", "target.unsqueeze(1)");
        fails(ShapeException.class, () -> BCEWithLogitsLoss.builder().posWeight(Tensor.ones(3)).build()
                        .forward(Tensor.zeros(2, 4), Tensor.zeros(2, 4)),
                "BCEWithLogitsLoss: expected a pos_weight that broadcasts to the input's shape [2, 4], got [3]",
                "hint: give one value per class along the last dimension, e.g. shape [4]");
        fails(ShapeException.class, () -> BCELoss.builder().weight(Tensor.ones(2, 4, 1)).build()
                        .forward(Tensor.zeros(2, 4), Tensor.zeros(2, 4)),
                "BCELoss: expected a weight that broadcasts to the input's shape [2, 4], got [2, 4, 1]");
        fails(IllegalArgumentException.class, () -> BCELoss.builder().weight(Tensor.ofInts(new int[] {1}, 1)).build(),
                "BCELoss: expected a float32 weight, got int32");
    }

    // ---------------------------------------------------------------- KL divergence and embedding losses

    @Test
    void klDivMisuse() {
        fails(ShapeException.class, () -> new KLDivLoss().forward(Tensor.zeros(2, 3), Tensor.zeros(2, 4)),
                "KLDivLoss: expected target of the input's shape [2, 3], got [2, 4]");
        fails(IllegalArgumentException.class, () -> new KLDivLoss().forward(Tensor.zeros(2), Tensor.ofInts(new int[2], 2)),
                "KLDivLoss: expected a float32 target, got int32");
    }

    @Test
    void embeddingLossesCheckTheirTargets() {
        Tensor a = Tensor.zeros(3, 2), b = Tensor.ones(3, 2);
        fails(IllegalArgumentException.class,
                () -> new CosineEmbeddingLoss().forward(a, b, Tensor.of(new float[] {1, 0, -1}, 3)),
                "CosineEmbeddingLoss: expected target values 1 or -1, got 0.0 at position [1]",
                "hint: map 0/1 labels to -1/1");
        fails(ShapeException.class, () -> new CosineEmbeddingLoss().forward(a, b, Tensor.ones(3, 1)),
                "CosineEmbeddingLoss: expected a target of shape [3] (one per row of the inputs [3, 2]), got [3, 1]");
        fails(ShapeException.class, () -> new CosineEmbeddingLoss().forward(a, Tensor.ones(3, 3), Tensor.ones(3)),
                "CosineEmbeddingLoss: expected input2 of the input1's shape [3, 2], got [3, 3]");
        fails(ShapeException.class,
                () -> new CosineEmbeddingLoss().forward(Tensor.zeros(2, 2, 2), Tensor.zeros(2, 2, 2), Tensor.ones(2)),
                "CosineEmbeddingLoss: expected inputs of shape [N, D] or [D], got [2, 2, 2]");
        fails(IllegalArgumentException.class,
                () -> new MarginRankingLoss().forward(Tensor.zeros(3), Tensor.zeros(3), Tensor.ofInts(new int[] {1, -1, 2}, 3)),
                "MarginRankingLoss: expected target values 1 or -1, got 2.0 at position [2]");
        fails(ShapeException.class, () -> new MarginRankingLoss().forward(Tensor.zeros(3), Tensor.zeros(4), Tensor.ones(3)),
                "MarginRankingLoss: expected input2 of the input1's shape [3], got [4]");
        fails(ShapeException.class, () -> new HingeEmbeddingLoss().forward(Tensor.zeros(3), Tensor.ones(4)),
                "HingeEmbeddingLoss: expected a target of shape [3] (one per input element), got [4]");
        fails(IllegalArgumentException.class, () -> new HingeEmbeddingLoss().forward(Tensor.zeros(2), Tensor.zeros(2)),
                "HingeEmbeddingLoss: expected target values 1 or -1, got 0.0 at position [0]");
        fails(IllegalArgumentException.class, () -> new MarginRankingLoss(Reduction.BATCHMEAN),
                "MarginRankingLoss: reduction batchmean is only defined for KLDivLoss");
    }

    // ---------------------------------------------------------------- softmax and regularization

    @Test
    void softmaxMisuse() {
        fails(IllegalArgumentException.class, () -> F.softmax(Tensor.ofInts(new int[] {1, 2}, 2), 0),
                "softmax: expected a float32 input, got int32 of shape [2]");
        fails(IllegalArgumentException.class, () -> F.logSoftmax(Tensor.zeros(2, 3), 2),
                "logSoftmax: dimension 2 is out of range for shape [2, 3]");
    }

    @Test
    void regularizationRefusesIntTensors() {
        fails(IllegalArgumentException.class,
                () -> Regularization.l2(List.of(Tensor.zeros(2), Tensor.ofInts(new int[] {1}, 1))),
                "Regularization.l2: expected float32 parameters, got int32 of shape [1] at position 1");
    }

    @Test
    void reductionNames() {
        assertEquals(Reduction.BATCHMEAN, Reduction.of("batchmean"));
        assertEquals("none", Reduction.NONE.torchName());
        fails(IllegalArgumentException.class, () -> Reduction.of("avg"),
                "Reduction: unknown reduction 'avg'; expected one of none, mean, sum, batchmean");
    }
}
