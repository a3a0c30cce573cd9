package org.pointlearn.imaging.api;

/**
 * The pixels of a grid within a distance of a point: the one painter of click disks, brush
 * tips and click dots, for the network's click maps, the learning targets and the viewer alike.
 * Pixel (x, y) has its centre at (x, y).
 */
public final class Disk {

    private Disk() {
    }

    /** Receives each pixel of a disk with its squared distance to the centre. */
    @FunctionalInterface
    public interface PixelVisitor {
        /** @param x column
         *  @param y row
         *  @param distance2 squared distance of the pixel's centre to the disk's centre */
        void visit(int x, int y, double distance2);
    }

    /**
     * Visits every pixel of a w x h grid whose centre lies within {@code radius} of (cx, cy),
     * row by row; pixels off the grid are skipped.
     */
    public static void visit(double cx, double cy, double radius, int w, int h, PixelVisitor visitor) {
        int x0 = Math.max(0, (int) Math.ceil(cx - radius));
        int x1 = Math.min(w - 1, (int) Math.floor(cx + radius));
        int y0 = Math.max(0, (int) Math.ceil(cy - radius));
        int y1 = Math.min(h - 1, (int) Math.floor(cy + radius));
        double r2 = radius * radius;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                if (d2 <= r2) {
                    visitor.visit(x, y, d2);
                }
            }
        }
    }

    /** A w x h mask holding the disk. */
    public static Mask2D mask(int w, int h, double cx, double cy, double radius) {
        float[] f = new float[w * h];
        visit(cx, cy, radius, w, h, (x, y, d2) -> f[y * w + x] = 1f);
        return Mask2D.threshold(f, w, h, 0.5f);
    }
}
