package org.pointlearn.adaptation.api;

/** The model-version store cannot be read or written; the message names the folder and the reason. */
public final class VersionStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message which store and why */
    public VersionStoreException(String message) {
        super(message);
    }

    /** @param message which store and why
     *  @param cause the underlying failure */
    public VersionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
