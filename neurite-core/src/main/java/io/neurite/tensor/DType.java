package io.neurite.tensor;

/** Element types. float32 is the compute type; int32 holds labels and indices. */
public enum DType {
    FLOAT32("float32"),
    INT32("int32");

    private final String torchName;

    DType(String torchName) {
        this.torchName = torchName;
    }

    /** The name PyTorch prints, e.g. {@code torch.float32} without the prefix. */
    public String torchName() {
        return torchName;
    }
}
