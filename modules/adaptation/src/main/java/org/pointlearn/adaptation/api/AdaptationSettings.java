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

 * @param versionPull once per accepted image, after its updates and before the guard, every learning
 *     weight moves this fraction of the way back to the model the session started from (0 = off):
 *     the steps act freely within the image, each version keeps the rest of what the image changed
 *     (the default against forgetting)


 * @param ccgAgreeing whether each click's Gaussian weights only the pixels whose target agrees with the
 *     click's label (the refined mask around a click is the model's own output; where it contradicts
 *     the click it is not up-weighted)
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
 * @param postFirstClick whether the Post-Interaction steps also learn what the slice's first click should
 *     have given: the accepted mask in the views of the first click (its first-click squares, one click,
 *     no previous mask), taken in turn with the accepted example (with a focus model only; a model
 *     that looks at the whole slice has no such views)
 * @param squareMemory a first click looked at through two squares shows the square (the surer of the
 *     two, the near, the wide or the small one) whose first-click mask came closest to the masks the
 *     user accepted on this many recent slices (0 = off: always the surer one); learned while the
 *     policy adapts, like the weights (docs/interaction.md, "The square the accepted slices wanted")
 * @param batchNormOnly whether the Post- and Mid-Interaction steps change only BatchNorm's scale and shift
 *     (the parameters TENT adapts) instead of every weight: cheaper steps, a smaller change per step; fixed
 *     for a session (a change takes effect when the next session starts)
 */
