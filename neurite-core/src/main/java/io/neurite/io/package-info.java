/**
 * Model files: {@link io.neurite.io.SafeTensors} (the safetensors format, so weights move to and from
 * PyTorch under the same dotted names), {@link io.neurite.io.Checkpoint} (weights, optimizer and
 * schedule state, epoch and metrics in one folder, for exact resumption), atomic writes
 * ({@link io.neurite.io.AtomicFiles}) and a strict minimal {@link io.neurite.io.Json}. Readers check
 * every declared size against the file before allocating and refuse a corrupt file with a
 * {@link io.neurite.data.io.CorruptFileException} naming the path, the byte offset and the reason. Model
 * files are data, never code: no Java serialization.
 */
package io.neurite.io;
