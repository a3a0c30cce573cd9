package org.pointlearn.adaptation.api;

/**
 * An accepted slice used as a test before the model learns from it: the Dice of the active
 * version's prediction and of the lineage's base model's prediction, each made from the
 * user's first clicks on the slice (each model fed its own previous prediction), against the
 * accepted mask. Neither model has learned from the slice yet (the active version is taken as
 * it was before the slice's Mid-Interaction updates).
 *
 * @param imageId the slice
 * @param testedVersion the version that was active
 * @param activeDice its Dice, 0..1
 * @param baseDice the base model's Dice, 0..1
 * @param clicks how many of the user's clicks both predictions used
 */
public record SliceTest(String imageId, String testedVersion, double activeDice, double baseDice, int clicks) {

    /** How much better (positive) or worse (negative) the active version did than the base. */
    public double margin() {
        return activeDice - baseDice;
    }
}
