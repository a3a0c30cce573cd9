package org.pointlearn.evaluation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;

class RasterConversionTest {

    @TempDir
    Path folder;

    private BufferedImage roundTrip(BufferedImage picture, String format) throws UnreadableFileException {
        return PictureFiles.decode(Pictures.write(picture, format, folder.resolve("p." + format)));
    }

    @Test
    void sixteenBitGreyKeepsItsStoredValues() throws Exception {
        BufferedImage p = new BufferedImage(4, 3, BufferedImage.TYPE_USHORT_GRAY);
        p.getRaster().setSample(2, 1, 0, 40000);
        Image2D image = RasterConversion.toImage(roundTrip(p, "png"));
        assertEquals(1, image.channels());
        assertEquals(40000f, image.value(0, 2, 1));
        assertEquals(0f, image.value(0, 0, 0));
    }

    @Test
    void rgbWithAlphaGivesThreeChannelsInRgbOrder() throws Exception {
        BufferedImage p = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        p.setRGB(1, 1, new Color(10, 20, 30, 128).getRGB());
        Image2D image = RasterConversion.toImage(roundTrip(p, "png"));
        assertEquals(3, image.channels());
        assertEquals(10f, image.value(0, 1, 1));
        assertEquals(20f, image.value(1, 1, 1));
        assertEquals(30f, image.value(2, 1, 1));
    }

    @Test
    void colourPaletteGivesThreeChannels() throws Exception {
        byte[] r = {0, (byte) 255};
        byte[] g = {0, 0};
        byte[] b = {0, 0};
        BufferedImage p = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 2, r, g, b));
        p.getRaster().setSample(3, 2, 0, 1);
        Image2D image = RasterConversion.toImage(roundTrip(p, "png"));
        assertEquals(3, image.channels());
        assertEquals(255f, image.value(0, 3, 2));
        assertEquals(0f, image.value(1, 3, 2));
    }

    @Test
    void oneBitBlackAndWhiteGivesOneChannel() throws Exception {
        BufferedImage p = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_BINARY);
        p.getRaster().setSample(5, 6, 0, 1);
        Image2D image = RasterConversion.toImage(roundTrip(p, "png"));
        assertEquals(1, image.channels());
        assertEquals(255f, image.value(0, 5, 6));
    }

    @Test
    void maskObjectIsAnyNonZeroColourIgnoringAlpha() throws Exception {
        BufferedImage p = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);
        p.setRGB(0, 0, new Color(0, 0, 0, 255).getRGB());
        p.setRGB(1, 0, new Color(0, 0, 1, 0).getRGB());
        p.setRGB(2, 0, new Color(200, 0, 0, 255).getRGB());
        Mask2D mask = RasterConversion.toMask(p);
        assertEquals(2, mask.area());
        assertEquals(false, mask.get(0, 0));
        assertEquals(true, mask.get(2, 0));
    }
}
