package org.pointlearn.evaluation.training;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pointlearn.evaluation.cli.Arguments;
import org.pointlearn.inference.api.ModelCard;

/**
 * Settings of one base-model training run, from {@code --key value} arguments. Defaults are
 * the values the shipped models were trained with (see the model cards).
 */
final class TrainingOptions {

    /** One or more domain folders. */
    List<Path> data;
    Path out;
    String name;
    String description = "";
    int workingSize = 256;
    int base = 16;
    int levels = 4;
    int epochs = 40;
    /** The last epoch this run trains (the schedule still spans {@link #epochs}): one stage of a recipe. */
    int until = Integer.MAX_VALUE;
    int stepsPerEpoch = 25;
    /** Examples a step; 0 until chosen for the device ({@link #forDevice}). */
    int batch;
    double learningRate = 1e-3;
    long seed = 42;
    double validationFraction = 0.2;
    /** Iterative click simulation, previous-mask feedback and the CCG term (off: the ablation). */
    boolean clickTraining = true;
    int maxClickIterations = 3;
    double ccgLambda = 5;
    double ccgSigma = 10;
    double minutes = Double.POSITIVE_INFINITY;
    boolean resume;
    /** Per domain, the pattern whose first group is an id's patient or volume. */
    Map<String, Pattern> groups = new LinkedHashMap<>();
    /** Fraction of training examples whose object is a pseudo-object instead of a drawn mask. */
    double pseudo;
    /**
     * Fraction of the refinement examples whose previous mask is the object's mask changed as a
     * neighbouring slice's would be ({@link NeighbourMasks}), answered with a correction click.
     */
    double neighbour;
    /** Fraction of the pseudo-objects drawn of a small lesion's size ({@link PseudoObjects}). */
    double small;
    /** Share of the examples whose grey values go through a random curve, bias field and noise ({@link Augmenter#remap}). */
    double remap;
    /** Whether those curves only rise or fall ({@code --remap-curves monotone}; else {@code any}). */
    boolean remapMonotone;
    /**
     * With focus crops: the least and largest side of the first-click squares (fractions of the
     * slice's longer side, drawn log-uniformly); null: around the card's first side.
     */
    double[] firstSides;
    /** The focus policy the model is trained for and used with. */
    ModelCard.Focus.Policy focus = ModelCard.Focus.Policy.FULL;

