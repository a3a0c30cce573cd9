package org.pointlearn.inference.api;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pointlearn.inference.impl.UNet;

/**
 * The description of a segmentation model kept beside its parameters as {@code model.json}:
 * what the network is, what it expects as input, what it was trained on, and how well it
 * did. Immutable; component names are the JSON keys. A card is made with {@link #builder()}
 * or changed into a new card with {@link #toBuilder()}.
 *
 * @param format card format; a loader refuses cards of another format than {@link #FORMAT}
 * @param name short name, e.g. brain-mri
 * @param version unique id of these exact parameters, e.g. brain-mri@3f2a9c1e (null until saved)
 * @param description what the model segments, in words
 * @param architecture network layout
 * @param imageChannels image channels at the input (1 for MRI, 3 for RGB); click and mask maps come after
 * @param workingSize side of the square grid the network works on, in pixels
 * @param normalisation how image values are scaled before the network
 * @param clickEncoding how clicks become input maps
 * @param focus which part of the image the network looks at for each click
 * @param edits rules that keep a click's edit where the user made it
 * @param parameters file name of the parameters, relative to the model folder
 * @param sha256 SHA-256 of the parameters file, lower-case hex (null until saved)
 * @param training where the training data came from, with licences; the split; the command
 * @param metrics measured results (name -> value)
 * @param adaptation online-adaptation settings this model is used with, by name (the adaptation
 *     module's AdaptationSettings names, e.g. {@code midLearningRate}), over the engine's defaults
 *     for every policy but the paper's own; empty when the defaults suit it (docs/adaptation.md)
 */
