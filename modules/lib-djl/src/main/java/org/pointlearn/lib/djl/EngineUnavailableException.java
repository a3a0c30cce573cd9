package org.pointlearn.lib.djl;

/** The deep-learning engine cannot start; the message says why in words. */
public final class EngineUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why the engine is unavailable */
    public EngineUnavailableException(String message) {
        super(message);
    }

    /** @param message why the engine is unavailable
     *  @param cause the underlying failure */
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
