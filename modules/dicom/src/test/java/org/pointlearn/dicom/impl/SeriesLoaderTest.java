package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.lib.dicom.GdcmRuntime;
import org.pointlearn.dicom.SharedData;

class SeriesLoaderTest {

    private static final Path DATA = SharedData.path("dicom");
    private static final Path EPI = DATA.resolve("mr-epi-series-63");

    @Test
    void loadsTheSagittalEpiSeriesSortedAlongTheSliceNormal(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir, Colin27.TEMPLATE);
        index.importFolder(EPI);
        SeriesRef series = LocalStudyIndexTest.onlySeries(index);

        Volume epi = index.loadSeries(series);

        VolumeGeometry g = epi.geometry();
        assertEquals(63, series.images());
        assertEquals("Product EPI Sag Ascending", series.description());
        assertArrayEquals(new int[] {86, 86, 63}, g.size());
        assertArrayEquals(new double[] {2.23256, 2.23256, 2.2}, g.spacing(), 1e-6, "slice spacing from positions");
        // row (0,1,0) x column (0,0,-1) points to patient right (-x): slices run from x = +68.2 to -68.2
        assertArrayEquals(new double[] {-1, 0, 0}, g.sliceDirection(), 1e-9);
        assertArrayEquals(new double[] {68.2, -96, 96}, g.origin(), 1e-6);
        assertArrayEquals(new double[] {-68.2, -96, 96}, g.slicePosition(62), 1e-6);
    }

    @Test
    void theSortedSlicesHoldThePixelsDcmtkReadsFromTheirFiles(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk (dcmdump) is not installed");
        List<Path> files = new ArrayList<>();
        for (int n = 1; n <= 63; n++) {
            files.add(EPI.resolve(String.format("50010%02d.dcm", n)));
        }

        Volume epi = SeriesLoader.load(files);

        assertSlice(Dcmtk.pixelWords(EPI.resolve("5001063.dcm"), dir), epi.slice(0), "first slice: instance 63");
        assertSlice(Dcmtk.pixelWords(EPI.resolve("5001032.dcm"), dir), epi.slice(31), "middle slice: instance 32");
        assertSlice(Dcmtk.pixelWords(EPI.resolve("5001001.dcm"), dir), epi.slice(62), "last slice: instance 1");
    }

    @Test
    void everyUncompressedAndLosslessTransferSyntaxGivesTheSamePixels() throws Exception {
        Path syntaxes = DATA.resolve("transfer-syntaxes");
        float[] explicitLittleEndian = everyPixel(syntaxes.resolve("1.dcm"));

        for (String name : List.of("2.dcm", "3.dcm", "4.dcm", "5.dcm", "6.dcm")) {
            assertArrayEquals(explicitLittleEndian, everyPixel(syntaxes.resolve(name)), name);
        }
    }

    @Test
    void jpegLsAndJpeg2000GiveTheSamePixelsAsExplicitLittleEndian() throws Exception {
        assumeTrue(GdcmRuntime.available(), "GDCM (libgdcm-java) is not installed");
        Path syntaxes = DATA.resolve("transfer-syntaxes");
        float[] explicitLittleEndian = everyPixel(syntaxes.resolve("1.dcm"));

        for (String name : List.of("7.dcm", "8.dcm", "9.dcm")) {
            assertArrayEquals(explicitLittleEndian, everyPixel(syntaxes.resolve(name)), name);
        }
    }

    /** Every pixel of a file, slice after slice (the corpus' mosaic gives its 35 tiles). */
    private static float[] everyPixel(Path file) throws Exception {
        List<SliceImage> slices = SliceReader.readFrames(file);
        float[] all = new float[slices.stream().mapToInt(f -> f.values().length).sum()];
        int at = 0;
        for (SliceImage f : slices) {
            System.arraycopy(f.values(), 0, all, at, f.values().length);
            at += f.values().length;
        }
        return all;
    }

    @Test
    void aCompressionNoDecoderKnowsIsRefusedNamingItsTransferSyntax() throws Exception {
        Path file = DATA.resolve("transfer-syntaxes/9.dcm");
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toFile());
        list.get(TagFromName.TransferSyntaxUID).setValue("1.2.840.10008.1.2.4.201");

        DicomException e = assertThrows(DicomException.class, () -> StoredPixels.decode(list, file));

        assertTrue(e.getMessage().contains("9.dcm"), e.getMessage());
        assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.201"), e.getMessage());
    }

    @Test
    void twelveBitPixelsIgnoreTheUnusedHighBitsAndKeepTheirSign(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk (dcmdump) is not installed");
        Path signed = DATA.resolve("mr-12bit/12bitSigned_0x0F0F.dcm");
        Path unsigned = DATA.resolve("mr-12bit/12bitUnsigned_0x0F0F.dcm");

        float[] signedValues = SliceReader.read(signed).values();
        float[] unsignedValues = SliceReader.read(unsigned).values();

        short[] signedWords = Dcmtk.pixelWords(signed, dir);
        short[] unsignedWords = Dcmtk.pixelWords(unsigned, dir);
        for (int i = 0; i < signedWords.length; i++) {
            int low12 = signedWords[i] & 0xfff;
            assertEquals(low12 >= 0x800 ? low12 - 0x1000 : low12, signedValues[i], "signed pixel " + i);
            assertEquals(unsignedWords[i] & 0xfff, unsignedValues[i], "unsigned pixel " + i);
        }
        assertTrue(contains(signedValues, -241) && contains(signedValues, -1), "0x0F0F and 0xFFFF stripes");
        assertTrue(contains(unsignedValues, 3855) && contains(unsignedValues, 4095), "0x0F0F and 0xFFFF stripes");
    }

    @Test
    void imagesOfDifferentSizesAreRefused(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(EPI.resolve("5001001.dcm"),
                variant(EPI.resolve("5001002.dcm"), dir.resolve("reshaped.dcm"), list -> {
                    list.get(TagFromName.Rows).setValue(172);
                    list.get(TagFromName.Columns).setValue(43);
                }));

        DicomException e = assertThrows(DicomException.class, () -> SeriesLoader.load(files));

        assertTrue(e.getMessage().contains("differ in size"), e.getMessage());
        assertTrue(e.getMessage().contains("reshaped.dcm has 43x172"), e.getMessage());
    }

    @Test
    void imagesOfDifferentOrientationsAreRefused(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(EPI.resolve("5001001.dcm"), EPI.resolve("5001002.dcm"),
                variant(EPI.resolve("5001003.dcm"), dir.resolve("axial.dcm"), list -> {
                    list.get(TagFromName.ImageOrientationPatient).setValue("1\\0\\0\\0\\1\\0");
                }));

        DicomException e = assertThrows(DicomException.class, () -> SeriesLoader.load(files));

        assertTrue(e.getMessage().contains("different orientations"), e.getMessage());
        assertTrue(e.getMessage().contains("axial.dcm"), e.getMessage());
    }

    @Test
    void twoImagesAtOnePositionAreRefused(@TempDir Path dir) throws Exception {
        List<Path> files = List.of(EPI.resolve("5001001.dcm"), EPI.resolve("5001002.dcm"),
                variant(EPI.resolve("5001002.dcm"), dir.resolve("second-echo.dcm"), list -> { }));

        DicomException e = assertThrows(DicomException.class, () -> SeriesLoader.load(files));

        assertTrue(e.getMessage().contains("same position"), e.getMessage());
        assertTrue(e.getMessage().contains("second-echo.dcm"), e.getMessage());
    }

    @Test
    void aGapInTheSlicesIsRefused() {
        List<Path> files = List.of(EPI.resolve("5001001.dcm"), EPI.resolve("5001002.dcm"),
                EPI.resolve("5001004.dcm"), EPI.resolve("5001005.dcm"));

        DicomException e = assertThrows(DicomException.class, () -> SeriesLoader.load(files));

        assertTrue(e.getMessage().contains("unevenly spaced (2.200 to 4.400 mm"), e.getMessage());
    }

    private static void assertSlice(short[] expectedWords, float[] actual, String what) {
        assertEquals(expectedWords.length, actual.length, what);
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expectedWords[i] & 0xfff, actual[i], what + ", pixel " + i);
        }
    }

    private static boolean contains(float[] values, float wanted) {
        for (float v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }

    /** A copy of a file as another instance of its series, changed by {@code change}. */
    private static Path variant(Path source, Path target, AttributeChange change) throws Exception {
        AttributeList list = new AttributeList();
        list.read(source.toFile());
        list.get(TagFromName.SOPInstanceUID).setValue(Uids.fresh());
        change.apply(list);
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        assertTrue(Files.isRegularFile(target));
        return target;
    }

    /** Edits a header. */
    private interface AttributeChange {
        void apply(AttributeList list) throws Exception;
    }
}