    static TrainingOptions parse(String[] args) {
        Map<String, String> kv = Arguments.parse(args, Set.of("data", "out"));
        TrainingOptions o = new TrainingOptions();
        o.data = Arrays.stream(kv.get("data").split(",")).map(String::trim).filter(x -> !x.isEmpty()).map(Path::of)
                .toList();
        o.out = Path.of(kv.get("out"));
        o.name = kv.getOrDefault("name", o.out.getFileName().toString());
        o.description = kv.getOrDefault("description", o.description);
        o.workingSize = Integer.parseInt(kv.getOrDefault("size", "" + o.workingSize));
        o.base = Integer.parseInt(kv.getOrDefault("base", "" + o.base));
        o.levels = Integer.parseInt(kv.getOrDefault("levels", "" + o.levels));
        o.epochs = Integer.parseInt(kv.getOrDefault("epochs", "" + o.epochs));
        o.until = Integer.parseInt(kv.getOrDefault("until", "" + o.until));
        o.stepsPerEpoch = Integer.parseInt(kv.getOrDefault("steps", "" + o.stepsPerEpoch));
        o.batch = Integer.parseInt(kv.getOrDefault("batch", "0"));
        o.learningRate = Double.parseDouble(kv.getOrDefault("lr", "" + o.learningRate));
        o.seed = Long.parseLong(kv.getOrDefault("seed", "" + o.seed));
        o.validationFraction = Double.parseDouble(kv.getOrDefault("val", "" + o.validationFraction));
        o.clickTraining = !Boolean.parseBoolean(kv.getOrDefault("ablation", "false"));
        o.maxClickIterations = Integer.parseInt(kv.getOrDefault("click-iterations", "" + o.maxClickIterations));
        o.ccgLambda = Double.parseDouble(kv.getOrDefault("ccg-lambda", "" + o.ccgLambda));
        o.ccgSigma = Double.parseDouble(kv.getOrDefault("ccg-sigma", "" + o.ccgSigma));
        o.minutes = Double.parseDouble(kv.getOrDefault("minutes", "Infinity"));
        o.resume = Boolean.parseBoolean(kv.getOrDefault("resume", "false"));
        for (String g : kv.getOrDefault("groups", "").split(",")) {
            if (!g.isBlank()) {
                String[] dp = g.split("=", 2);
                if (dp.length != 2) {
                    throw new IllegalArgumentException("--groups takes domain=pattern pairs, got '" + g + "'");
                }
                o.groups.put(dp[0].trim(), Pattern.compile(dp[1].trim()));
            }
        }
        o.pseudo = Double.parseDouble(kv.getOrDefault("pseudo", "0"));
        o.neighbour = Double.parseDouble(kv.getOrDefault("neighbour", "0"));
        o.small = Double.parseDouble(kv.getOrDefault("small", "0"));
        o.remap = Double.parseDouble(kv.getOrDefault("remap", "0"));
        String curves = kv.getOrDefault("remap-curves", "any");
        if (!curves.equals("any") && !curves.equals("monotone")) {
            throw new IllegalArgumentException("--remap-curves must be any or monotone, not '" + curves + "'");
        }
        o.remapMonotone = curves.equals("monotone");
        if (kv.containsKey("first-sides")) {
            o.firstSides = sides(kv.get("first-sides"));
        }
        if (kv.containsKey("focus")) {
            try {
                o.focus = ModelCard.Focus.Policy.of(kv.get("focus"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--focus must be full or zoom, not '" + kv.get("focus") + "'");
            }
        }
        if (!(o.pseudo >= 0 && o.pseudo <= 1)) {
            throw new IllegalArgumentException("--pseudo must be a fraction in [0, 1]");
        }
        if (!(o.neighbour >= 0 && o.neighbour <= 1)) {
            throw new IllegalArgumentException("--neighbour must be a fraction in [0, 1]");
        }
        if (o.until < 1) {
            throw new IllegalArgumentException("--until must be an epoch number of at least 1");
        }
        if (!(o.small >= 0 && o.small <= 1)) {
            throw new IllegalArgumentException("--small must be a fraction in [0, 1]");
        }
        if (!(o.remap >= 0 && o.remap <= 1)) {
            throw new IllegalArgumentException("--remap must be a fraction in [0, 1]");
        }
        return o;
    }

    /** The two fractions of {@code --first-sides A-B}, least first, each in (0, 1]. */
    private static double[] sides(String spec) {
        String[] ab = spec.split("-");
        try {
            if (ab.length == 2) {
                double least = Double.parseDouble(ab[0]);
                double largest = Double.parseDouble(ab[1]);
                if (least > 0 && least <= largest && largest <= 1) {
                    return new double[] {least, largest};
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--first-sides takes two fractions of the slice, least first (0.1-0.5), not '"
                + spec + "'");
    }

    /** Chooses what was left to the device: a batch of 8 on the CPU (2 cores), 32 on a GPU. */
    TrainingOptions forDevice(ai.djl.Device device) {
        if (batch <= 0) {
            batch = device.isGpu() ? 32 : 8;
        }
        return this;
    }

    /** What the card says of the neighbour-like previous masks. */
    String neighbourText() {
        return neighbour > 0 ? neighbour + " of the refinement examples start from the object's mask grown or shrunk by "
                + "up to 4 px, moved by up to 5 px and half of the time with a disk of 0.25-0.55 of its radius added or cut "
                + "at its outline (as a neighbouring slice's mask differs), with the simulated user's correction click and "
                + "0-" + (maxClickIterations - 1) + " more rounds" : "none";
    }

    /** What the card says of the first-click squares' sizes. */
    String firstSidesText() {
        return "first-click squares of " + firstSides[0] + "-" + firstSides[1] + " of the slice's longer side (log-uniform)";
    }

    /** What the card says of the random grey-value curves. */
    String remapText() {
        return remap + " of the examples with their grey values through a random curve of 5 knots ("
                + (remapMonotone ? "rising 2/3, falling 1/3" : "rising 1/2, falling 1/4, as drawn 1/4")
                + "), a linear bias field of up to +-25 % and Gaussian noise of up to 0.03";
    }

    /** What the card says of the small pseudo-objects. */
    String smallText() {
        return small + " of the pseudo-objects small (" + PseudoObjects.describe(true) + ", "
                + PseudoObjects.describeOutline(true) + ")";
    }

    /** The settings as they go into the model card. */
    Map<String, Object> asCardEntry() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("stepsPerEpoch", stepsPerEpoch);
        m.put("batch", batch);
        m.put("optimizer", "Adam, cosine decay from " + learningRate + " to " + learningRate / 100);
        m.put("seed", seed);
        m.put("clickResponsiveTraining", clickTraining);
        m.put("clickIterations", clickTraining ? "0.." + maxClickIterations + " without gradient, previous mask fed back" : "none");
        m.put("loss", clickTraining ? "soft Dice + BCE weighted by Click-Centered Gaussian (lambda "
                + ccgLambda + ", sigma " + ccgSigma + " px)" : "soft Dice + BCE");
        m.put("pseudoObjects", pseudo > 0 ? pseudo + " of the examples: one region of a Felzenszwalb-Huttenlocher "
                + "segmentation of the slice (BoofCV fh04, " + PseudoObjects.describe(false) + "), "
                + PseudoObjects.describeOutline(false) + (small > 0 ? "; " + smallText() : "") : "none");
        m.put("neighbourMasks", neighbourText());
        m.put("views", focus == ModelCard.Focus.Policy.ZOOM ? "focus crops: 35 % first-click squares around a point of the object "
                + (firstSides != null ? "(" + firstSidesText() + ") " : "")
                + "(no click rounds), else the object's box grown 1.1-2.0 and shifted up to 15 %; 15 % zoomed out twice"
                : "the whole slice");
        m.put("sampling", data.size() > 1 ? "a domain, then an object class of it, then an image, each uniformly"
                : "images uniformly");
        m.put("augmentation", "horizontal flip 0.5, vertical flip 0.2, rotation +-12 deg, scale +-12 %, shift +-6 %, "
                + "contrast +-15 %, brightness +-0.08, gamma exp(+-0.25)" + (remap > 0 ? "; " + remapText() : ""));
        return m;
    }
}
