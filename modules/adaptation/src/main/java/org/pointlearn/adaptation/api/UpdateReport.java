package org.pointlearn.adaptation.api;

/**
 * The outcome of accepting an image.
 *
 * @param version the version made from it, or null when nothing was learned or it was rolled back
 * @param verdict the forgetting guard's verdict
 * @param message a sentence for the user
 * @param millis time the update took, guard included
 */
public record UpdateReport(ModelVersion version, GuardVerdict verdict, String message, long millis) {

    /** Whether the model changed. */
    public boolean kept() {
        return version != null;
    }
}
