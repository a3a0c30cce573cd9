package org.pointlearn.adaptation.api;

/**
 * Where the time of one accept went (milliseconds, 0 for a part that did not run): scoring the
 * first click's squares for the first-square memory, "test, then train" scoring the slice with
 * the active version and the base, the Post-Interaction steps (with their examples), the
 * forgetting guard (the replayed slices scored after the update and, for the next accept, before
 * it), and writing the new version to disk.
 *
 * @param squaresMillis the first click's squares against the accepted mask
 * @param testMillis the slice scored before learning from it
 * @param postMillis the Post-Interaction examples and steps
 * @param guardMillis the forgetting guard's scores
 * @param saveMillis the new version written
 */
public record AcceptTimings(double squaresMillis, double testMillis, double postMillis, double guardMillis,
        double saveMillis) {

    /** An accept that has not happened. */
    public static final AcceptTimings NONE = new AcceptTimings(0, 0, 0, 0, 0);
}
