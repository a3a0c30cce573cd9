package org.pointlearn.adaptation.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.pointlearn.adaptation.api.AdaptationSettings;

/**
 * Runs the gradient steps of an {@link UpdateRule}: the Mid-Interaction steps on the current
 * image and the Post-Interaction steps on the accepted image mixed with replayed ones.
 */
public final class UpdateRunner {

    private final Learner learner;
    private final UpdateRule rule;
    private volatile double learningScale = 1;

    /** @param learner the model's learner
     *  @param rule the rule to follow */
    UpdateRunner(Learner learner, UpdateRule rule) {
        this.learner = learner;
        this.rule = rule;
    }

    /** Multiplies every learning rate from now on (1: as set; "test, then train" lowers it). */
    public void setLearningScale(double scale) {
        this.learningScale = scale;
    }

    /** The factor the learning rates are multiplied by. */
    public double learningScale() {
        return learningScale;
    }

    /**
     * The Mid-Interaction steps on one example.
     *
     * @return the losses, or null when cancelled (the caller restores the model)
     */
    public List<Double> mid(UpdateExample example, AdaptationSettings settings, BooleanSupplier cancelled) {
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < settings.midSteps(); s++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            double l = learner.step(List.of(example), rule.midLoss(settings), settings.midLearningRate() * learningScale);
            losses.add(l);
            if (!Double.isFinite(l)) {
                break;
            }
        }
        return losses;
    }

    /**
     * The Post-Interaction steps: each on the augmented accepted image, every n-th with a replayed one
     * (TENT: the image alone, unaugmented, BatchNorm affine parameters only). With several examples of
     * the image (the accepted one, then its first-click views) the steps take them in turn.
     *
     * @return the losses, or null when cancelled (the caller restores the model)
     */
    public List<Double> post(List<UpdateExample> examples, ReplayBuffer replay, Augmentation augmentation,
            AdaptationSettings settings, BooleanSupplier cancelled) {
        boolean mix = rule.augmentsAndReplays();
        int steps = rule.postSteps(settings);
        double rate = rule.postLearningRate(settings) * learningScale;
        List<Double> losses = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            UpdateExample accepted = examples.get(s % examples.size());
            List<UpdateExample> batch = new ArrayList<>();
            batch.add(mix ? augmentation.apply(accepted) : accepted);
            if (mix && settings.replayEvery() > 0 && s % settings.replayEvery() == settings.replayEvery() - 1) {
                for (ReplayBuffer.Item item : replay.draw(1)) {
                    batch.add(augmentation.apply(sameWeighting(item.example(), accepted)));
                }
            }
            double l = learner.step(batch, rule.postLoss(settings), rate);
            losses.add(l);
            if (!Double.isFinite(l)) {
                break;
            }
        }
        return losses;
    }

    /** A replayed example with or without weights, like the accepted one, so they stack in one batch. */
    private static UpdateExample sameWeighting(UpdateExample replayed, UpdateExample accepted) {
        if ((replayed.weight() == null) == (accepted.weight() == null)) {
            return replayed;
        }
        float[] w = null;
        if (accepted.weight() != null) {
            w = new float[replayed.target().length];
            Arrays.fill(w, 1f);
        }
        return new UpdateExample(replayed.input(), replayed.target(), w, replayed.anchor());
    }
}
