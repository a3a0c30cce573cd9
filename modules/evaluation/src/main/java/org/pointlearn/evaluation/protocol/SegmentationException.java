package org.pointlearn.evaluation.protocol;

/** A segmenter that failed on an image, or returned something the protocol cannot use. */
public class SegmentationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A failure described in words a user can act on. */
    public SegmentationException(String message) {
        super(message);
    }

    /** A failure with its cause (an engine or model error). */
    public SegmentationException(String message, Throwable cause) {
        super(message, cause);
    }
}
