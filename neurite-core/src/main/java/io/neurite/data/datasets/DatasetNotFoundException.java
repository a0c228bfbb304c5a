package io.neurite.data.datasets;

import java.io.IOException;

/** A dataset that is neither cached, nor installed, nor downloadable; the message says where it was looked for. */
public final class DatasetNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatasetNotFoundException(String message) {
        super(message);
    }
}
