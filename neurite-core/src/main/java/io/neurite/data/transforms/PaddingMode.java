package io.neurite.data.transforms;

/** How {@link Pad} and {@link RandomCrop} fill the border (torchvision's padding_mode). */
public enum PaddingMode {
    /** The fill value. */
    CONSTANT,
    /** The nearest edge pixel repeated: {@code [1 2 3]} padded by 2 is {@code 1 1 [1 2 3] 3 3}. */
    EDGE,
    /** Mirrored without repeating the edge: {@code 3 2 [1 2 3] 2 1}. */
    REFLECT,
    /** Mirrored repeating the edge: {@code 2 1 [1 2 3] 3 2}. */
    SYMMETRIC;

    /** The source index in {@code [0, n)} for the index {@code i} (any integer) of a padded row; not for CONSTANT. */
    int source(int i, int n) {
        switch (this) {
            case EDGE:
                return Math.max(0, Math.min(n - 1, i));
            case REFLECT: {
                if (n == 1) return 0;
                int period = 2 * (n - 1), m = Math.floorMod(i, period);
                return m < n ? m : period - m;
            }
            case SYMMETRIC: {
                int m = Math.floorMod(i, 2 * n);
                return m < n ? m : 2 * n - 1 - m;
            }
            default:
                throw new IllegalStateException("PaddingMode.source: CONSTANT has no source pixel");
        }
    }
}
