package org.pointlearn.adaptation.impl;

import java.util.ArrayList;
import java.util.List;
import org.pointlearn.adaptation.api.Prediction;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.Predictor;

/**
 * The interaction on one image so far: its clicks, what was shown after each, the model state
 * before each click's Mid-Interaction update (for undo), and the losses of those updates.
 */
public final class ImageInteraction implements AutoCloseable {

    /**
     * One click and what followed it.
     *
     * @param click the click
     * @param previous the previous-mask input its prediction used (source grid), or null
     * @param shown the prediction shown after it
     * @param before the model state before its update, or null when it made none
     * @param losses its update's losses
     * @param view the view of the image its prediction was made on
     * @param other the other square's prediction when the click was looked at through two, else null
     */
    public record Step(Click click, float[] previous, Prediction shown, ModelState before, List<Double> losses,
            InputEncoder.WorkingImage view, Predictor.Focused other) {

        /**
         * The same click showing the other square's prediction, this one becoming the other; null
         * when there is none.
         */
        public Step otherSquare() {
            if (other == null) {
                return null;
            }
            Prediction swapped = new Prediction(other.probability(), shown.width(), shown.height(), shown.clicks(),
                    shown.adapted(), true);
            return new Step(click, previous, swapped, before, losses, other.view(),
                    new Predictor.Focused(shown.probability(), view, other.passes()));
        }
    }

    private final String imageId;
    private final Image2D image;
    private final InputEncoder.PreparedImage prepared;
    private final List<Step> steps = new ArrayList<>();
    private final float[] proposal;
    private float[] initialPrediction;

    /** @param imageId the image's id
     *  @param image the image
     *  @param prepared the image with its normalisation */
    public ImageInteraction(String imageId, Image2D image, InputEncoder.PreparedImage prepared) {
        this(imageId, image, prepared, null);
    }

    /**
     * An image that starts from a proposal (e.g. the mask propagated from an accepted neighbour
     * slice): shown before the first click, the first click's previous-mask input, and what is
     * accepted when the user accepts without clicking.
     *
     * @param proposal probabilities on the image's grid, or null to start from nothing
     */
    public ImageInteraction(String imageId, Image2D image, InputEncoder.PreparedImage prepared, float[] proposal) {
        this.imageId = imageId;
        this.image = image;
        this.prepared = prepared;
        this.proposal = proposal == null ? null : proposal.clone();
    }

    /** The image's id. */
    public String imageId() {
        return imageId;
    }

    /** The image. */
    public Image2D image() {
        return image;
    }

    /** The image with its normalisation, to be viewed through any region. */
    public InputEncoder.PreparedImage prepared() {
        return prepared;
    }

    /** The clicks so far, in order. */
    public List<Click> clicks() {
        return steps.stream().map(Step::click).toList();
    }

    /** The clicks so far and one more. */
    public List<Click> clicksWith(Click next) {
        List<Click> all = new ArrayList<>(clicks());
        all.add(next);
        return List.copyOf(all);
    }

    /** The proposal the image started from, or null. */
    public float[] proposal() {
        return proposal == null ? null : proposal.clone();
    }

    /** The probability shown last (source grid): the proposal or null before the first click. */
    public float[] lastProbability() {
        return steps.isEmpty() ? proposal : steps.get(steps.size() - 1).shown().probability();
    }

    /** The previous-mask input of the last click's prediction; before the first click the proposal, or null. */
    public float[] lastPrevious() {
        return steps.isEmpty() ? proposal : steps.get(steps.size() - 1).previous();
    }

    /** The first prediction made on this image (IA+SA's anchor), or null. */
    public float[] initialPrediction() {
        return initialPrediction;
    }

    /** Records a click and what was shown. */
    public void push(Step step) {
        if (initialPrediction == null) {
            initialPrediction = step.shown().probability();
        }
        steps.add(step);
    }

    /** Replaces the last step (after its update). */
    public void replaceLast(Step step) {
        steps.set(steps.size() - 1, step);
    }

    /** The last step, or null when there are no clicks. */
    public Step last() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    /** Removes and returns the last step, or null when there are no clicks. */
    public Step pop() {
        return steps.isEmpty() ? null : steps.remove(steps.size() - 1);
    }

    /** Number of Mid-Interaction steps taken on the image. */
    public int midSteps() {
        return steps.stream().mapToInt(s -> s.losses().size()).sum();
    }

    /** Losses of all Mid-Interaction steps, in order. */
    public List<Double> midLosses() {
        List<Double> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.losses()));
        return all;
    }

    /**
     * The model state saved before the first Mid-Interaction update on this image (the active
     * version as it was before the image), or null when no update was made or its state was
     * dropped.
     */
    public ModelState stateBeforeFirstUpdate() {
        return steps.stream().map(Step::before).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Forgets the states saved for undo (after accept or a rollback), keeping clicks and predictions. */
    public void dropUndoStates() {
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.before() != null) {
                s.before().close();
                steps.set(i, new Step(s.click(), s.previous(), s.shown(), null, s.losses(), s.view(), s.other()));
            }
        }
    }

    @Override
    public void close() {
        dropUndoStates();
    }
}
