package org.pointlearn.adaptation.api;

/** An interaction or update could not be carried out; the message says why in words. */
public final class AdaptationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and what the user can do */
    public AdaptationException(String message) {
        super(message);
    }

    /** @param message what failed and what the user can do
     *  @param cause the underlying failure */
    public AdaptationException(String message, Throwable cause) {
        super(message, cause);
    }
}
