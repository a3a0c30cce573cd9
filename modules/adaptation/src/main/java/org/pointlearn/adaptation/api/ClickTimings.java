package org.pointlearn.adaptation.api;

/**
 * Where the time of one click went (milliseconds, 0 for a part that did not run): the plain
 * prediction, the snapshot taken before the Mid-Interaction update (so that undo can restore the
 * model exactly), the update's steps and the re-prediction.
 *
 * @param predictMillis the plain prediction
 * @param snapshotMillis copying all parameters and optimiser moments before the update
 * @param updateMillis the update's gradient steps
 * @param repredictMillis the prediction of the updated model
 */
public record ClickTimings(double predictMillis, double snapshotMillis, double updateMillis, double repredictMillis) {

    /** A click that has not happened. */
    public static final ClickTimings NONE = new ClickTimings(0, 0, 0, 0);
}
