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
     * @param others the other squares' predictions, in the order S shows them, when the click was looked
     *     at through more than one (empty when it was not)
     * @param smallAsked whether the card's third, small square has been looked at for it (it is added
     *     to {@code others} the first time the user asks for another square)
     */
    public record Step(Click click, float[] previous, Prediction shown, ModelState before, List<Double> losses,
            InputEncoder.WorkingImage view, List<Predictor.Focused> others, boolean smallAsked) {

        public Step {
            others = List.copyOf(others);
        }

        /** A step with at most one other square (the second first-click square), or null. */
        public Step(Click click, float[] previous, Prediction shown, ModelState before, List<Double> losses,
                InputEncoder.WorkingImage view, Predictor.Focused other) {
            this(click, previous, shown, before, losses, view, other == null ? List.of() : List.of(other), false);
        }

        /** The next square S shows, or null when the click was looked at through one. */
        public Predictor.Focused other() {
            return others.isEmpty() ? null : others.get(0);
        }

        /**
         * The same click showing the next square's prediction, this one going last among the others;
         * null when there is none.
         */
        public Step otherSquare() {
            if (others.isEmpty()) {
                return null;
            }
            Predictor.Focused next = others.get(0);
            List<Predictor.Focused> rest = new ArrayList<>(others.subList(1, others.size()));
            rest.add(new Predictor.Focused(shown.probability(), view, next.passes()));
            Prediction swapped = new Prediction(next.probability(), shown.width(), shown.height(), shown.clicks(),
                    shown.adapted(), true);
            return new Step(click, previous, swapped, before, losses, next.view(), rest, smallAsked);
        }

        /**
         * The same step with the small square looked at: it comes after the next square, so S shows the
         * other square first, then the small one, then the first again. Null adds nothing (no small
         * square for this click) but marks it asked.
         */
        public Step withSmall(Predictor.Focused small) {
            List<Predictor.Focused> all = new ArrayList<>(others);
            if (small != null && !all.isEmpty()) {
                all.add(1, small);
            }
            return new Step(click, previous, shown, before, losses, view, all, true);
        }

        /** The same step showing another prediction of the same square. */
        public Step withShown(Prediction p) {
            return new Step(click, previous, p, before, losses, view, others, smallAsked);
        }

        /** The same step without its model state (dropped). */
        Step withoutState() {
            return new Step(click, previous, shown, null, losses, view, others, smallAsked);
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

    /** The first step, or null when there are no clicks. */
    public Step first() {
        return steps.isEmpty() ? null : steps.get(0);
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
                steps.set(i, s.withoutState());
            }
        }
    }

    @Override
    public void close() {
        dropUndoStates();
    }
}