public record AdaptationSettings(
        int postSteps, double postLearningRate, int midSteps, double midLearningRate, double midDiceWeight,
        double ccgLambda, double ccgSigma, double clickTargetRadius,
        double flipProbability, double maxRotationDegrees, double maxScale, double maxShift,
        int replayCapacity, int replayEvery, boolean guardEnabled, double guardMargin,
        int tentSteps, double tentLearningRate, double iasaAnchorWeight,
        int versionsInMemory, long seed, double versionPull,
        boolean ccgAgreeing,
        double ccgCutoff, double ccgBeta, double focalAlpha, double focalGamma,
        int testWindow, double testMargin, int testClicks, boolean postFirstClick, int squareMemory,
        boolean batchNormOnly) {

    /** Checks the ranges. */
    public AdaptationSettings {
        require(postSteps >= 0 && midSteps >= 0 && tentSteps >= 0, "steps must not be negative");
        require(squareMemory >= 0, "squareMemory (slices) must not be negative");
        require(postLearningRate > 0 && midLearningRate > 0 && tentLearningRate > 0, "learning rates must be positive");
        require(midDiceWeight >= 0, "the Dice weight must not be negative");
        require(ccgLambda >= 0 && ccgSigma > 0 && clickTargetRadius >= 0,
                "CCG lambda >= 0, sigma > 0, click radius >= 0");
        require(flipProbability >= 0 && flipProbability <= 1, "flip probability must be in 0..1");
        require(replayCapacity >= 0 && replayEvery >= 0, "replay sizes must not be negative");
        require(guardMargin >= 0 && guardMargin <= 1, "guard margin must be in 0..1");
        require(ccgCutoff > 0 && ccgBeta >= 0, "the CCG cut-off must be positive and its weight not negative");
        require(focalAlpha >= 0 && focalAlpha <= 1 && focalGamma >= 0,
                "focal alpha must be in 0..1 and gamma not negative");
        require(testWindow >= 0 && testMargin >= 0 && testMargin <= 1 && testClicks >= 1,
                "test window >= 0, margin in 0..1, clicks >= 1");
        require(versionsInMemory >= 1, "at least one version must stay in memory");
        require(versionPull >= 0 && versionPull <= 1, "the version pull must be in 0..1");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("adaptation settings: " + message);
        }
    }

    /** The tuned defaults (see docs/adaptation.md), each named. */
    public static AdaptationSettings defaults() {
        return new Builder()
                .postSteps(8)
                .postLearningRate(1e-4)
                .midSteps(2)
                .midLearningRate(1e-4)
                .midDiceWeight(0)
                .ccgLambda(5)
                .ccgSigma(10)
                .clickTargetRadius(5)
                .flipProbability(0.5)
                .maxRotationDegrees(10)
                .maxScale(0.1)
                .maxShift(0.05)
                .replayCapacity(4)
                .replayEvery(2)
                .guardEnabled(true)
                .guardMargin(0.03)
                .tentSteps(1)
                .tentLearningRate(1e-3)
                .iasaAnchorWeight(1.0)
                .versionsInMemory(8)
                .seed(42)
                .versionPull(0.9)
                .ccgAgreeing(false)
                .ccgCutoff(4)
                .ccgBeta(200)
                .focalAlpha(0.7)
                .focalGamma(2)
                .testWindow(4)
                .testMargin(0.01)
                .testClicks(1)
                .postFirstClick(true)
                .squareMemory(5)
                .batchNormOnly(false)
                .build();
    }

    /**
     * The paper's settings, as its public summaries state them (docs/adaptation.md, "The paper's
     * own settings"): one step after each click, two after the user accepts, a Gaussian of
     * sigma 3 px cut off at 3 sigma counted where the target agrees with the click, weight 200,
     * added to a Dice-Focal loss (alpha 0.7); no augmentation, no replay, no forgetting guard and
     * no pull towards the start, no test before learning, no first-click views and no square memory, since the paper has none of
     * them. The learning rates stay ours (the summaries give none).
     */
    public static AdaptationSettings paper() {
        return defaults().toBuilder()
                .postSteps(2).midSteps(1)
                .ccgSigma(3).ccgCutoff(3).ccgAgreeing(true)
                .ccgBeta(200).focalAlpha(0.7).focalGamma(2)
                .clickTargetRadius(0)
                .flipProbability(0).maxRotationDegrees(0).maxScale(0).maxShift(0)
                .replayEvery(0).guardEnabled(false).versionPull(0).testWindow(0)
                .postFirstClick(false)
                .squareMemory(0)
                .build();
    }

    /** These settings with another Post-Interaction learning rate. */
    public AdaptationSettings withPostLearningRate(double rate) {
        return toBuilder().postLearningRate(rate).build();
    }

    /** These settings with other step counts (post K, mid k). */
    public AdaptationSettings withSteps(int post, int mid) {
        return toBuilder().postSteps(post).midSteps(mid).build();
    }

    /** These settings with the forgetting guard on or off. */
    public AdaptationSettings withGuard(boolean enabled) {
        return toBuilder().guardEnabled(enabled).build();
    }

    /** These settings with other Mid-Interaction learning rate and Dice weight. */
    public AdaptationSettings withMid(double learningRate, double diceWeight) {
        return toBuilder().midLearningRate(learningRate).midDiceWeight(diceWeight).build();
    }

    /**
     * These settings with some values replaced by name, e.g. {@code ccgLambda=10, midSteps=1}
     * (the names of the record's components; for experiments from the command line; in code,
     * {@link #toBuilder()} names them with their types).
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

    /**
     * Settings written as name=value pairs separated by commas (as {@code make eval SET=} and the
     * remembered Options take them).
     *
     * @throws IllegalArgumentException naming a part that is not name=value
     */
    public static Map<String, String> pairs(String words) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : words.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("settings are name=value pairs separated by commas, not '" + pair
                        + "'");
            }
            values.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return values;
    }

    /** The values that differ from {@code base}, as name=value pairs separated by commas ({@link #pairs} reads them). */
    public String changedFrom(AdaptationSettings base) {
        StringBuilder b = new StringBuilder();
        for (RecordComponent c : AdaptationSettings.class.getRecordComponents()) {
            try {
                Object mine = c.getAccessor().invoke(this);
                if (!mine.equals(c.getAccessor().invoke(base))) {
                    b.append(b.length() == 0 ? "" : ",").append(c.getName()).append('=').append(mine);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString();
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

    /** A builder starting from these settings (change some by name, then {@link Builder#build()}). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Settings built by name, so that no value depends on its position. */
    public static final class Builder {

        private int postSteps;
        private double postLearningRate;
        private int midSteps;
        private double midLearningRate;
        private double midDiceWeight;
        private double ccgLambda;
        private double ccgSigma;
        private double clickTargetRadius;
        private double flipProbability;
        private double maxRotationDegrees;
        private double maxScale;
        private double maxShift;
        private int replayCapacity;
        private int replayEvery;
        private boolean guardEnabled;
        private double guardMargin;
        private int tentSteps;
        private double tentLearningRate;
        private double iasaAnchorWeight;
        private int versionsInMemory;
        private long seed;
        private double versionPull;
        private boolean ccgAgreeing;
        private double ccgCutoff;
        private double ccgBeta;
        private double focalAlpha;
        private double focalGamma;
        private int testWindow;
        private double testMargin;
        private int testClicks;
        private boolean postFirstClick;
        private int squareMemory;
        private boolean batchNormOnly;

        private Builder() {
        }

        private Builder(AdaptationSettings from) {
            this.postSteps = from.postSteps;
            this.postLearningRate = from.postLearningRate;
            this.midSteps = from.midSteps;
            this.midLearningRate = from.midLearningRate;
            this.midDiceWeight = from.midDiceWeight;
            this.ccgLambda = from.ccgLambda;
            this.ccgSigma = from.ccgSigma;
            this.clickTargetRadius = from.clickTargetRadius;
            this.flipProbability = from.flipProbability;
            this.maxRotationDegrees = from.maxRotationDegrees;
            this.maxScale = from.maxScale;
            this.maxShift = from.maxShift;
            this.replayCapacity = from.replayCapacity;
            this.replayEvery = from.replayEvery;
            this.guardEnabled = from.guardEnabled;
            this.guardMargin = from.guardMargin;
            this.tentSteps = from.tentSteps;
            this.tentLearningRate = from.tentLearningRate;
            this.iasaAnchorWeight = from.iasaAnchorWeight;
            this.versionsInMemory = from.versionsInMemory;
            this.seed = from.seed;
            this.versionPull = from.versionPull;
            this.ccgAgreeing = from.ccgAgreeing;
            this.ccgCutoff = from.ccgCutoff;
            this.ccgBeta = from.ccgBeta;
            this.focalAlpha = from.focalAlpha;
            this.focalGamma = from.focalGamma;
            this.testWindow = from.testWindow;
            this.testMargin = from.testMargin;
            this.testClicks = from.testClicks;
            this.postFirstClick = from.postFirstClick;
            this.squareMemory = from.squareMemory;
            this.batchNormOnly = from.batchNormOnly;
        }

        /** Sets {@code postSteps}. */
        public Builder postSteps(int value) {
            this.postSteps = value;
            return this;
        }

        /** Sets {@code postLearningRate}. */
        public Builder postLearningRate(double value) {
            this.postLearningRate = value;
            return this;
        }

        /** Sets {@code midSteps}. */
        public Builder midSteps(int value) {
            this.midSteps = value;
            return this;
        }

        /** Sets {@code midLearningRate}. */
        public Builder midLearningRate(double value) {
            this.midLearningRate = value;
            return this;
        }

        /** Sets {@code midDiceWeight}. */
        public Builder midDiceWeight(double value) {
            this.midDiceWeight = value;
            return this;
        }

        /** Sets {@code ccgLambda}. */
        public Builder ccgLambda(double value) {
            this.ccgLambda = value;
            return this;
        }

        /** Sets {@code ccgSigma}. */
        public Builder ccgSigma(double value) {
            this.ccgSigma = value;
            return this;
        }

        /** Sets {@code clickTargetRadius}. */
        public Builder clickTargetRadius(double value) {
            this.clickTargetRadius = value;
            return this;
        }

        /** Sets {@code flipProbability}. */
        public Builder flipProbability(double value) {
            this.flipProbability = value;
            return this;
        }

        /** Sets {@code maxRotationDegrees}. */
        public Builder maxRotationDegrees(double value) {
            this.maxRotationDegrees = value;
            return this;
        }

        /** Sets {@code maxScale}. */
        public Builder maxScale(double value) {
            this.maxScale = value;
            return this;
        }

        /** Sets {@code maxShift}. */
        public Builder maxShift(double value) {
            this.maxShift = value;
            return this;
        }

        /** Sets {@code replayCapacity}. */
        public Builder replayCapacity(int value) {
            this.replayCapacity = value;
            return this;
        }

        /** Sets {@code replayEvery}. */
        public Builder replayEvery(int value) {
            this.replayEvery = value;
            return this;
        }

        /** Sets {@code guardEnabled}. */
        public Builder guardEnabled(boolean value) {
            this.guardEnabled = value;
            return this;
        }

        /** Sets {@code guardMargin}. */
        public Builder guardMargin(double value) {
            this.guardMargin = value;
            return this;
        }

        /** Sets {@code tentSteps}. */
        public Builder tentSteps(int value) {
            this.tentSteps = value;
            return this;
        }

        /** Sets {@code tentLearningRate}. */
        public Builder tentLearningRate(double value) {
            this.tentLearningRate = value;
            return this;
        }

        /** Sets {@code iasaAnchorWeight}. */
        public Builder iasaAnchorWeight(double value) {
            this.iasaAnchorWeight = value;
            return this;
        }

        /** Sets {@code versionsInMemory}. */
        public Builder versionsInMemory(int value) {
            this.versionsInMemory = value;
            return this;
        }

        /** Sets {@code seed}. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Sets {@code versionPull}. */
        public Builder versionPull(double value) {
            this.versionPull = value;
            return this;
        }

        /** Sets {@code ccgAgreeing}. */
        public Builder ccgAgreeing(boolean value) {
            this.ccgAgreeing = value;
            return this;
        }

        /** Sets {@code ccgCutoff}. */
        public Builder ccgCutoff(double value) {
            this.ccgCutoff = value;
            return this;
        }

        /** Sets {@code ccgBeta}. */
        public Builder ccgBeta(double value) {
            this.ccgBeta = value;
            return this;
        }

        /** Sets {@code focalAlpha}. */
        public Builder focalAlpha(double value) {
            this.focalAlpha = value;
            return this;
        }

        /** Sets {@code focalGamma}. */
        public Builder focalGamma(double value) {
            this.focalGamma = value;
            return this;
        }

        /** Sets {@code testWindow}. */
        public Builder testWindow(int value) {
            this.testWindow = value;
            return this;
        }

        /** Sets {@code testMargin}. */
        public Builder testMargin(double value) {
            this.testMargin = value;
            return this;
        }

        /** Sets {@code testClicks}. */
        public Builder testClicks(int value) {
            this.testClicks = value;
            return this;
        }

        /** Sets {@code postFirstClick}. */
        public Builder postFirstClick(boolean value) {
            this.postFirstClick = value;
            return this;
        }

        /** Sets {@code squareMemory}. */
        public Builder squareMemory(int value) {
            this.squareMemory = value;
            return this;
        }

        /** Sets {@code batchNormOnly}. */
        public Builder batchNormOnly(boolean value) {
            this.batchNormOnly = value;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException when a value is out of range, said in words
         */
        public AdaptationSettings build() {
            return new AdaptationSettings(postSteps, postLearningRate, midSteps, midLearningRate, midDiceWeight, ccgLambda, ccgSigma, clickTargetRadius, flipProbability, maxRotationDegrees, maxScale, maxShift, replayCapacity, replayEvery, guardEnabled, guardMargin, tentSteps, tentLearningRate, iasaAnchorWeight, versionsInMemory, seed, versionPull, ccgAgreeing, ccgCutoff, ccgBeta, focalAlpha, focalGamma, testWindow, testMargin, testClicks, postFirstClick, squareMemory, batchNormOnly);
        }
    }
}
