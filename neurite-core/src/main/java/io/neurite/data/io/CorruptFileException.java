package io.neurite.data.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that a reader refused: it names the file, the byte offset where reading went wrong, and why. */
public final class CorruptFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final long offset;
    private final String reason;

    public CorruptFileException(Path path, long offset, String reason) {
        super(path + ": at byte offset " + offset + ", " + reason);
        this.path = path;
        this.offset = offset;
        this.reason = reason;
    }

    public Path path() {
        return path;
    }

    /** The byte offset of the problem (in the decompressed data for a gzip file). */
    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
