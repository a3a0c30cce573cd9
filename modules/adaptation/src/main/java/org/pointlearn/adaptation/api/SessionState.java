package org.pointlearn.adaptation.api;

import java.util.List;

/**
 * The interactive session at one moment, immutable: the model it segments with and its versions,
 * and the work on the open series.
 *
 * @param modelName the model's version or name (what its lineage starts from), or null before one is loaded
 * @param notReady why clicks cannot be used yet, in words, or null when they can
 * @param learning whether accepted slices and clicks teach the model (the method) or it stays as it is
 * @param versions the model's versions, oldest first
 * @param active the version in use, or null before the session is open
 * @param learningNote what "test, then train" last did to the learning, in words, or null
 * @param lastClickMillis the model time of the last click, or 0
 * @param updating how many accepted slices the model is still learning from
 * @param work the series and the slice in progress
 * @param policy how the session learns while learning is on
 * @param settings the numbers it learns with
 */
public record SessionState(String modelName, String notReady, boolean learning, List<ModelVersion> versions,
        ModelVersion active, String learningNote, double lastClickMillis, int updating, SeriesWork work,
        AdaptationPolicy policy, AdaptationSettings settings) {

    /** Copies the version list. */
    public SessionState {
        versions = List.copyOf(versions);
    }

    /** Whether clicks can be used. */
    public boolean ready() {
        return notReady == null;
    }
}
