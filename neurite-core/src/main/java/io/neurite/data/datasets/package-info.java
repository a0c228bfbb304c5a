/**
 * Built-in datasets and folder datasets.
 *
 * <ul>
 *   <li>{@link io.neurite.data.datasets.FashionMNIST} and {@link io.neurite.data.datasets.MNIST}: found in
 *       a cache folder, in a system package's folder, or downloaded with checksums
 *       ({@link io.neurite.data.datasets.IdxDatasetLocator});</li>
 *   <li>{@link io.neurite.data.datasets.EmbeddedFashionMNIST}: a 2200-image subset inside the jar, for
 *       tests, examples and demos with no network;</li>
 *   <li>{@link io.neurite.data.datasets.ImageFolder}: one sub-folder of PNG/JPEG/BMP images per class.</li>
 * </ul>
 * The MNIST family loads into {@link io.neurite.data.datasets.LabeledImages}: float images
 * {@code [N, 1, 28, 28]} in [0, 1] and int32 labels {@code [N]}.
 */
package io.neurite.data.datasets;
