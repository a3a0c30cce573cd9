package org.pointlearn.adaptation.api;

/**
 * The forgetting guard's judgement of an update.
 *
 * @param passed whether the update is kept
 * @param reason in words: why it was kept or rolled back
 * @param parentDice mean Dice of the model before the update on the replayed images (NaN when none)
 * @param candidateDice mean Dice of the updated model on the same images (NaN when none)
 * @param images how many replayed images were compared
 */
public record GuardVerdict(boolean passed, String reason, double parentDice, double candidateDice, int images) {

    /** A verdict for an update that was not checked. */
    public static GuardVerdict unchecked(String reason) {
        return new GuardVerdict(true, reason, Double.NaN, Double.NaN, 0);
    }
}
