package org.pointlearn.evaluation.data;

/** A file that javax.imageio cannot decode; the message says why. */
final class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