public record ModelCard(int format, String name, String version, String description, Architecture architecture,
        int imageChannels, int workingSize, Normalisation normalisation, ClickEncoding clickEncoding, Focus focus,
        Edits edits, String parameters, String sha256, Map<String, Object> training, Map<String, Object> metrics,
        Map<String, String> adaptation) {

    /** Format of the cards this version writes and reads. */
    public static final int FORMAT = 1;

    /**
     * Where the training data came from, one line per domain ("domain: Dataset: ... | Licence:
     * ..."), as the card's training section states them; empty when it does not.
     */
    public java.util.List<String> trainingSources() {
        java.util.List<String> out = new java.util.ArrayList<>();
        Object domains = training == null ? null : training.get("domains");
        if (domains instanceof Map<?, ?> map) {
            map.forEach((domain, info) -> {
                Object source = info instanceof Map<?, ?> m ? m.get("dataSource") : null;
                out.add(domain + ": " + datasetAndLicence(source == null ? "" : String.valueOf(source)));
            });
        } else if (training != null && training.get("dataSource") != null) {
            out.add(datasetAndLicence(String.valueOf(training.get("dataSource"))));
        }
        return out;
    }

    /** "Dataset: X | Licence: Y | Citation: ..." -> "Dataset: X | Licence: Y". */
    private static String datasetAndLicence(String words) {
        String[] parts = words.split("\\|");
        return parts.length >= 2 ? (parts[0] + "|" + parts[1]).trim() : words.trim();
    }

    /** Missing parts (older cards, or a card read from JSON that lacks them) get their defaults. */
    public ModelCard {
        description = description == null ? "" : description;
        architecture = architecture == null ? Architecture.DEFAULT : architecture;
        normalisation = normalisation == null ? Normalisation.DEFAULT : normalisation;
        clickEncoding = clickEncoding == null ? ClickEncoding.DEFAULT : clickEncoding;
        focus = focus == null ? Focus.FULL : focus;
        edits = edits == null ? Edits.DEFAULT : edits;
        parameters = parameters == null ? "model.params" : parameters;
        training = Collections.unmodifiableMap(new LinkedHashMap<>(training == null ? Map.of() : training));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
        adaptation = Collections.unmodifiableMap(new LinkedHashMap<>(adaptation == null ? Map.of() : adaptation));
    }

    /** A builder with every default: format 1, one image channel, 256 px, a 16-wide 4-level U-Net. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this card's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The version when set, else the name: what identifies these parameters for people and folders. */
    public String versionOrName() {
        return version != null && !version.isBlank() ? version : name;
    }

    /** Channels at the network input: image, positive clicks, negative clicks, previous mask. */
    public int inputChannels() {
        return imageChannels + 3;
    }

    /** Whether this card describes the same network and the same input encoding as another. */
    public boolean sameNetworkAndInput(ModelCard other) {
        return architecture.equals(other.architecture) && imageChannels == other.imageChannels
                && workingSize == other.workingSize && normalisation.equals(other.normalisation)
                && clickEncoding.equals(other.clickEncoding);
    }

    /**
     * U-Net layout.
     *
     * @param type always "unet" for now
     * @param base channels of the first level, a multiple of {@link UNet#CHANNEL_MULTIPLE}
     * @param levels levels including the bottleneck
     */
    public record Architecture(String type, int base, int levels) {
        public static final Architecture DEFAULT = new Architecture("unet", 16, 4);

        /** A U-Net of this width and depth. */
        public static Architecture unet(int base, int levels) {
            return new Architecture("unet", base, levels);
        }
    }

    /**
     * Intensity scaling.
     *
     * @param type percentile or z-score
     * @param low lower percentile for {@link Scaling#PERCENTILE}
     * @param high upper percentile for {@link Scaling#PERCENTILE}
     */
    public record Normalisation(Scaling type, double low, double high) {
        public static final Normalisation DEFAULT = new Normalisation(Scaling.PERCENTILE, 0.5, 99.5);

        /** How one channel's values are scaled. */
        public enum Scaling {
            /** [low, high] percentiles to [0, 1], clipped. */
            @SerializedName("percentile") PERCENTILE,
            /** Mean 0 and standard deviation 1. */
            @SerializedName("zscore") ZSCORE
        }
    }

    /**
     * Click maps.
     *
     * @param type disk or Gaussian
     * @param radius disk radius or Gaussian sigma, in working-grid pixels
     */
    public record ClickEncoding(Shape type, double radius) {
        public static final ClickEncoding DEFAULT = new ClickEncoding(Shape.DISK, 5);

        /** What a click looks like in its map. */
        public enum Shape {
            /** 1 inside a disk per click, max over clicks. */
            @SerializedName("disk") DISK,
            /** exp(-d^2/2s^2), max over clicks. */
            @SerializedName("gaussian") GAUSSIAN
        }
    }

    /**
     * Focus crops (see {@link FocusPolicy}); sides are fractions of the image's longer side.
     *
     * @param policy the whole image, or zoomed squares
     * @param firstSide side of the first click's square
     * @param grow later squares: the box of the mask and positive clicks, grown by this factor
     * @param minSide no square is smaller than this
     * @param zoomOuts times a square may be doubled when the mask reaches its border
     * @param wideSide 0, or the side of a second, wider first-click square: the first click is
     *     predicted in both squares and the mask the network is surer of is shown (a card without
     *     the field reads 0)
     * @param local a correction click looks only at the parts of the mask near it (the 8-connected
     *     parts whose grown box holds the click) when they lie far from the rest, and a click near
     *     no part through a square around it on the scale of the largest part (a positive one also
     *     through the wide first-click square), so an edit leaves the mask's
     *     other parts as they were; false: the box of the whole mask and every positive click (a
     *     card without the field reads false). See {@link FocusPolicy#choose}
     * @param wideAreaRatio 0, or a bound on the wide square's mask: it is shown only while its area is at
     *     most this many times the near square's, however sure the network is of it (a card without the
     *     field reads 0: no bound; docs/interaction.md, "Two first squares")
     * @param smallSide 0, or the side of a third first-click square, smaller than {@code minSide} allows:
     *     not looked at with the first click, only when the user asks for another square (key S) a
     *     second time, so a small lesion answered at the near square's scale can be had at its own (a
     *     card without the field reads 0: none; docs/interaction.md, "A square below focus.minSide")
     * @param nearFilled 0, or with {@code wideFilled} a second way for the wide square's mask to be shown
     *     (within {@code wideAreaRatio}): when the near mask fills more than this share of its square and
     *     the wide mask less than {@code wideFilled} of its own, the near square has cut an object the
     *     wide one holds whole (a card without the fields reads 0: off; docs/interaction.md, "Capacity")
     * @param wideFilled see {@code nearFilled}
     */
    public record Focus(Policy policy, double firstSide, double grow, double minSide, int zoomOuts, double wideSide,
            boolean local, double wideAreaRatio, double smallSide, double nearFilled, double wideFilled) {
        /** The whole image every time, with the zoom sizes a zoom policy would use. */
        public static final Focus FULL = new Focus(Policy.FULL, 0.35, 1.4, 0.08, 2, 0, false, 0, 0, 0, 0);
        /** Zoomed squares with the measured sizes (docs/interaction.md). */
        public static final Focus ZOOM = FULL.withPolicy(Policy.ZOOM);

        /** The same sizes with another policy. */
        public Focus withPolicy(Policy p) {
            return new Focus(p, firstSide, grow, minSide, zoomOuts, wideSide, local, wideAreaRatio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with another first-click square side (fraction of the image). */
        public Focus withFirstSide(double side) {
            return new Focus(policy, side, grow, minSide, zoomOuts, wideSide, local, wideAreaRatio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with another expansion of the box around mask and positive clicks. */
        public Focus withGrow(double factor) {
            return new Focus(policy, firstSide, factor, minSide, zoomOuts, wideSide, local, wideAreaRatio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with another smallest square side (fraction of the image). */
        public Focus withMinSide(double side) {
            return new Focus(policy, firstSide, grow, side, zoomOuts, wideSide, local, wideAreaRatio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with another number of zoom-outs when the mask touches the border. */
        public Focus withZoomOuts(int n) {
            return new Focus(policy, firstSide, grow, minSide, n, wideSide, local, wideAreaRatio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with another wider first-click square (0: none). */
        public Focus withWideSide(double side) {
            return new Focus(policy, firstSide, grow, minSide, zoomOuts, side, local, wideAreaRatio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with local correction regions on or off. */
        public Focus withLocal(boolean on) {
            return new Focus(policy, firstSide, grow, minSide, zoomOuts, wideSide, on, wideAreaRatio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with another bound on the wide square's mask (0: none). */
        public Focus withWideAreaRatio(double ratio) {
            return new Focus(policy, firstSide, grow, minSide, zoomOuts, wideSide, local, ratio, smallSide,
                    nearFilled, wideFilled);
        }

        /** The same with another third, smaller first-click square (0: none). */
        public Focus withSmallSide(double side) {
            return new Focus(policy, firstSide, grow, minSide, zoomOuts, wideSide, local, wideAreaRatio, side,
                    nearFilled, wideFilled);
        }

        /** The same with another pair of fill bounds for the wide square's mask (0 and 0: off). */
        public Focus withFilled(double near, double wide) {
            return new Focus(policy, firstSide, grow, minSide, zoomOuts, wideSide, local, wideAreaRatio, smallSide,
                    near, wide);
        }

        /** Which part of the image the network sees. */
        public enum Policy {
            /** The whole image every time (how models without focus were trained). */
            @SerializedName("full") FULL,
            /** A square around the first click, later around the mask and the positive clicks. */
            @SerializedName("zoom") ZOOM;

            /** The policy of a name as on the command line and in the card ("full", "zoom"). */
            public static Policy of(String name) {
                for (Policy p : values()) {
                    if (p.name().equalsIgnoreCase(name)) {
                        return p;
                    }
                }
                throw new IllegalArgumentException("focus policy '" + name + "' (full or zoom)");
            }
        }
    }

    /**
     * Local edit rules, applied to every prediction.
     *
     * @param negativeNeverAdds a negative click never adds foreground anywhere
     * @param clickedPixelKeepsItsLabel every clicked pixel has its click's label
     * @param keepClickedComponents only the parts of the mask connected to a positive click are kept
     */
    public record Edits(boolean negativeNeverAdds, boolean clickedPixelKeepsItsLabel, boolean keepClickedComponents) {
        public static final Edits DEFAULT = new Edits(true, true, false);

        /** The same with the negative-click rule on or off. */
        public Edits withNegativeNeverAdds(boolean on) {
            return new Edits(on, clickedPixelKeepsItsLabel, keepClickedComponents);
        }

        /** The same with the clicked-pixel rule on or off. */
        public Edits withClickedPixelKeepsItsLabel(boolean on) {
            return new Edits(negativeNeverAdds, on, keepClickedComponents);
        }

        /** The same with the connected-components rule on or off. */
        public Edits withKeepClickedComponents(boolean on) {
            return new Edits(negativeNeverAdds, clickedPixelKeepsItsLabel, on);
        }
    }

    /** Names of the card's problems, empty when it is usable. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (format != FORMAT) {
            p.add("card format " + format + " (this version reads format " + FORMAT + ")");
        }
        if (!"unet".equals(architecture.type())) {
            p.add("architecture '" + architecture.type() + "' (only unet is known)");
        }
        if (architecture.base() <= 0 || architecture.base() % UNet.CHANNEL_MULTIPLE != 0) {
            p.add("base width " + architecture.base() + " is not a positive multiple of " + UNet.CHANNEL_MULTIPLE);
        }
        if (architecture.levels() < 1 || workingSize <= 0 || workingSize % (1 << (architecture.levels() - 1)) != 0) {
            p.add("working size " + workingSize + " is not divisible by 2^" + (architecture.levels() - 1));
        }
        if (imageChannels != 1 && imageChannels != 3) {
            p.add(imageChannels + " image channels (1 or 3 are supported)");
        }
        if (normalisation.type() == null) {
            p.add("unknown normalisation (percentile or zscore)");
        }
        if (focus.policy() == null) {
            p.add("unknown focus policy (full or zoom)");
        } else if (!(focus.firstSide() > 0) || !(focus.minSide() > 0) || !(focus.grow() >= 1) || focus.zoomOuts() < 0
                || !(focus.wideSide() >= 0) || !(focus.wideAreaRatio() == 0 || focus.wideAreaRatio() >= 1)
                || !(focus.smallSide() >= 0 && focus.smallSide() < 1)
                || !(focus.nearFilled() >= 0 && focus.nearFilled() <= 1)
                || !(focus.wideFilled() >= 0 && focus.wideFilled() <= 1)) {
            p.add("focus sizes out of range (firstSide and minSide > 0, grow >= 1, zoomOuts >= 0, wideSide >= 0,"
                    + " wideAreaRatio 0 or >= 1, smallSide 0 or below 1, nearFilled and wideFilled 0 to 1)");
        }
        if (clickEncoding.type() == null) {
            p.add("unknown click encoding (disk or gaussian)");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            p.add("missing or malformed sha256");
        }
        return p;
    }

    /** Collects a card's values; {@link #build()} makes the immutable card. */
    public static final class Builder {
        private int format = FORMAT;
        private String name;
        private String version;
        private String description = "";
        private Architecture architecture = Architecture.DEFAULT;
        private int imageChannels = 1;
        private int workingSize = 256;
        private Normalisation normalisation = Normalisation.DEFAULT;
        private ClickEncoding clickEncoding = ClickEncoding.DEFAULT;
        private Focus focus = Focus.FULL;
        private Edits edits = Edits.DEFAULT;
        private String parameters = "model.params";
        private String sha256;
        private final Map<String, Object> training = new LinkedHashMap<>();
        private final Map<String, Object> metrics = new LinkedHashMap<>();
        private final Map<String, String> adaptation = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(ModelCard c) {
            format = c.format;
            name = c.name;
            version = c.version;
            description = c.description;
            architecture = c.architecture;
            imageChannels = c.imageChannels;
            workingSize = c.workingSize;
            normalisation = c.normalisation;
            clickEncoding = c.clickEncoding;
            focus = c.focus;
            edits = c.edits;
            parameters = c.parameters;
            sha256 = c.sha256;
            training.putAll(c.training);
            metrics.putAll(c.metrics);
            adaptation.putAll(c.adaptation);
        }

        public Builder format(int v) {
            format = v;
            return this;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        /** The version id; null lets the next save derive one from the name and the parameters' hash. */
        public Builder version(String v) {
            version = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder architecture(Architecture v) {
            architecture = v;
            return this;
        }

        /** A U-Net of this width and depth. */
        public Builder unet(int base, int levels) {
            return architecture(Architecture.unet(base, levels));
        }

        public Builder imageChannels(int v) {
            imageChannels = v;
            return this;
        }

        public Builder workingSize(int v) {
            workingSize = v;
            return this;
        }

        public Builder normalisation(Normalisation v) {
            normalisation = v;
            return this;
        }

        public Builder clickEncoding(ClickEncoding v) {
            clickEncoding = v;
            return this;
        }

        public Builder focus(Focus v) {
            focus = v;
            return this;
        }

        public Builder edits(Edits v) {
            edits = v;
            return this;
        }

        public Builder parameters(String v) {
            parameters = v;
            return this;
        }

        public Builder sha256(String v) {
            sha256 = v;
            return this;
        }

        /** Sets one training entry (replacing an earlier value of the key). */
        public Builder training(String key, Object value) {
            training.put(key, value);
            return this;
        }

        /** Sets training entries. */
        public Builder training(Map<String, ?> entries) {
            training.putAll(entries);
            return this;
        }

        /** Sets one metric (replacing an earlier value of the key). */
        public Builder metric(String key, Object value) {
            metrics.put(key, value);
            return this;
        }

        /** Sets one adaptation setting the model is used with (by its AdaptationSettings name). */
        public Builder adaptation(String name, String value) {
            adaptation.put(name, value);
            return this;
        }

        public ModelCard build() {
            return new ModelCard(format, name, version, description, architecture, imageChannels, workingSize,
                    normalisation, clickEncoding, focus, edits, parameters, sha256, training, metrics, adaptation);
        }
    }
}
