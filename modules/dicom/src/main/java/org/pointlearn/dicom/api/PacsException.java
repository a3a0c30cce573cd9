package org.pointlearn.dicom.api;

/** A PACS operation failed; {@link #reason()} says which kind of failure, the message says it in words. */
public class PacsException extends DicomException {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure a user acts on differently. */
    public enum Reason {
        /** The node does not know our calling AE title. */
        CALLING_AE_NOT_ALLOWED,
        /** The node does not answer to the configured AE title. */
        CALLED_AE_UNKNOWN,
        /** The node refused the association for another reason. */
        REFUSED,
        /** No connection: host unknown, nothing listening, network down. */
        UNREACHABLE,
        /** The node did not answer in time. */
        TIMEOUT,
        /** The node answered with a failure status (e.g. unknown move destination). */
        FAILED_STATUS,
        /** The connection broke off during the operation. */
        ABORTED,
        /** The user cancelled. */
        CANCELLED
    }

    private final Reason reason;

    /**
     * @param reason the kind of failure
     * @param message what failed and why, in words
     * @param cause the underlying failure, or null
     */
    public PacsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** The kind of failure. */
    public Reason reason() {
        return reason;
    }
}
