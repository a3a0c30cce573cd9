package org.pointlearn.adaptation.api;

import java.time.Instant;
import java.util.List;

/**
 * One state of the model in a session's lineage: the base model, or the result of learning
 * from one accepted image (its Post-Interaction update with the Mid-Interaction updates made
 * on that image folded in).
 *
 * @param id unique within the store, e.g. v3
 * @param parentId the version it was learned from, or null for the base
 * @param created when it was made
 * @param imageId the image it learned from, or null for the base
 * @param policy the adaptation policy that made it
 * @param midSteps gradient steps taken after clicks on that image
 * @param postSteps gradient steps taken at accept
 * @param losses loss of every step, in order (mid steps first)
 * @param guard the forgetting guard's verdict, in words
 * @param millis time the updates took
 * @param test the image scored by the parent and the base before learning from it, or null (base,
 *     tests off, or a version from before tests were recorded)
 */
public record ModelVersion(String id, String parentId, Instant created, String imageId, String policy,
        int midSteps, int postSteps, List<Double> losses, String guard, long millis, SliceTest test) {

    /** Copies the loss list. */
    public ModelVersion {
        losses = List.copyOf(losses);
    }

    /** The base version of a store. */
    public static ModelVersion base(String id, String modelVersion) {
        return new ModelVersion(id, null, Instant.now(), null, "base " + modelVersion, 0, 0, List.of(), "base model",
                0, null);
    }
}
