package org.pointlearn.adaptation.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a session learns from, and when: after each accepted image (post), after each click
 * (mid), with or without the Click-Centered Gaussian weighting, or one of the two prior
 * approaches used as baselines.
 *
 * @param name the name used on the command line and in reports
 * @param post whether accepting an image updates the model
 * @param mid whether each click updates the model before the re-prediction
 * @param clickWeighting whether the loss up-weights pixels near the clicks (CCG)
 * @param rule the loss and the parameters the updates use
 */
public record AdaptationPolicy(String name, boolean post, boolean mid, boolean clickWeighting, Rule rule) {

    /** The learning rule of a policy. */
    public enum Rule {
        /** No learning. */
        NONE,
        /** Dice + BCE on the user-refined mask, all weights (the paper's method). */
        REFINED_MASK,
        /** TENT-style: entropy of the prediction, BatchNorm scale and shift only, at accept. */
        ENTROPY,
        /** IA+SA-style: loss on the clicked pixels plus a term keeping the output near the initial prediction. */
        CLICKED_PIXELS,
        /**
         * The paper's loss as stated: Dice-Focal on the user-refined mask plus a separate
         * Click-Centered Gaussian term (cross-entropy weighted by the clicks' Gaussians, cut off,
         * counted where the target agrees with the click), all weights, with the paper's schedule
         * ({@link AdaptationSettings#paper()}).
         */
        PAPER
    }

    /** How the clicks weight the loss of a policy's examples. */
    public enum Weighting {
        /** Every pixel counts the same. */
        NONE,
        /** Ours: the cross-entropy weighted by 1 + lambda x the clicks' Gaussians. */
        WEIGHTS,
        /** The paper's: a separate term, the cross-entropy weighted by the clicks' Gaussians alone. */
        SEPARATE_TERM
    }

    /** The base model, never updated. */
    public static final AdaptationPolicy FROZEN = new AdaptationPolicy("frozen", false, false, false, Rule.NONE);
    /** Post-Interaction updates only, with CCG. */
    public static final AdaptationPolicy POST = new AdaptationPolicy("post", true, false, true, Rule.REFINED_MASK);
    /** Mid-Interaction updates only, with CCG. */
    public static final AdaptationPolicy MID = new AdaptationPolicy("mid", false, true, true, Rule.REFINED_MASK);
    /** Post- and Mid-Interaction updates with CCG: the paper's method (same as {@link #METHOD}). */
    public static final AdaptationPolicy POST_MID = new AdaptationPolicy("post+mid", true, true, true,
            Rule.REFINED_MASK);
    /** The paper's method: Post- and Mid-Interaction updates with CCG. */
    public static final AdaptationPolicy METHOD = new AdaptationPolicy("method", true, true, true, Rule.REFINED_MASK);
    /** Post- and Mid-Interaction updates without CCG. */
    public static final AdaptationPolicy NO_GAUSS = new AdaptationPolicy("nogauss", true, true, false,
            Rule.REFINED_MASK);
    /** Post-Interaction updates without CCG. */
    public static final AdaptationPolicy POST_NO_GAUSS = new AdaptationPolicy("post-nogauss", true, false, false,
            Rule.REFINED_MASK);
    /** Mid-Interaction updates without CCG. */
    public static final AdaptationPolicy MID_NO_GAUSS = new AdaptationPolicy("mid-nogauss", false, true, false,
            Rule.REFINED_MASK);
    /** TENT-style entropy minimisation of the BatchNorm affine parameters at accept. */
    public static final AdaptationPolicy TENT = new AdaptationPolicy("tent", true, false, false, Rule.ENTROPY);
    /** IA+SA-style adaptation from the clicked pixels after each click, kept across images. */
    public static final AdaptationPolicy IASA = new AdaptationPolicy("iasa", false, true, false, Rule.CLICKED_PIXELS);

    /** The paper's method with the paper's own loss and schedule, and nothing of ours. */
    public static final AdaptationPolicy PAPER = new AdaptationPolicy("paper", true, true, true, Rule.PAPER);
    /** {@link #PAPER} without the Click-Centered Gaussian term (the paper's ablation). */
    public static final AdaptationPolicy PAPER_NO_GAUSS = new AdaptationPolicy("paper-nogauss", true, true, false,
            Rule.PAPER);
    /** {@link #PAPER} with Post-Interaction updates only. */
    public static final AdaptationPolicy PAPER_POST = new AdaptationPolicy("paper-post", true, false, true, Rule.PAPER);
    /** {@link #PAPER} with Mid-Interaction updates only. */
    public static final AdaptationPolicy PAPER_MID = new AdaptationPolicy("paper-mid", false, true, true, Rule.PAPER);

    /** Every named policy. */
    public static List<AdaptationPolicy> all() {
        return List.of(FROZEN, POST, MID, POST_MID, METHOD, NO_GAUSS, POST_NO_GAUSS, MID_NO_GAUSS, TENT, IASA,
                PAPER, PAPER_NO_GAUSS, PAPER_POST, PAPER_MID);
    }

    /**
     * The policy of that name.
     *
     * @throws IllegalArgumentException naming the known policies when the name is unknown
     */
    public static AdaptationPolicy named(String name) {
        return all().stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown adaptation policy '" + name + "'; known: "
                        + all().stream().map(AdaptationPolicy::name).collect(Collectors.joining(", "))));
    }

    /**
     * The settings this policy runs with unless told otherwise: the paper's for the paper's
     * rule, ours ({@link AdaptationSettings#defaults()}) for every other.
     */
    public AdaptationSettings defaultSettings() {
        return rule == Rule.PAPER ? AdaptationSettings.paper() : AdaptationSettings.defaults();
    }

    /**
     * This policy's settings for a model: {@link #defaultSettings()} with the settings its card names
     * ({@code adaptation}, chosen by measurement for that model; docs/adaptation.md), except for the
     * paper's own policies, which keep the paper's settings.
     *
     * @throws IllegalArgumentException when the card names a setting that does not exist (in words)
     */
    public AdaptationSettings defaultSettings(org.pointlearn.inference.api.ModelCard card) {
        if (rule == Rule.PAPER || card == null || card.adaptation().isEmpty()) {
            return defaultSettings();
        }
        try {
            return defaultSettings().with(card.adaptation());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the card of " + card.versionOrName() + " names adaptation settings"
                    + " that do not apply: " + e.getMessage(), e);
        }
    }

    /** How the clicks weight the loss of this policy's examples. */
    public Weighting weighting() {
        if (!clickWeighting) {
            return Weighting.NONE;
        }
        return rule == Rule.PAPER ? Weighting.SEPARATE_TERM : Weighting.WEIGHTS;
    }

    /** Whether this policy ever changes the model. */
    public boolean adapts() {
        return rule != Rule.NONE && (post || mid);
    }
}
