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

    /**
     * This image with another number of channels, for a model that takes that many: a colour
     * image whose three channels are the same everywhere (a grey picture stored as RGB) gives that
     * channel exactly, any other colour image its luminance (Rec. 601: 0.299 R + 0.587 G + 0.114 B);
     * a grey image gives three copies of itself. This image itself when it already has them.
     *
     * @throws IllegalArgumentException for any other pair of channel counts
     */
    public Image2D withChannels(int wanted) {
        if (wanted == channels) {
            return this;
        }
        int n = width * height;
        if (channels == 3 && wanted == 1) {
            float[] grey = new float[n];
            boolean same = true;
            for (int i = 0; i < n && same; i++) {
                same = data[i] == data[n + i] && data[i] == data[2 * n + i];
            }
            for (int i = 0; i < n; i++) {
                grey[i] = same ? data[i] : (float) (0.299 * data[i] + 0.587 * data[n + i] + 0.114 * data[2 * n + i]);
            }
            return new Image2D(width, height, 1, grey, spacingX, spacingY);
        }
        if (channels == 1 && wanted == 3) {
            float[] colour = new float[3 * n];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(data, 0, colour, c * n, n);
            }
            return new Image2D(width, height, 3, colour, spacingX, spacingY);
        }
        throw new IllegalArgumentException("an image of " + channels + " channels cannot be given " + wanted
                + " (only grey to colour and colour to grey)");
    }
}
