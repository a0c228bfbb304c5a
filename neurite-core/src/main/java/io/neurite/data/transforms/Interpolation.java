package io.neurite.data.transforms;

/** How rotations and affine warps sample between pixels (torchvision's InterpolationMode). */
public enum Interpolation {
    /** The nearest pixel (ties to even, as grid_sample). */
    NEAREST,
    /** Linear in x and y from the four neighbours. */
    BILINEAR
}
