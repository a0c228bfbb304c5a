package io.neurite.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be what it claims to be: names the file, the byte offset and the reason. */
public final class CorruptFileException extends IOException {

    private final transient Path path;
    private final long offset;

    public CorruptFileException(Path path, long offset, String reason) {
        super(path + ": at byte " + offset + ": " + reason);
        this.path = path;
        this.offset = offset;
    }

    public Path path() {
        return path;
    }

    /** The byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
