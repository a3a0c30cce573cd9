package org.pointlearn.imaging.api;

import java.util.BitSet;

/** A binary segmentation of a 2D image: pixel (x, y) is inside when {@code get(x, y)}. */
public final class Mask2D {

    private final int width;
    private final int height;
    private final BitSet bits;

    private Mask2D(int width, int height, BitSet bits) {
        this.width = width;
        this.height = height;
        this.bits = bits;
    }

    /** An empty mask. */
    public static Mask2D empty(int width, int height) {
        return new Mask2D(width, height, new BitSet(width * height));
    }

    /** The pixels whose probability is at least the threshold. */
    public static Mask2D threshold(float[] probability, int width, int height, float threshold) {
        if (probability.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " values");
        }
        BitSet b = new BitSet(width * height);
        for (int i = 0; i < probability.length; i++) {
            if (probability[i] >= threshold) {
                b.set(i);
            }
        }
        return new Mask2D(width, height, b);
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** Whether pixel (x, y) is inside. */
    public boolean get(int x, int y) {
        return bits.get(y * width + x);
    }

    /** Whether the pixel at row-major index i is inside. */
    public boolean get(int i) {
        return bits.get(i);
    }

    /** A copy with pixel (x, y) set to the value. */
    public Mask2D with(int x, int y, boolean inside) {
        BitSet b = (BitSet) bits.clone();
        b.set(y * width + x, inside);
        return new Mask2D(width, height, b);
    }

    /** Number of pixels inside. */
    public int area() {
        return bits.cardinality();
    }

    /** The mask as 0/1 floats, row by row. */
    public float[] toFloats() {
        float[] f = new float[width * height];
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            f[i] = 1f;
        }
        return f;
    }

    /** Dice overlap with another mask of the same size; 1 when both are empty. */
    public double dice(Mask2D other) {
        requireSameSize(other);
        int a = area();
        int b = other.area();
        if (a + b == 0) {
            return 1.0;
        }
        BitSet both = (BitSet) bits.clone();
        both.and(other.bits);
        return 2.0 * both.cardinality() / (a + b);
    }

    /** Pixels inside this mask but not the other. */
    public Mask2D minus(Mask2D other) {
        requireSameSize(other);
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return new Mask2D(width, height, b);
    }

    private void requireSameSize(Mask2D other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("masks differ in size: " + width + "x" + height
                    + " and " + other.width + "x" + other.height);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask2D m && m.width == width && m.height == height && m.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode() * 31 + width;
    }
}
