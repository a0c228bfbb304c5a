package io.neurite.nn.loss;

/** How a loss combines its per-element values: PyTorch's {@code reduction} argument. */
public enum Reduction {
    /** No reduction: one loss per element (or per sample, for class losses). */
    NONE("none"),
    /** The average; class-index losses with weights divide by the sum of the weights instead. */
    MEAN("mean"),
    /** The sum. */
    SUM("sum"),
    /** The sum divided by the batch size (dimension 0): the true KL divergence; only for {@link KLDivLoss}. */
    BATCHMEAN("batchmean");

    private final String torchName;

    Reduction(String torchName) {
        this.torchName = torchName;
    }

    /** The string PyTorch uses: {@code "none"}, {@code "mean"}, {@code "sum"} or {@code "batchmean"}. */
    public String torchName() {
        return torchName;
    }

    /** The reduction PyTorch calls {@code name}; fails listing the valid names. */
    public static Reduction of(String name) {
        for (Reduction r : values()) if (r.torchName.equals(name)) return r;
        throw new IllegalArgumentException("Reduction: unknown reduction '" + name
                + "'; expected one of none, mean, sum, batchmean");
    }
}
