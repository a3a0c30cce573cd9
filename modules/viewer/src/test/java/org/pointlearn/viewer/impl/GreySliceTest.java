package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.imaging.api.WindowLevel;

class GreySliceTest {

    private final Volume volume = new Volume(VolumeGeometry.axial(3, 2, 2, 0.5, 2, 1),
            new float[][] {{0, 0, 0, 0, 0, 0}, {0, 50, 100, 150, 200, 250}});

    @Test
    void keepsRowOrderAndWindowsValues() {
        GreySlice s = GreySlice.of(volume, 1, new WindowLevel(100, 200));
        assertEquals(3, s.width());
        assertEquals(2, s.height());
        assertArrayEquals(new byte[] {0, 64, (byte) 128, (byte) 191, (byte) 255, (byte) 255}, s.pixels());
    }

    @Test
    void sizeInMillimetresComesFromThePixelSpacing() {
        GreySlice s = GreySlice.of(volume, 0, new WindowLevel(100, 200));
        assertEquals(1.5, s.widthMm(), 1e-9);
        assertEquals(4, s.heightMm(), 1e-9);
    }

    @Test
    void aSliceOutsideTheVolumeIsRefusedInWords() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> GreySlice.of(volume, 2, new WindowLevel(0, 1)));
        assertEquals("slice 2 is outside the volume's 2 slices", e.getMessage());
    }
}
