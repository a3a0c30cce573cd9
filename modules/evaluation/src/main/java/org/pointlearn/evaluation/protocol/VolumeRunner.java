package org.pointlearn.evaluation.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * Slice-by-slice annotation of one structure through a volume by the simulated user, as a
 * radiologist works: start on the slice where the structure is largest, click until the slice
 * reaches the target Dice (or the click budget), accept, move to the next slice up, then from
 * the start down. With propagation each next slice starts from a proposal made from the
 * accepted neighbour; the user accepts it as it is when it already reaches the target, or
 * corrects it with clicks. Counted: the user's clicks only (a seed click placed by the
 * propagation is not the user's).
 */
public final class VolumeRunner {

    /** How a slice starts from its accepted neighbour. */
    public enum Propagation {
        /** Every slice starts empty. */
        NONE,
        /** The neighbour's mask itself is the proposal (no model). */
        MASK,
        /** The model predicts with the neighbour's mask as the previous mask and a seed click at its innermost pixel. */
        SEED,
        /** The model predicts from a seed click at the neighbour mask's innermost pixel alone. */
        SEED_ONLY;

        /** The name on the command line: none, mask, seed, seed-only. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The propagation of that command-line name. */
        public static Propagation of(String label) {
            for (Propagation p : values()) {
                if (p.label().equals(label.trim())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown propagation '" + label + "'; known: none, mask, seed, seed-only");
        }
    }

    /** One slice of a structure: its image and its true mask. */
    public record Slice(int index, Image2D image, Mask2D truth) {
    }

    /**
     * What happened on one slice.
     *
     * @param index the slice's index in the volume
     * @param area the structure's area on it, pixels
     * @param proposalDice Dice of what the slice started from (0 when it started empty)
     * @param clicks the user's clicks on it
     * @param dice Dice of the accepted mask
     */
    public record SliceResult(int index, int area, double proposalDice, int clicks, double dice) {
    }

    private final double target;
    private final int maxClicks;
    private final Propagation propagation;
    private final SimulatedUser user = new SimulatedUser();

    /**
     * @param target the Dice at which the user accepts a slice
     * @param maxClicks the user's click budget per slice
     * @param propagation how a slice starts from its accepted neighbour
     */
    public VolumeRunner(double target, int maxClicks, Propagation propagation) {
        this.target = target;
        this.maxClicks = maxClicks;
        this.propagation = propagation;
    }

    /**
     * Annotates the slices of one structure (in volume order, each with a non-empty truth).
     *
     * @return the result of every slice, in the order they were annotated
     */
    public List<SliceResult> run(List<Slice> slices, InteractiveSegmenter segmenter) throws SegmentationException {
        List<SliceResult> results = new ArrayList<>();
        List<Integer> order = order(slices);
        int start = order.isEmpty() ? -1 : order.get(0);
        Mask2D first = null;
        Mask2D accepted = null;
        for (int i : order) {
            Mask2D neighbour = i == start ? null : i == start - 1 ? first : accepted;
            accepted = annotate(slices.get(i), neighbour, segmenter, results);
            if (i == start) {
                first = accepted;
            }
        }
        return results;
    }

    /**
     * Annotates the slices of one structure through the workstation's own interactive session,
     * as the user of the workstation would: each slice shows the proposal the session makes from
     * its accepted neighbour (the mask propagation), the user accepts it as it is or clicks on it.
     * Only for {@link Propagation#MASK}, which is what the workstation does.
     *
     * @param slices the structure's slices of {@code volume}
     * @param session the session (a fresh series is opened in it for the structure)
     * @param series the series key for this structure
     * @param volume the volume the slices come from
     * @return the result of every slice, in the order they were annotated
     */
    public List<SliceResult> run(List<Slice> slices, InteractiveSession session, SeriesKey series, Volume volume)
            throws SegmentationException {
        if (propagation != Propagation.MASK) {
            throw new IllegalArgumentException("the workstation proposes the accepted neighbour's mask: use propagation"
                    + " mask, not " + propagation.label());
        }
        join(session.openSeries(series, volume));
        List<SliceResult> results = new ArrayList<>();
        for (int i : order(slices)) {
            annotate(slices.get(i), session, results);
        }
        return results;
    }

    /**
     * The workstation's interactive session on a model with its versions in memory, once it is ready.
     *
     * @param learning whether it learns (the method) or stays frozen
     * @throws SegmentationException when it does not open
     */
    public static InteractiveSession session(SegmentationModel model, boolean learning) throws SegmentationException {
        InteractiveSession s = InteractiveSessions.getDefault().open(model, null, learning);
        try {
            awaitReady(s);
        } catch (SegmentationException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Waits (up to five minutes) for a session's model to be ready, after opening it or switching
     * its policy.
     *
     * @throws SegmentationException when it is not, saying why
     */
    public static void awaitReady(InteractiveSession s) throws SegmentationException {
        try {
            for (int i = 0; i < 6000 && !s.state().ready(); i++) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!s.state().ready()) {
            throw new SegmentationException("the interactive session did not open: " + s.state().notReady());
        }
    }

    /** The user's order: from the slice where the structure is largest up to the last, then down from it. */
    private static List<Integer> order(List<Slice> slices) {
        int start = 0;
        for (int i = 1; i < slices.size(); i++) {
            if (slices.get(i).truth().area() > slices.get(start).truth().area()) {
                start = i;
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = start; i < slices.size(); i++) {
            order.add(i);
        }
        for (int i = start - 1; i >= 0; i--) {
            order.add(i);
        }
        return slices.isEmpty() ? List.of() : order;
    }

    private void annotate(Slice slice, InteractiveSession session, List<SliceResult> out) throws SegmentationException {
        int k = slice.index();
        Mask2D truth = slice.truth();
        SeriesWork work = session.state().work();
        Mask2D proposed = work.proposal(k).map(SeriesWork.Proposal::mask)
                .orElse(Mask2D.empty(work.width(), work.height()));
        List<Click> clicks = new ArrayList<>();
        Mask2D prediction = userClicks(truth, proposed, clicks, made -> {
            join(session.click(k, made.get(made.size() - 1)));
            if (session.state().work().slice() != k) {
                throw new SegmentationException("the session did not take the click on slice " + (k + 1) + ": "
                        + session.state().notReady());
            }
            return session.state().work().working();
        });
        Optional<CompletableFuture<UpdateReport>> update = session.accept(k);
        if (update.isPresent()) {
            join(update.get());
        }
        join(session.idle());
        out.add(new SliceResult(k, truth.area(), proposed.dice(truth), clicks.size(), prediction.dice(truth)));
    }

    /** What the segmenter shows after the user's clicks so far (the newest last). */
    @FunctionalInterface
    private interface Segmenting {
        Mask2D after(List<Click> clicks) throws SegmentationException;
    }

    /**
     * The user clicks on a slice until it reaches the target Dice or the click budget (its own
     * clicks; seed clicks already in the list do not count), each click appended to the list.
     *
     * @return the mask shown after the last click (the start when none was needed)
     */
    private Mask2D userClicks(Mask2D truth, Mask2D start, List<Click> clicks, Segmenting segment)
            throws SegmentationException {
        Mask2D prediction = start;
        int made = 0;
        while (made < maxClicks && prediction.dice(truth) < target) {
            Optional<Click> next = user.nextClick(truth, prediction, clicks);
            if (next.isEmpty()) {
                break;
            }
            clicks.add(next.get());
            made++;
            prediction = segment.after(List.copyOf(clicks));
        }
        return prediction;
    }

    /** The result of the session's work, its failure as a SegmentationException in words. */
    public static <T> T join(CompletableFuture<T> work) throws SegmentationException {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw new SegmentationException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
    }

    private Mask2D annotate(Slice slice, Mask2D neighbour, InteractiveSegmenter segmenter, List<SliceResult> out)
            throws SegmentationException {
        Image2D image = slice.image();
        Mask2D truth = slice.truth();
        int w = image.width();
        int h = image.height();
        float[] probability = new float[w * h];
        List<Click> clicks = new ArrayList<>();
        Optional<Click> seed = neighbour == null ? Optional.empty() : SimulatedUser.innermost(neighbour);
        if (neighbour != null && propagation != Propagation.NONE && seed.isPresent()) {
            float[] neighbourMask = neighbour.toFloats();
            switch (propagation) {
                case MASK -> {
                    segmenter.startFrom(image, neighbourMask);
                    probability = neighbourMask;
                }
                case SEED -> {
                    segmenter.startFrom(image, neighbourMask);
                    clicks.add(seed.get());
                    probability = segmenter.predict(image, List.copyOf(clicks), neighbourMask.clone());
                }
                default -> {
                    segmenter.startFrom(image, null);
                    clicks.add(seed.get());
                    probability = segmenter.predict(image, List.copyOf(clicks), probability);
                }
            }
        } else {
            segmenter.startFrom(image, null);
        }
        Mask2D proposed = Mask2D.threshold(probability, w, h, ProtocolRunner.THRESHOLD);
        int seeds = clicks.size();
        float[][] last = {probability};
        Mask2D prediction = userClicks(truth, proposed, clicks, made -> {
            last[0] = segmenter.predict(image, made, last[0].clone());
            return Mask2D.threshold(last[0], w, h, ProtocolRunner.THRESHOLD);
        });
        segmenter.accept(image, prediction, List.copyOf(clicks));
        out.add(new SliceResult(slice.index(), truth.area(), proposed.dice(truth), clicks.size() - seeds,
                prediction.dice(truth)));
        return prediction;
    }
}
