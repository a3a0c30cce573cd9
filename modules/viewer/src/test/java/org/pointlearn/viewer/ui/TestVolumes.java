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
}
