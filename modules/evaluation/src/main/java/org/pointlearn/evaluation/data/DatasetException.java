package org.pointlearn.evaluation.data;

/** A domain folder that cannot be read at all: missing, not a folder, or without images/ or masks/. */
public class DatasetException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An error with a message that names the folder and what is expected. */
    public DatasetException(String message) {
        super(message);
    }

    /** An error caused by an I/O failure while listing the folder. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
