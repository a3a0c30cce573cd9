package org.pointlearn.imaging.api;

/** Resizing of 2D grids: bilinear for values and probabilities, pixel centres aligned. */
public final class Resampling {

    private Resampling() {
    }

    /**
     * Bilinear resize of one channel.
     *
     * @param src row-major values
     * @param w source columns
     * @param h source rows
     * @param dw target columns
     * @param dh target rows
     * @return row-major target values
     */
    public static float[] bilinear(float[] src, int w, int h, int dw, int dh) {
        float[] out = new float[dw * dh];
        double sx = (double) w / dw;
        double sy = (double) h / dh;
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] fx = new float[dw];
        for (int x = 0; x < dw; x++) {
            double p = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w - 1);
            x0[x] = (int) p;
            x1[x] = Math.min(x0[x] + 1, w - 1);
            fx[x] = (float) (p - x0[x]);
        }
        for (int y = 0; y < dh; y++) {
            double p = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h - 1);
            int y0 = (int) p;
            int y1 = Math.min(y0 + 1, h - 1);
            float fy = (float) (p - y0);
            int r0 = y0 * w;
            int r1 = y1 * w;
            int o = y * dw;
            for (int x = 0; x < dw; x++) {
                float top = src[r0 + x0[x]] + (src[r0 + x1[x]] - src[r0 + x0[x]]) * fx[x];
                float bottom = src[r1 + x0[x]] + (src[r1 + x1[x]] - src[r1 + x0[x]]) * fx[x];
                out[o + x] = top + (bottom - top) * fy;
            }
        }
        return out;
    }

    /** Bilinear resize of every channel of an image; spacing scales with the grid. */
    public static Image2D resize(Image2D img, int dw, int dh) {
        int n = dw * dh;
        float[] out = new float[n * img.channels()];
        for (int c = 0; c < img.channels(); c++) {
            System.arraycopy(bilinear(img.channel(c), img.width(), img.height(), dw, dh), 0, out, c * n, n);
        }
        return new Image2D(dw, dh, img.channels(), out,
                img.spacingX() * img.width() / dw, img.spacingY() * img.height() / dh);
    }
}
