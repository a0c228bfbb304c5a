/**
 * Readers of data files: {@link io.neurite.data.io.IdxReader} (MNIST-family IDX, raw or gzip) and
 * {@link io.neurite.data.io.CsvReader} (numeric tables with a label column).
 *
 * <p>Every reader checks what it reads and refuses a truncated or corrupt file with the path, the place
 * (byte offset, or line and column) and the reason ({@link io.neurite.data.io.CorruptFileException},
 * {@link io.neurite.data.io.CsvFormatException}); no buffer is sized from a header before the header
 * has been checked against the real file.
 */
package io.neurite.data.io;
