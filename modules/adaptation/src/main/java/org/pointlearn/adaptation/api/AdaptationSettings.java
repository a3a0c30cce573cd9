package org.pointlearn.adaptation.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every number that shapes online adaptation, in one place. The values of {@link #defaults()}
 * and the reasons for them are in {@code docs/adaptation.md}.
 *
 * @param postSteps gradient steps of a Post-Interaction update (K)
 * @param postLearningRate Adam learning rate of Post-Interaction updates
 * @param midSteps gradient steps after each click (k)
 * @param midLearningRate Adam learning rate of Mid-Interaction updates
 * @param midDiceWeight weight of the soft-Dice term in Mid-Interaction updates (the BCE term has weight 1)
 * @param ccgLambda extra weight of the Click-Centered Gaussian at a click centre
 * @param ccgSigma width of the Click-Centered Gaussian, in working pixels at a 256 grid
 * @param clickTargetRadius radius around a click whose target takes the click's label, in
 *     working pixels at a 256 grid
 * @param flipProbability chance of a left-right flip of a post-update example
 * @param maxRotationDegrees largest rotation of a post-update example
 * @param maxScale largest relative zoom of a post-update example
 * @param maxShift largest shift of a post-update example, as a fraction of the grid
 * @param replayCapacity recently accepted images kept for replay and for the guard
 * @param replayEvery one replayed image joins every n-th post-update step (1 = every step, 0 = never)
 * @param guardEnabled whether updates are checked against the replay buffer
 * @param guardMargin largest tolerated drop of mean replay Dice (0..1) before a rollback
 * @param tentSteps entropy-minimisation steps of the TENT-style baseline at accept
 * @param tentLearningRate Adam learning rate of the TENT-style baseline
 * @param iasaAnchorWeight weight of the IA+SA term keeping the output near the initial prediction
 * @param versionsInMemory recent versions whose parameters stay in memory for fast rollback
 * @param seed seed of the augmentation's random numbers
 * @param anchorPull after every update step, each learning weight moves this fraction of the way back
 *     to the model the session started from (a decoupled L2-SP term against forgetting; 0 = off;
 *     off by default: it also undoes the Mid-Interaction steps within the image)
 * @param versionPull once per accepted image, after its updates and before the guard, every learning
 *     weight moves this fraction of the way back to the model the session started from (0 = off):
 *     the steps act freely within the image, each version keeps the rest of what the image changed
 *     (the default against forgetting)
 * @param ccgDice whether the Click-Centered Gaussian also weights the soft-Dice term (overlap counted
 *     mostly near the clicks), not only the cross-entropy
 * @param batchNormTraining whether update steps run BatchNorm in training mode (statistics of the
 *     batch, running statistics moving towards the new images) instead of inference mode
 * @param ccgAgreeing whether each click's Gaussian weights only the pixels whose target agrees with the
 *     click's label (the refined mask around a click is the model's own output; where it contradicts
 *     the click it is not up-weighted)
 * @param midTargetSimilarity in the Mid-Interaction target, the pixels connected to a click within two
 *     CCG sigmas whose normalised intensity is within this distance of the clicked disk's mean take the
 *     click's label (the target near a click from the image, not only from the model's own output;
 *     0 = off)
 * @param ccgCutoff each click's Gaussian stops at this many sigmas from the click
 * @param ccgBeta weight of the separate Click-Centered Gaussian term of the paper's loss (policies with
 *     the paper's rule; ours weight the cross-entropy instead, with {@code ccgLambda})
 * @param focalAlpha foreground weight of the focal term of the paper's Dice-Focal loss (background:
 *     1 - alpha)
 * @param focalGamma focusing exponent of that focal term
 * @param testWindow "test, then train": every accepted slice is first scored by the active version and
 *     the base; when the adapted versions did worse than the base over this many recent slices, the
 *     session slows its learning, then returns to the best version (0 = off)
 * @param testMargin tolerated mean Dice drop (0..1) of the adapted versions against the base over the window
 * @param testClicks how many of the user's first clicks on a slice the test replays
 */
