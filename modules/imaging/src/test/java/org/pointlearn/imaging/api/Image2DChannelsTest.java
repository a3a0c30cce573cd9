package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A picture given to a model that takes another number of channels: grey stored as RGB, colour, grey for a colour model. */
class Image2DChannelsTest {

    @Test
    void aGreyPictureStoredAsRgbGivesItsGreyValuesExactly() {
        float[] grey = {0, 17, 255, 3, 99, 200};
        float[] rgb = new float[18];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(grey, 0, rgb, 6 * c, 6);
        }
        Image2D one = new Image2D(3, 2, 3, rgb, 0.5, 0.7).withChannels(1);
        assertEquals(1, one.channels());
        assertArrayEquals(grey, one.data(), "the values as stored, not a weighted sum that rounds them");
        assertEquals(0.5, one.spacingX());
        assertEquals(0.7, one.spacingY());
    }

    @Test
    void aColourPictureGivesItsLuminance() {
        // pixel 0 pure red, pixel 1 pure green: their luminances differ as the eye sees them
        float[] rgb = {255, 0, 0, 255, 0, 0};
        Image2D one = new Image2D(2, 1, 3, rgb, 1, 1).withChannels(1);
        assertEquals(0.299f * 255, one.data()[0], 1e-3);
        assertEquals(0.587f * 255, one.data()[1], 1e-3);
        assertTrue(one.data()[1] > one.data()[0]);
    }

    @Test
    void aGreyPictureForAColourModelIsThreeCopiesAndAMatchingOneIsItself() {
        Image2D grey = Image2D.grey(2, 1, new float[] {4, 9});
        assertArrayEquals(new float[] {4, 9, 4, 9, 4, 9}, grey.withChannels(3).data());
        assertSame(grey, grey.withChannels(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Image2D(1, 1, 2, new float[] {1, 2}, 1, 1).withChannels(1));
        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    }
}
