package org.pointlearn.adaptation.impl;

import java.util.List;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;

/**
 * What a policy's rule learns from, how, and with which loss: one object per
 * {@link AdaptationPolicy.Rule}, chosen once when a session starts, so the engine asks the rule
 * instead of branching on it.
 */
abstract class UpdateRule {

    /** The rule of a policy. */
    static UpdateRule of(AdaptationPolicy policy) {
        return switch (policy.rule()) {
            case NONE, REFINED_MASK -> new RefinedMask(policy.weighting());
            case ENTROPY -> new Entropy();
            case CLICKED_PIXELS -> new ClickedPixels(policy.weighting());
            case PAPER -> new Paper(policy.weighting());
        };
    }

    private final AdaptationPolicy.Weighting weighting;

    UpdateRule(AdaptationPolicy.Weighting weighting) {
        this.weighting = weighting;
    }

    /** How the clicks weight the loss of this rule's examples. */
    AdaptationPolicy.Weighting weighting() {
        return weighting;
    }

    /** Whether only BatchNorm's scale and shift learn (the rest of the network stays as it is). */
    boolean batchNormOnly() {
        return false;
    }

    /** The loss of the Post-Interaction steps. */
    abstract UpdateLoss postLoss(AdaptationSettings s);

    /** The loss of a Mid-Interaction step. */
    UpdateLoss midLoss(AdaptationSettings s) {
        return postLoss(s);
    }

    /**
     * What a click teaches: by default the prediction after the click, with the clicks' own
     * labels around them, weighted as the rule says.
     */
    UpdateExample midExample(ExampleBuilder examples, ImageInteraction img, InputEncoder.WorkingImage view,
            List<Click> clicks, float[] previous, float[] plain, AdaptationSettings s) {
        return examples.refined(view, clicks, previous, plain, s, weighting);
    }

    /** What the Post-Interaction update learns from, given the accepted example. */
    UpdateExample postExample(ExampleBuilder examples, ImageInteraction img, InputEncoder.WorkingImage view,
            UpdateExample accepted) {
        return accepted;
    }

    /** The number of Post-Interaction steps. */
    int postSteps(AdaptationSettings s) {
        return s.postSteps();
    }

    /** The Post-Interaction learning rate (before "test, then train" scales it). */
    double postLearningRate(AdaptationSettings s) {
        return s.postLearningRate();
    }

    /** Whether the Post-Interaction steps augment the accepted image and mix replayed ones in. */
    boolean augmentsAndReplays() {
        return true;
    }

    /** Dice + cross-entropy on the user-refined mask (ours; the mid steps weight Dice as set). */
    private static final class RefinedMask extends UpdateRule {
        RefinedMask(AdaptationPolicy.Weighting w) {
            super(w);
        }

        @Override
        UpdateLoss postLoss(AdaptationSettings s) {
            return UpdateLoss.refinedMask(1, false);
        }

        @Override
        UpdateLoss midLoss(AdaptationSettings s) {
            return UpdateLoss.refinedMask(s.midDiceWeight(), false);
        }
    }

    /** The paper's Dice-Focal loss with its separate Click-Centered Gaussian term. */
    private static final class Paper extends UpdateRule {
        Paper(AdaptationPolicy.Weighting w) {
            super(w);
        }

        @Override
        UpdateLoss postLoss(AdaptationSettings s) {
            return UpdateLoss.diceFocalGaussian(s.ccgBeta(), s.focalAlpha(), s.focalGamma());
        }
    }

    /** IA+SA-style: the clicked pixels, kept near the image's first prediction. */
    private static final class ClickedPixels extends UpdateRule {
        ClickedPixels(AdaptationPolicy.Weighting w) {
            super(w);
        }

        @Override
        UpdateLoss postLoss(AdaptationSettings s) {
            return UpdateLoss.clickedPixels(s.iasaAnchorWeight());
        }

        @Override
        UpdateExample midExample(ExampleBuilder examples, ImageInteraction img, InputEncoder.WorkingImage view,
                List<Click> clicks, float[] previous, float[] plain, AdaptationSettings s) {
            return examples.clickedPixels(view, clicks, previous, img.initialPrediction(), s);
        }
    }

    /** TENT-style: the prediction's entropy on the accepted image alone, BatchNorm's scale and shift only. */
    private static final class Entropy extends UpdateRule {
        Entropy() {
            super(AdaptationPolicy.Weighting.NONE);
        }

        @Override
        boolean batchNormOnly() {
            return true;
        }

        @Override
        UpdateLoss postLoss(AdaptationSettings s) {
            return UpdateLoss.entropy();
        }

        @Override
        UpdateExample postExample(ExampleBuilder examples, ImageInteraction img, InputEncoder.WorkingImage view,
                UpdateExample accepted) {
            return examples.unlabelled(view, img.clicks(), img.lastPrevious());
        }

        @Override
        int postSteps(AdaptationSettings s) {
            return s.tentSteps();
        }

        @Override
        double postLearningRate(AdaptationSettings s) {
            return s.tentLearningRate();
        }

        @Override
        boolean augmentsAndReplays() {
            return false;
        }
    }
}
