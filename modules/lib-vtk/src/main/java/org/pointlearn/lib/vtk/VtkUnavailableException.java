package org.pointlearn.lib.vtk;

/** VTK cannot render in this JVM; the message says why in words a user can act on. */
public final class VtkUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message why VTK is unavailable */
    public VtkUnavailableException(String message) {
        super(message);
    }

    /** @param message why VTK is unavailable
     *  @param cause the underlying failure */
    public VtkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
