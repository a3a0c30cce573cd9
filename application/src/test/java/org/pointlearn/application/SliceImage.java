package org.pointlearn.application;

import java.awt.image.BufferedImage;

/** Measures of a screenshot of the viewer that tell a brain slice from a blank canvas. */
final class SliceImage {

    private SliceImage() {
    }

    /** Number of distinct grey levels (0..255) that cover at least 0.05 % of the pixels. */
    static int greyLevels(BufferedImage img) {
        int[] hist = new int[256];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                hist[grey(img.getRGB(x, y))]++;
            }
        }
        int min = Math.max(1, img.getWidth() * img.getHeight() / 2000);
        int n = 0;
        for (int h : hist) {
            if (h >= min) {
                n++;
            }
        }
        return n;
    }

    /** Mean grey of the central quarter minus the mean grey of the four corner patches. */
    static double centreMinusCorners(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        double centre = mean(img, w * 3 / 8, h * 3 / 8, w / 4, h / 4);
        int cw = w / 10;
        int ch = h / 10;
        double corners = (mean(img, 0, 0, cw, ch) + mean(img, w - cw, 0, cw, ch)
                + mean(img, 0, h - ch, cw, ch) + mean(img, w - cw, h - ch, cw, ch)) / 4;
        return centre - corners;
    }

    /** Fraction of pixels whose grey differs by more than 8 levels between two captures. */
    static double changedFraction(BufferedImage a, BufferedImage b) {
        int changed = 0;
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y))) > 8) {
                    changed++;
                }
            }
        }
        return changed / (double) (w * h);
    }

    /** Pixels whose red and blue differ clearly (grey images have none): the mask and click colours. */
    static int colouredPixels(BufferedImage img) {
        return count(img, (r, g, b) -> Math.abs(r - b) > 60);
    }

    /** Pixels in the mask's default colour (yellow: red and green well above blue), drawn or tinted. */
    static int maskPixels(BufferedImage img) {
        return count(img, (r, g, b) -> r - b > 80 && g - b > 50);
    }

    /** Pixels in a DICOM SEG's outline colour (orange 0xff8c1a; masks are yellow, proposals blue). */
    static int segPixels(BufferedImage img) {
        return count(img, (r, g, b) -> r > 220 && g > 110 && g < 170 && b < 60);
    }

    /** A test on a pixel's red, green and blue. */
    @FunctionalInterface
    private interface Colour {
        boolean test(int r, int g, int b);
    }

    private static int count(BufferedImage img, Colour colour) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                n += colour.test((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff) ? 1 : 0;
            }
        }
        return n;
    }

    private static double mean(BufferedImage img, int x0, int y0, int w, int h) {
        double sum = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                sum += grey(img.getRGB(x, y));
            }
        }
        return sum / (w * h);
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xff) * 30 + ((rgb >> 8) & 0xff) * 59 + (rgb & 0xff) * 11) / 100;
    }
}