public record AdaptationSettings(
        int postSteps, double postLearningRate, int midSteps, double midLearningRate, double midDiceWeight,
        double ccgLambda, double ccgSigma, double clickTargetRadius,
        double flipProbability, double maxRotationDegrees, double maxScale, double maxShift,
        int replayCapacity, int replayEvery, boolean guardEnabled, double guardMargin,
        int tentSteps, double tentLearningRate, double iasaAnchorWeight,
        int versionsInMemory, long seed, double anchorPull, double versionPull, boolean ccgDice,
        boolean batchNormTraining, boolean ccgAgreeing, double midTargetSimilarity,
        double ccgCutoff, double ccgBeta, double focalAlpha, double focalGamma,
        int testWindow, double testMargin, int testClicks) {

    /** Checks the ranges. */
    public AdaptationSettings {
        require(postSteps >= 0 && midSteps >= 0 && tentSteps >= 0, "steps must not be negative");
        require(postLearningRate > 0 && midLearningRate > 0 && tentLearningRate > 0, "learning rates must be positive");
        require(midDiceWeight >= 0, "the Dice weight must not be negative");
        require(ccgLambda >= 0 && ccgSigma > 0 && clickTargetRadius >= 0,
                "CCG lambda >= 0, sigma > 0, click radius >= 0");
        require(flipProbability >= 0 && flipProbability <= 1, "flip probability must be in 0..1");
        require(replayCapacity >= 0 && replayEvery >= 0, "replay sizes must not be negative");
        require(guardMargin >= 0 && guardMargin <= 1, "guard margin must be in 0..1");
        require(midTargetSimilarity >= 0, "the target similarity must not be negative");
        require(ccgCutoff > 0 && ccgBeta >= 0, "the CCG cut-off must be positive and its weight not negative");
        require(focalAlpha >= 0 && focalAlpha <= 1 && focalGamma >= 0,
                "focal alpha must be in 0..1 and gamma not negative");
        require(testWindow >= 0 && testMargin >= 0 && testMargin <= 1 && testClicks >= 1,
                "test window >= 0, margin in 0..1, clicks >= 1");
        require(versionsInMemory >= 1, "at least one version must stay in memory");
        require(anchorPull >= 0 && anchorPull <= 1 && versionPull >= 0 && versionPull <= 1,
                "anchor and version pulls must be in 0..1");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("adaptation settings: " + message);
        }
    }

    /** The tuned defaults (see docs/adaptation.md). */
    public static AdaptationSettings defaults() {
        return new AdaptationSettings(8, 1e-4, 2, 1e-4, 0, 5, 10, 5,
                0.5, 10, 0.1, 0.05,
                4, 2, true, 0.03,
                1, 1e-3, 1.0,
                8, 42, 0, 0.9, false, false, false, 0,
                4, 200, 0.7, 2,
                4, 0.01, 1);
    }

    /**
     * The paper's settings, as its public summaries state them (docs/adaptation.md, "The paper's
     * own settings"): one step after each click, two after the user accepts, a Gaussian of
     * sigma 3 px cut off at 3 sigma counted where the target agrees with the click, weight 200,
     * added to a Dice-Focal loss (alpha 0.7); no augmentation, no replay, no forgetting guard and
     * no pull towards the start and no test before learning, since the paper has none of them. The learning rates stay ours
     * (the summaries give none).
     */
    public static AdaptationSettings paper() {
        return defaults().with(Map.ofEntries(
                Map.entry("postSteps", "2"), Map.entry("midSteps", "1"),
                Map.entry("ccgSigma", "3"), Map.entry("ccgCutoff", "3"), Map.entry("ccgAgreeing", "true"),
                Map.entry("ccgBeta", "200"), Map.entry("focalAlpha", "0.7"), Map.entry("focalGamma", "2"),
                Map.entry("clickTargetRadius", "0"),
                Map.entry("flipProbability", "0"), Map.entry("maxRotationDegrees", "0"), Map.entry("maxScale", "0"),
                Map.entry("maxShift", "0"),
                Map.entry("replayEvery", "0"), Map.entry("guardEnabled", "false"),
                Map.entry("anchorPull", "0"), Map.entry("versionPull", "0"), Map.entry("testWindow", "0")));
    }

    /** These settings with another Post-Interaction learning rate. */
    public AdaptationSettings withPostLearningRate(double rate) {
        return with(Map.of("postLearningRate", Double.toString(rate)));
    }

    /** These settings with other step counts (post K, mid k). */
    public AdaptationSettings withSteps(int post, int mid) {
        return with(Map.of("postSteps", Integer.toString(post), "midSteps", Integer.toString(mid)));
    }

    /** These settings with the forgetting guard on or off. */
    public AdaptationSettings withGuard(boolean enabled) {
        return with(Map.of("guardEnabled", Boolean.toString(enabled)));
    }

    /** These settings with other Mid-Interaction learning rate and Dice weight. */
    public AdaptationSettings withMid(double learningRate, double diceWeight) {
        return with(Map.of("midLearningRate", Double.toString(learningRate), "midDiceWeight",
                Double.toString(diceWeight)));
    }

    /**
     * These settings with some values replaced by name, e.g. {@code ccgLambda=10, midSteps=1}
     * (the names of the record's components; for experiments from the command line, and the one
     * place that copies the settings: the typed withers above call it).
     *
     * @param values component name to value in words
     * @return the new settings
     * @throws IllegalArgumentException naming the known settings when a name is unknown, or when a value
     *     is not a number of the setting's type or out of range
     */
    public AdaptationSettings with(Map<String, String> values) {
        RecordComponent[] parts = AdaptationSettings.class.getRecordComponents();
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        Set<String> known = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            known.add(parts[i].getName());
            types[i] = parts[i].getType();
            try {
                args[i] = parts[i].getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        for (var e : values.entrySet()) {
            int i = List.copyOf(known).indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("adaptation settings: no setting '" + e.getKey()
                        + "'; known: " + String.join(", ", known));
            }
            String v = e.getValue().trim();
            try {
                args[i] = types[i] == int.class ? Integer.parseInt(v)
                        : types[i] == long.class ? Long.parseLong(v)
                        : types[i] == boolean.class ? parseBoolean(v)
                        : (Object) Double.parseDouble(v);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("adaptation settings: " + e.getKey() + " must be "
                        + (types[i] == boolean.class ? "true or false" : "a " + types[i] + " number")
                        + ", not '" + v + "'");
            }
        }
        try {
            return AdaptationSettings.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean parseBoolean(String v) {
        if (!v.equals("true") && !v.equals("false")) {
            throw new NumberFormatException(v);
        }
        return Boolean.parseBoolean(v);
    }

    /** The settings as name=value pairs in declaration order (for reports). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (RecordComponent c : AdaptationSettings.class.getRecordComponents()) {
            try {
                b.append(b.length() == 0 ? "" : ", ").append(c.getName()).append('=')
                        .append(c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString();
    }
}
