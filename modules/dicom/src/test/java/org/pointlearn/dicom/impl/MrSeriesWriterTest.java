package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

class MrSeriesWriterTest {

    private static final SeriesMetadata METADATA = SeriesMetadata.newStudy("Test^Writer", "PL-TEST-WRITER",
            "writer test", "five axial slices");

    @Test
    void writesOneMrFilePerSliceThatDcmtkReadsWithTheSliceGeometry(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk (dcmdump) is not installed");
        Volume slab = Colin27.slab(85, 5);
        List<Path> files = MrSeriesWriter.write(slab, METADATA, dir.resolve("series"));
        assertEquals(5, files.size());

        String dump = Dcmtk.dump(files.get(2));
        assertTrue(dump.contains("=MRImageStorage"), dump);
        assertTrue(dump.contains("=LittleEndianExplicit"), dump);
        assertEquals("Test^Writer", text(dump, "0010,0010"));
        assertEquals("MR", text(dump, "0008,0060"));
        assertEquals("MONOCHROME2", text(dump, "0028,0004"));
        assertEquals("RM", text(dump, "0018,0020"), "ScanningSequence (MR type 1)");
        assertEquals("NONE", text(dump, "0018,0021"), "SequenceVariant (MR type 1)");
        assertEquals("DERIVED\\SECONDARY\\OTHER", text(dump, "0008,0008"));
        assertEquals("3", text(dump, "0020,0013"), "InstanceNumber");
        assertTrue(dump.contains("(0028,0010) US 217"), "Rows");
        assertTrue(dump.contains("(0028,0011) US 181"), "Columns");
        assertTrue(dump.contains("(0028,0101) US 16"), "BitsStored");

        VolumeGeometry g = slab.geometry();
        assertArrayEquals(g.slicePosition(2), numbers(dump, "0020,0032"), 1e-6, "ImagePositionPatient");
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0}, numbers(dump, "0020,0037"), 1e-9, "axial orientation");
        assertArrayEquals(new double[] {1, 1}, numbers(dump, "0028,0030"), 1e-9, "PixelSpacing");
        assertEquals(g.slicePosition(2)[2], numbers(dump, "0020,1041")[0], 1e-6, "SliceLocation = z when axial");
        assertTrue(numbers(dump, "0028,1051")[0] > 0, "a window width");
    }

    @Test
    void dcmtkReadsTheVoxelValuesAsStoredPixels(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk (dcmdump) is not installed");
        Volume slab = Colin27.slab(90, 3);
        List<Path> files = MrSeriesWriter.write(slab, METADATA, dir.resolve("series"));
        Path work = Files.createDirectories(dir.resolve("raw"));

        short[] words = Dcmtk.pixelWords(files.get(1), work);

        float[] expected = slab.slice(1);
        assertEquals(expected.length, words.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], words[i] & 0xffff, "pixel " + i);
        }
        assertTrue(max(expected) > 100, "the slice holds brain, not background");
    }

    @Test
    void storesFractionalValuesWithARescaleWithinHalfAStep(@TempDir Path dir) throws Exception {
        int w = 16;
        int h = 8;
        float[][] slices = new float[2][w * h];
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < w * h; i++) {
                slices[k][i] = -1000.25f + 31.3f * i + 7.1f * k;
            }
        }
        Volume volume = new Volume(VolumeGeometry.axial(w, h, 2, 0.5, 0.75, 2.5), slices);
        List<Path> files = MrSeriesWriter.write(volume, METADATA, dir.resolve("series"));

        Volume read = SeriesLoader.load(files);

        float[] range = volume.range();
        double halfStep = (range[1] - range[0]) / 65535 / 2;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < w * h; i++) {
                assertEquals(slices[k][i], read.slice(k)[i], halfStep + 1e-3, "voxel " + i + " of slice " + k);
            }
        }
        assertArrayEquals(new double[] {0.5, 0.75, 2.5}, read.geometry().spacing(), 1e-9);
        if (Dcmtk.available()) {
            String dump = Dcmtk.dump(files.get(0));
            assertArrayEquals(new double[] {0.75, 0.5}, numbers(dump, "0028,0030"),
                    "PixelSpacing is row spacing (along j) first, then column spacing (along i)");
            assertTrue(dump.contains("(0028,0010) US 8") && dump.contains("(0028,0011) US 16"), "Rows, Columns");
        }
    }

    private static float max(float[] values) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** The bracketed value of a tag in a dcmdump listing. */
    private static String text(String dump, String tag) {
        Matcher m = Pattern.compile("\\(" + tag + "\\) \\w\\w \\[([^\\]]*)\\]").matcher(dump);
        assertTrue(m.find(), "dcmdump shows no (" + tag + ")");
        return m.group(1);
    }

    private static double[] numbers(String dump, String tag) {
        return Arrays.stream(text(dump, tag).split("\\\\")).mapToDouble(Double::parseDouble).toArray();
    }
}
