package org.pointlearn.imaging.api;

/**
 * A 2D image of one or more channels (1 for MRI, 3 for colour fundus photographs) as
 * floats, channel after channel, each row by row: value of channel c at column x, row y is
 * {@code data[(c * height + y) * width + x]}.
 */
public final class Image2D {

    private final int width;
    private final int height;
    private final int channels;
    private final float[] data;
    private final double spacingX;
    private final double spacingY;

    /**
     * @param width columns
     * @param height rows
     * @param channels values per pixel
     * @param data channels*height*width values, channel-major; shared, not copied
     * @param spacingX millimetres between columns (1 when unknown)
     * @param spacingY millimetres between rows (1 when unknown)
     */
    public Image2D(int width, int height, int channels, float[] data, double spacingX, double spacingY) {
        if (width < 1 || height < 1 || channels < 1) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height + "x" + channels);
        }
        if (data.length != (long) width * height * channels) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels + " values, got " + data.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.data = data;
        this.spacingX = spacingX;
        this.spacingY = spacingY;
    }

    /** A single-channel image with unit spacing. */
    public static Image2D grey(int width, int height, float[] data) {
        return new Image2D(width, height, 1, data, 1, 1);
    }

    /** Slice k of a volume as a single-channel image with the volume's in-plane spacing. */
    public static Image2D ofSlice(Volume volume, int k) {
        VolumeGeometry g = volume.geometry();
        double[] s = g.spacing();
        return new Image2D(g.width(), g.height(), 1, volume.slice(k), s[0], s[1]);
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** Values per pixel. */
    public int channels() {
        return channels;
    }

    /** Millimetres between columns. */
    public double spacingX() {
        return spacingX;
    }

    /** Millimetres between rows. */
    public double spacingY() {
        return spacingY;
    }

    /** All values, channel-major; shared, do not modify. */
    public float[] data() {
        return data;
    }

    /** Value of channel c at column x, row y. */
    public float value(int c, int x, int y) {
        return data[(c * height + y) * width + x];
    }

    /** The values of one channel, row by row (a copy). */
    public float[] channel(int c) {
        float[] out = new float[width * height];
        System.arraycopy(data, c * width * height, out, 0, out.length);
        return out;
    }
}
