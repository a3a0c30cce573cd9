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
        return crop(src, w, h, Region.whole(w, h), dw, dh, 0f);
    }

    /**
     * A region of one channel sampled bilinearly onto a dw x dh grid (pixel centres aligned, as
     * {@link #bilinear}; for the whole image the two give the same values). Grid pixels whose
     * centre falls outside the image get {@code outside}.
     *
     * @param src row-major values of a w x h channel
     */
    public static float[] crop(float[] src, int w, int h, Region region, int dw, int dh, float outside) {
        float[] out = new float[dw * dh];
        int[] x0 = new int[dw];
        int[] x1 = new int[dw];
        float[] fx = new float[dw];
        boolean[] inX = new boolean[dw];
        for (int x = 0; x < dw; x++) {
            double p = region.x() + (x + 0.5) * region.width() / dw - 0.5;
            inX[x] = p >= -0.5 && p < w - 0.5;
            p = Math.min(Math.max(p, 0), w - 1);
            x0[x] = (int) p;
            x1[x] = Math.min(x0[x] + 1, w - 1);
            fx[x] = (float) (p - x0[x]);
        }
        for (int y = 0; y < dh; y++) {
            double p = region.y() + (y + 0.5) * region.height() / dh - 0.5;
            boolean inY = p >= -0.5 && p < h - 0.5;
            p = Math.min(Math.max(p, 0), h - 1);
            int y0 = (int) p;
            int y1 = Math.min(y0 + 1, h - 1);
            float fy = (float) (p - y0);
            int r0 = y0 * w;
            int r1 = y1 * w;
            int o = y * dw;
            for (int x = 0; x < dw; x++) {
                if (!inY || !inX[x]) {
                    out[o + x] = outside;
                    continue;
                }
                float top = src[r0 + x0[x]] + (src[r0 + x1[x]] - src[r0 + x0[x]]) * fx[x];
                float bottom = src[r1 + x0[x]] + (src[r1 + x1[x]] - src[r1 + x0[x]]) * fx[x];
                out[o + x] = top + (bottom - top) * fy;
            }
        }
        return out;
    }

    /**
     * The inverse of {@link #crop}: a dw x dh grid laid over a region, sampled bilinearly back
     * onto the pixels of a w x h image whose centres lie inside the region; every other pixel
     * keeps its value in {@code target}, which is changed in place.
     */
    public static void paste(float[] grid, int dw, int dh, Region region, float[] target, int w, int h) {
        int xa = Math.max(0, (int) Math.ceil(region.x() - 0.5));
        int xb = Math.min(w - 1, (int) Math.ceil(region.right() - 0.5) - 1);
        int ya = Math.max(0, (int) Math.ceil(region.y() - 0.5));
        int yb = Math.min(h - 1, (int) Math.ceil(region.bottom() - 0.5) - 1);
        for (int y = ya; y <= yb; y++) {
            double q = Math.min(Math.max(region.gridY(y, dh), 0), dh - 1);
            int g0 = (int) q;
            int g1 = Math.min(g0 + 1, dh - 1);
            float fy = (float) (q - g0);
            for (int x = xa; x <= xb; x++) {
                double p = Math.min(Math.max(region.gridX(x, dw), 0), dw - 1);
                int c0 = (int) p;
                int c1 = Math.min(c0 + 1, dw - 1);
                float fx = (float) (p - c0);
                float top = grid[g0 * dw + c0] + (grid[g0 * dw + c1] - grid[g0 * dw + c0]) * fx;
                float bottom = grid[g1 * dw + c0] + (grid[g1 * dw + c1] - grid[g1 * dw + c0]) * fx;
                target[y * w + x] = top + (bottom - top) * fy;
            }
        }
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
