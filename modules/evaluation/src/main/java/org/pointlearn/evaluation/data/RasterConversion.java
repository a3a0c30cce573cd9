package org.pointlearn.evaluation.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;

/** Turns decoded pictures into images (values as stored) and masks (non-zero = object). */
final class RasterConversion {

    private RasterConversion() {
    }

    /** Grey pictures give 1 channel, colour pictures 3 (alpha dropped); values as stored. */
    static Image2D toImage(BufferedImage picture) {
        ColorModel model = picture.getColorModel();
        if (model instanceof IndexColorModel palette) {
            return fromPalette(picture.getRaster(), palette);
        }
        int colourType = model.getColorSpace().getType();
        int colours = model.getNumColorComponents();
        if (colourType == ColorSpace.TYPE_GRAY && colours == 1) {
            return fromBands(picture.getRaster(), 1);
        }
        if (colourType == ColorSpace.TYPE_RGB && colours == 3) {
            return fromBands(picture.getRaster(), 3);
        }
        return fromSrgb(picture);
    }

    /** Object where any colour band (alpha excluded; the index for paletted pictures) is non-zero. */
    static Mask2D toMask(BufferedImage picture) {
        Raster raster = picture.getRaster();
        int w = raster.getWidth();
        int h = raster.getHeight();
        ColorModel model = picture.getColorModel();
        int bands = model instanceof IndexColorModel ? 1 : model.getNumColorComponents();
        float[] inside = new float[w * h];
        double[] samples = new double[w * h];
        for (int b = 0; b < bands; b++) {
            raster.getSamples(0, 0, w, h, b, samples);
            for (int i = 0; i < samples.length; i++) {
                if (samples[i] != 0) {
                    inside[i] = 1f;
                }
            }
        }
        return Mask2D.threshold(inside, w, h, 0.5f);
    }

    private static Image2D fromBands(Raster raster, int channels) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        float[] data = new float[channels * w * h];
        float[] band = new float[w * h];
        for (int c = 0; c < channels; c++) {
            raster.getSamples(0, 0, w, h, c, band);
            System.arraycopy(band, 0, data, c * w * h, band.length);
        }
        return new Image2D(w, h, channels, data, 1, 1);
    }

    /** A palette of greys only (as for 1-, 2- and 4-bit grey files) gives 1 channel, any other 3. */
    private static Image2D fromPalette(Raster raster, IndexColorModel palette) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int n = w * h;
        boolean grey = isGrey(palette);
        int channels = grey ? 1 : 3;
        float[] data = new float[channels * n];
        int[] index = raster.getSamples(0, 0, w, h, 0, new int[n]);
        for (int i = 0; i < n; i++) {
            data[i] = palette.getRed(index[i]);
            if (!grey) {
                data[n + i] = palette.getGreen(index[i]);
                data[2 * n + i] = palette.getBlue(index[i]);
            }
        }
        return new Image2D(w, h, channels, data, 1, 1);
    }

    private static boolean isGrey(IndexColorModel palette) {
        for (int i = 0; i < palette.getMapSize(); i++) {
            int r = palette.getRed(i);
            if (r != palette.getGreen(i) || r != palette.getBlue(i)) {
                return false;
            }
        }
        return true;
    }

    /** Colour spaces other than grey and RGB (CMYK, YCCK): converted to 8-bit sRGB. */
    private static Image2D fromSrgb(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int n = w * h;
        int[] argb = picture.getRGB(0, 0, w, h, null, 0, w);
        float[] data = new float[3 * n];
        for (int i = 0; i < n; i++) {
            data[i] = (argb[i] >> 16) & 0xff;
            data[n + i] = (argb[i] >> 8) & 0xff;
            data[2 * n + i] = argb[i] & 0xff;
        }
        return new Image2D(w, h, 3, data, 1, 1);
    }
}
