package org.pointlearn.dicom.api;

/** A DICOM operation failed; the message says what and why in words a user can act on. */
public class DicomException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and why */
    public DicomException(String message) {
        super(message);
    }

    /** @param message what failed and why
     *  @param cause the underlying failure */
    public DicomException(String message, Throwable cause) {
        super(message, cause);
    }
}
