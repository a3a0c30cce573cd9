package org.pointlearn.inference.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pointlearn.inference.impl.UNet;

/**
 * The description of a segmentation model kept beside its parameters as {@code model.json}:
 * what the network is, what it expects as input, what it was trained on, and how well it
 * did. Field names are the JSON keys.
 */
public final class ModelCard {

    /** Format of this card; a loader refuses cards of another format. */
    public static final int FORMAT = 1;

    /** Card format version. */
    public int format = FORMAT;
    /** Short name, e.g. brain-mri. */
    public String name;
    /** Unique id of these exact parameters, e.g. brain-mri@3f2a9c1e. */
    public String version;
    /** What the model segments, in words. */
    public String description = "";
    /** Network architecture. */
    public Architecture architecture = new Architecture();
    /** Image channels at the input (1 for MRI, 3 for RGB); click and mask maps come after. */
    public int imageChannels = 1;
    /** Side of the square grid the network works on, in pixels. */
    public int workingSize = 256;
    /** How image values are scaled before the network. */
    public Normalisation normalisation = new Normalisation();
    /** How clicks become input maps. */
    public ClickEncoding clickEncoding = new ClickEncoding();
    /** Which part of the image the network looks at for each click. */
    public Focus focus = new Focus();
    /** Rules that keep a click's edit where the user made it. */
    public Edits edits = new Edits();
    /** File name of the parameters, relative to the model folder. */
    public String parameters = "model.params";
    /** SHA-256 of the parameters file, lower-case hex. */
    public String sha256;
    /** Where the training data came from, with licences; the split; the command. */
    public Map<String, Object> training = new LinkedHashMap<>();
    /** Measured results (name -> value), with the command that measured them in training. */
    public Map<String, Object> metrics = new LinkedHashMap<>();

    /** The version when set, else the name: what identifies these parameters for people and folders. */
    public String versionOrName() {
        return version != null && !version.isBlank() ? version : name;
    }

    /** Channels at the network input: image, positive clicks, negative clicks, previous mask. */
    public int inputChannels() {
        return imageChannels + 3;
    }

    /** U-Net layout. */
    public static final class Architecture {
        /** Always "unet" for now. */
        public String type = "unet";
        /** Channels of the first level. */
        public int base = 16;
        /** Levels including the bottleneck. */
        public int levels = 4;
    }

    /** Intensity scaling. */
    public static final class Normalisation {
        /** "percentile": per channel, [low, high] percentiles to [0, 1], clipped;
         *  "zscore": per channel, mean 0 and standard deviation 1. */
        public String type = "percentile";
        /** Lower percentile for "percentile". */
        public double low = 0.5;
        /** Upper percentile for "percentile". */
        public double high = 99.5;
    }

    /** Click maps. */
    public static final class ClickEncoding {
        /** "disk": 1 inside a disk per click, max over clicks; "gaussian": exp(-d^2/2s^2). */
        public String type = "disk";
        /** Disk radius or Gaussian sigma, in working-grid pixels. */
        public double radius = 5;
    }

    /** Focus crops (see {@link FocusPolicy}); sides are fractions of the image's longer side. */
    public static final class Focus {
        /** "full": the whole image every time (how models without focus were trained);
         *  "zoom": a square around the click, later around the mask and the positive clicks. */
        public String policy = "full";
        /** Side of the first click's square. */
        public double firstSide = 0.35;
        /** Later squares: the box of the mask and positive clicks, grown by this factor. */
        public double grow = 1.4;
        /** No square is smaller than this. */
        public double minSide = 0.08;
        /** Times a square may be doubled when the mask reaches its border. */
        public int zoomOuts = 2;
    }

    /** Local edit rules, applied to every prediction. */
    public static final class Edits {
        /** A negative click never adds foreground anywhere. */
        public boolean negativeNeverAdds = true;
        /** Every clicked pixel has its click's label. */
        public boolean clickedPixelKeepsItsLabel = true;
        /** Only the parts of the mask connected to a positive click are kept. */
        public boolean keepClickedComponents = false;
    }

    /** Names of the card's problems, empty when it is usable. */
    public List<String> problems() {
        List<String> p = new java.util.ArrayList<>();
        if (format != FORMAT) {
            p.add("card format " + format + " (this version reads format " + FORMAT + ")");
        }
        if (!"unet".equals(architecture.type)) {
            p.add("architecture '" + architecture.type + "' (only unet is known)");
        }
        if (architecture.base <= 0 || architecture.base % UNet.CHANNEL_MULTIPLE != 0) {
            p.add("base width " + architecture.base + " is not a positive multiple of " + UNet.CHANNEL_MULTIPLE);
        }
        if (workingSize % (1 << (architecture.levels - 1)) != 0) {
            p.add("working size " + workingSize + " is not divisible by 2^" + (architecture.levels - 1));
        }
        if (imageChannels != 1 && imageChannels != 3) {
            p.add(imageChannels + " image channels (1 or 3 are supported)");
        }
        if (!List.of("percentile", "zscore").contains(normalisation.type)) {
            p.add("normalisation '" + normalisation.type + "'");
        }
        if (focus == null || !List.of("full", "zoom").contains(focus.policy)) {
            p.add("focus policy '" + (focus == null ? null : focus.policy) + "' (full or zoom)");
        } else if (!(focus.firstSide > 0) || !(focus.minSide > 0) || !(focus.grow >= 1) || focus.zoomOuts < 0) {
            p.add("focus sizes out of range (firstSide and minSide > 0, grow >= 1, zoomOuts >= 0)");
        }
        if (edits == null) {
            p.add("no edit rules");
        }
        if (!List.of("disk", "gaussian").contains(clickEncoding.type)) {
            p.add("click encoding '" + clickEncoding.type + "'");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            p.add("missing or malformed sha256");
        }
        return p;
    }
}
