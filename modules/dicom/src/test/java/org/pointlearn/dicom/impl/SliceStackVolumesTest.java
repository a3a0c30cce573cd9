package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.Volume;

/** A series with several images per slice position opens as several volumes instead of being refused. */
class SliceStackVolumesTest {

    /** An axial 4x4 image at height z, instance n, every pixel = value. */
    private static SliceImage image(double z, int n, float value) {
        float[] v = new float[16];
        java.util.Arrays.fill(v, value);
        return new SliceImage(Path.of("i" + n + ".dcm"), 0, 4, 4, new double[] {1, 0, 0, 0, 1, 0},
                new double[] {0, 0, z}, new double[] {1, 1}, 2, 2, n, v);
    }

    @Test
    void eachPositionsImagesInInstanceOrderMakeOneVolumeEach() throws DicomException {
        List<SliceImage> images = new ArrayList<>();
        int n = 1;
        for (int t = 0; t < 3; t++) {               // three time points ...
            for (int z = 0; z < 5; z++) {           // ... of five slices, 2 mm apart
                images.add(image(2.0 * z, n++, 100 * t + z));
            }
        }
        java.util.Collections.shuffle(images, new java.util.Random(5));
        List<Volume> volumes = SliceStack.volumes(images);
        assertEquals(3, volumes.size());
        for (int t = 0; t < 3; t++) {
            Volume v = volumes.get(t);
            assertEquals(5, v.geometry().depth());
            assertEquals(2.0, v.geometry().spacing()[2], 1e-9);
            for (int z = 0; z < 5; z++) {
                assertEquals(100 * t + z, v.value(1, 1, z), 1e-6, "volume " + t + " slice " + z);
            }
        }
        assertEquals(1, SliceStack.volumes(List.of(image(0, 1, 1), image(2, 2, 2))).size(),
                "one image per position: one volume");
    }

    @Test
    void positionsWithDifferentImageCountsAreRefusedInWords() {
        List<SliceImage> images = new ArrayList<>(List.of(image(0, 1, 0), image(0, 2, 0), image(2, 3, 0)));
        DicomException e = assertThrows(DicomException.class, () -> SliceStack.volumes(images));
        assertTrue(e.getMessage().contains("from 1 to 2 images each"), e.getMessage());
    }
}
