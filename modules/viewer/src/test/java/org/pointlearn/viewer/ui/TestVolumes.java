package org.pointlearn.viewer.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Reorientation;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/** Volumes the viewer tests show: the Colin27 brain and small synthetic ones. */
final class TestVolumes {

    /** Colin27 T1 from Debian's mricron-data, installed by scripts/setup. */
    static final Path COLIN27 = Path.of("/usr/share/mricron/templates/ch2.nii.gz");

    /** Grey level of the background of the synthetic volumes. */
    static final float BACKGROUND = 100;
    /** Value of the marker voxels of the synthetic volumes. */
    static final float MARKER = 1000;

    private static Volume colin27;

    private TestVolumes() {
    }

    /** The Colin27 template in axial order, 181x217x181 at 1 mm, read once. */
    static synchronized Volume colin27() {
        if (colin27 == null) {
            if (!Files.isRegularFile(COLIN27)) {
                throw new IllegalStateException(COLIN27 + " is missing: run scripts/setup (package mricron-data)");
            }
            try {
                colin27 = Reorientation.toAxial(NiftiReader.read(COLIN27));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return colin27;
    }

    /**
     * A uniform volume whose voxel at column 0, row 0 of every slice is bright: it must show
     * in the top-left corner, and nowhere else.
     */
    static Volume brightFirstVoxel(int width, int height, int depth, double columnSpacing, double rowSpacing) {
        float[][] slices = new float[depth][width * height];
        for (float[] s : slices) {
            Arrays.fill(s, BACKGROUND);
            s[0] = MARKER;
        }
        return new Volume(VolumeGeometry.axial(width, height, depth, columnSpacing, rowSpacing, 1), slices);
    }

    /**
     * Slices with one bright disk on a darker, slightly textured background (a lesion-like
     * object for the click tools), the same on every slice.
     */
    static Volume disk(int size, int depth, int cx, int cy, int radius) {
        float[][] slices = new float[depth][size * size];
        for (float[] s : slices) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
                    s[y * size + x] = (inside ? MARKER : BACKGROUND) + ((x * 7 + y * 13) % 11) * 3;
                }
            }
        }
        return new Volume(VolumeGeometry.axial(size, size, depth, 1, 1, 1), slices);
    }

    /** Whether pixel (x, y) is inside the disk of {@link #disk}. */
    static boolean inDisk(int x, int y, int cx, int cy, int radius) {
        return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
    }
}
