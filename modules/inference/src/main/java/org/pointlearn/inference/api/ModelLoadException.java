package org.pointlearn.inference.api;

/** A model folder cannot be used; the message names the folder and the reason. */
public final class ModelLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message which model and why */
    public ModelLoadException(String message) {
        super(message);
    }

    /** @param message which model and why
     *  @param cause the underlying failure */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
