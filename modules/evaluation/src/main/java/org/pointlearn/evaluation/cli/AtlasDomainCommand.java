package org.pointlearn.evaluation.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.pointlearn.evaluation.data.AtlasStructures;
import org.pointlearn.imaging.api.Volume;

/**
 * An evaluation domain from a brain and an atlas drawn on it: every n-th axial slice through
 * each chosen structure, as an 8-bit image and one mask per structure, in the layout the
 * evaluation reads ({@code images/<slice>_<structure>.png}, {@code masks/...}, {@code SOURCE.md}).
 * Made for the Colin27 brain and the AAL atlas of Debian's mricron-data: deep grey structures,
 * an MRI anatomy none of our models was trained on.
 *
 * <pre>AtlasDomainCommand --image ch2.nii.gz --labels aal.nii.gz --names aal.nii.txt
 *     --select Caudate,Putamen,Thalamus --every 3 --min-area 40 --out target/colin27-deep-grey</pre>
 */
public final class AtlasDomainCommand {

    private AtlasDomainCommand() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> kv;
        try {
            kv = Arguments.parse(args, Set.of("image", "labels", "names", "select", "out"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: AtlasDomainCommand --image <nifti> --labels <nifti> --names <label list>"
                    + " --select Name,... --out <folder> [--every 3] [--min-area 40]");
            System.exit(2);
            return;
        }
        int n = write(Path.of(kv.get("image")), Path.of(kv.get("labels")), Path.of(kv.get("names")),
                List.of(kv.get("select").split(",")), Integer.parseInt(kv.getOrDefault("every", "3")),
                Integer.parseInt(kv.getOrDefault("min-area", "40")), Path.of(kv.get("out")));
        System.out.println(n + " slices written to " + kv.get("out"));
    }

    /**
     * Writes the domain.
     *
     * @param select prefixes of label names (Caudate selects Caudate_L and Caudate_R)
     * @return the number of image/mask pairs written
     */
    static int write(Path imageFile, Path labelFile, Path namesFile, List<String> select, int every, int minArea,
            Path out) throws IOException {
        AtlasStructures atlas = AtlasStructures.read(imageFile, labelFile, namesFile, select);
        Volume image = atlas.image();
        Volume labels = atlas.labels();
        Map<Integer, String> chosen = atlas.chosen();
        int w = image.geometry().width();
        int h = image.geometry().height();
        float[] window = window(image);
        Files.createDirectories(out.resolve("images"));
        Files.createDirectories(out.resolve("masks"));
        int written = 0;
        List<String> counts = new ArrayList<>();
        for (Map.Entry<Integer, String> c : chosen.entrySet()) {
            int before = written;
            int seen = 0;
            for (int k = 0; k < labels.geometry().depth(); k++) {
                float[] lab = labels.slice(k);
                BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                int area = 0;
                for (int i = 0; i < lab.length; i++) {
                    if (Math.round(lab[i]) == c.getKey()) {
                        mask.getRaster().setSample(i % w, i / w, 0, 255);
                        area++;
                    }
                }
                if (area < minArea || seen++ % every != 0) {
                    continue;
                }
                String id = String.format(Locale.ROOT, "%03d_%s", k, c.getValue());
                ImageIO.write(grey(image.slice(k), w, h, window), "png", out.resolve("images").resolve(id + ".png").toFile());
                ImageIO.write(mask, "png", out.resolve("masks").resolve(id + ".png").toFile());
                written++;
            }
            counts.add(c.getValue() + " " + (written - before));
        }
        Files.writeString(out.resolve("SOURCE.md"), source(imageFile, labelFile, select, every, minArea, counts),
                StandardCharsets.UTF_8);
        return written;
    }

    /** The 0.5 and 99.5 percentiles of the brain's non-zero voxels. */
    private static float[] window(Volume v) {
        int total = 0;
        for (int k = 0; k < v.geometry().depth(); k++) {
            for (float x : v.slice(k)) {
                total += x > 0 ? 1 : 0;
            }
        }
        float[] all = new float[total];
        int j = 0;
        for (int k = 0; k < v.geometry().depth(); k++) {
            for (float x : v.slice(k)) {
                if (x > 0) {
                    all[j++] = x;
                }
            }
        }
        Arrays.sort(all);
        return new float[] {all[(int) (0.005 * (all.length - 1))], all[(int) (0.995 * (all.length - 1))]};
    }

    private static BufferedImage grey(float[] slice, int w, int h, float[] window) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        float range = Math.max(1e-6f, window[1] - window[0]);
        for (int i = 0; i < slice.length; i++) {
            int g = Math.round(255 * Math.max(0, Math.min(1, (slice[i] - window[0]) / range)));
            img.getRaster().setSample(i % w, i / w, 0, g);
        }
        return img;
    }

    private static String source(Path image, Path labels, List<String> select, int every, int minArea,
            List<String> counts) {
        return "# Atlas structures on their own brain (made here, not downloaded)\n\n"
                + "- Dataset: axial slices of " + image + " with the structures " + String.join(", ", select)
                + " of " + labels + ", every " + every + ". slice with at least " + minArea + " px; "
                + String.join(", ", counts) + ".\n"
                + "- Licence: Debian package mricron-data (BSD-3-clause for the package as Debian states it); "
                + "Colin27 (Holmes et al. 1998) and the AAL atlas drawn on it (Tzourio-Mazoyer et al. 2002) "
                + "as distributed with MRIcron.\n"
                + "- Citation: Tzourio-Mazoyer N. et al., Automated anatomical labeling of activations in SPM, "
                + "NeuroImage 15 (2002); Holmes C.J. et al., Enhancement of MR images using registration for "
                + "signal averaging, J Comput Assist Tomogr 22 (1998).\n"
                + "- Made by: make colin27-domain (AtlasDomainCommand); used for evaluation only.\n";
    }
}
