package org.pointlearn.viewer.ui;

import java.awt.image.BufferedImage;
import java.util.BitSet;

/** Reads grey levels out of rendered images, as a person looking at them would compare. */
final class Pixels {

    private Pixels() {
    }

    /** Grey level (mean of red, green, blue) at a pixel. */
    static int grey(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        return (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
    }

    /** Mean grey level of a rectangle. */
    static double meanGrey(BufferedImage img, int x0, int y0, int w, int h) {
        double sum = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                sum += grey(img, x, y);
            }
        }
        return sum / (w * h);
    }

    /** Number of different grey levels in a rectangle. */
    static int distinctGreys(BufferedImage img, int x0, int y0, int w, int h) {
        BitSet seen = new BitSet(256);
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                seen.set(grey(img, x, y));
            }
        }
        return seen.cardinality();
    }

    /** Number of pixels of a rectangle brighter than a grey level. */
    static int brighterThan(BufferedImage img, int level, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (grey(img, x, y) > level) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Number of pixels of a rectangle whose colour differs between two images. */
    static int differing(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Mean absolute grey difference of two images over a rectangle. */
    static double meanAbsoluteDifference(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
        double sum = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                sum += Math.abs(grey(a, x, y) - grey(b, x, y));
            }
        }
        return sum / (w * h);
    }
}
