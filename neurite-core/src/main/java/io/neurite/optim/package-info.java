/**
 * Optimizers, gradient clipping and (in {@link io.neurite.optim.lr}) learning-rate schedules, with
 * PyTorch 1.13's semantics and numbers.
 *
 * <ul>
 *   <li>{@link io.neurite.optim.Optimizer}: parameter groups with their own hyper-parameters (an
 *       options record per optimizer, validated when built), {@code zeroGrad()}, {@code step()},
 *       and a plain-data {@code stateDict()} for exact resumption.</li>
 *   <li>{@link io.neurite.optim.SGD}, {@link io.neurite.optim.Adagrad}, {@link io.neurite.optim.RMSprop},
 *       {@link io.neurite.optim.Adam}, {@link io.neurite.optim.AdamW}, {@link io.neurite.optim.Adamax},
 *       {@link io.neurite.optim.NAdam}, {@link io.neurite.optim.RAdam}, {@link io.neurite.optim.Adadelta}:
 *       each update is a static loop over the flat float data of a parameter, its gradient and its
 *       state buffers; {@link io.neurite.optim.LBFGS} for small full-batch problems.</li>
 *   <li>{@link io.neurite.optim.GradClip}: clipping by total norm or by value.</li>
 * </ul>
 *
 * <p>Still to come here: the learning-rate range test (an {@code LRFinder} that raises the lr
 * exponentially over a few hundred batches, records the smoothed loss, stops on divergence and
 * suggests a rate, restoring the model and optimizer afterwards through their state dicts). It needs
 * the data pipeline to drive batches, so it arrives with it.
 */
package io.neurite.optim;
