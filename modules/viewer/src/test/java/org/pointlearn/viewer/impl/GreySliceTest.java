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

    /** The mask's style: its colour and opacity inside, the outline at full strength, or the outline alone. */
    @Test
    void theOverlayStyleSetsColourOpacityAndOutline() {
        float[] zeros = new float[20 * 20];
        Volume v = new Volume(VolumeGeometry.axial(20, 20, 1, 1, 1, 1), new float[][] {zeros});
        GreySlice slice = GreySlice.of(v, 0, new WindowLevel(0.5, 1));
        float[] square = new float[20 * 20];
        for (int y = 5; y < 15; y++) {
            for (int x = 5; x < 15; x++) {
                square[y * 20 + x] = 1;
            }
        }
        org.pointlearn.imaging.api.Mask2D mask = org.pointlearn.imaging.api.Mask2D.threshold(square, 20, 20, 0.5f);
        int[] red = slice.overlaid(mask, java.util.List.of(), new OverlayStyle(0xff0000, 1.0, false)).rgb();
        assertEquals(0xff0000, red[10 * 20 + 10] & 0xffffff, "the inside at full opacity is the colour");
        int[] outline = slice.overlaid(mask, java.util.List.of(), new OverlayStyle(0xff0000, 1.0, true)).rgb();
        assertEquals(red[0] & 0xffffff, outline[10 * 20 + 10] & 0xffffff, "outline only leaves the inside as it was");
        assertEquals(0xff0000, outline[5 * 20 + 10] & 0xffffff, "the outline is drawn");
        assertThrows(IllegalArgumentException.class, () -> new OverlayStyle(0xff0000, 1.5, false));
    }
}
