package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.lib.dicom.GdcmRuntime;
import org.pointlearn.dicom.SharedData;

/** Multi-frame objects and the encodings dcmtk writes (deflate, big endian, RLE, JPEG-LS, JPEG baseline) load like the original. */
class MultiFrameAndEncodingTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");
    private static final int FRAMES = 12;

    @Test
    void anEnhancedMrObjectLoadsAsTheSameVolumeAsItsSingleFrameSeries(@TempDir Path dir) throws Exception {
        List<Path> singles = slices(FRAMES);
        List<Path> reversed = new ArrayList<>(singles);
        Collections.reverse(reversed);
        Path multiFrame = EnhancedMrFixture.write(reversed, dir.resolve("enhanced.dcm"));

        Volume expected = SeriesLoader.load(singles);
        Volume loaded = SeriesLoader.load(List.of(multiFrame));

        assertSameVolume(expected, loaded, "enhanced MR");
    }

    @Test
    void anEnhancedMrObjectImportsAndLoadsThroughTheIndex(@TempDir Path dir) throws Exception {
        Path multiFrame = EnhancedMrFixture.write(slices(FRAMES), dir.resolve("enhanced.dcm"));
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        index.importFrom(multiFrame, ImportMonitor.SILENT);
        SeriesRef series = LocalStudyIndexTest.onlySeries(index);

        assertEquals(1, series.images());
        assertEquals(FRAMES, index.loadSeries(series).geometry().depth());
    }

    @Test
    void multiFrameRleAndJpegLsFromDcmtkDecodeToTheSameFrames(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk is not installed");
        assumeTrue(GdcmRuntime.available(), "GDCM (libgdcm-java) is not installed");
        List<Path> singles = slices(FRAMES);
        Path multiFrame = EnhancedMrFixture.write(singles, dir.resolve("enhanced.dcm"));
        Volume expected = SeriesLoader.load(singles);

        for (String[] codec : List.of(new String[] {"dcmcrle", "rle.dcm"}, new String[] {"dcmcjpls", "jls.dcm"},
                new String[] {"dcmcjpeg", "jpeg-lossless.dcm"})) {
            Path encoded = dir.resolve(codec[1]);
            DcmtkReference.run("/usr/bin/" + codec[0], multiFrame.toString(), encoded.toString());
            assertSameVolume(expected, SeriesLoader.load(List.of(encoded)), codec[0]);
        }
    }

    @Test
    void deflatedAndBigEndianFilesFromDcmtkGiveTheSamePixels(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk is not installed");
        Path original = EPI.resolve("5001010.dcm");
        float[] expected = SliceReader.read(original).values();

        for (String option : List.of("+td", "+tb", "+ti")) {
            Path converted = dir.resolve("converted" + option + ".dcm");
            DcmtkReference.run("/usr/bin/dcmconv", option, original.toString(), converted.toString());
            assertArrayEquals(expected, SliceReader.read(converted).values(), option);
        }
    }

    @Test
    void jpegBaselineDecodesAsDcmtkDecodesIt(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk is not installed");
        Path eightBit = eightBitCopy(EPI.resolve("5001030.dcm"), dir.resolve("8bit.dcm"));
        Path baseline = dir.resolve("baseline.dcm");
        DcmtkReference.run("/usr/bin/dcmcjpeg", "+eb", eightBit.toString(), baseline.toString());

        float[] ours = SliceReader.read(baseline).values();
        short[] reference = DcmtkReference.words(baseline, "1.2.840.10008.1.2.4.50", dir);

        int worst = 0;
        for (int i = 0; i < ours.length; i++) {
            worst = Math.max(worst, (int) Math.abs(ours[i] - (reference[i / 2] >> (i % 2 * 8) & 0xff)));
        }
        assertTrue(worst <= 1, "largest difference to dcmtk's decoding: " + worst);
    }

    private static List<Path> slices(int count) {
        List<Path> files = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            files.add(EPI.resolve(String.format("50010%02d.dcm", n)));
        }
        return files;
    }

    /** A copy with 8-bit pixels (the top 8 of 12 bits), as JPEG baseline needs. */
    private static Path eightBitCopy(Path source, Path target) throws Exception {
        AttributeList list = new AttributeList();
        list.read(source.toFile());
        short[] words = list.get(TagFromName.PixelData).getShortValues();
        byte[] bytes = new byte[words.length];
        for (int i = 0; i < words.length; i++) {
            bytes[i] = (byte) ((words[i] & 0xfff) >> 4);
        }
        OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
        pixels.setValues(bytes);
        list.put(pixels);
        list.get(TagFromName.BitsAllocated).setValue(8);
        list.get(TagFromName.BitsStored).setValue(8);
        list.get(TagFromName.HighBit).setValue(7);
        list.get(TagFromName.SOPInstanceUID).setValue(Uids.fresh());
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return target;
    }

    private static void assertSameVolume(Volume expected, Volume actual, String what) {
        assertArrayEquals(expected.geometry().size(), actual.geometry().size(), what);
        assertArrayEquals(expected.geometry().spacing(), actual.geometry().spacing(), 1e-9, what);
        assertArrayEquals(expected.geometry().origin(), actual.geometry().origin(), 1e-9, what);
        assertArrayEquals(expected.geometry().sliceDirection(), actual.geometry().sliceDirection(), 1e-9, what);
        for (int k = 0; k < expected.geometry().depth(); k++) {
            assertArrayEquals(expected.slice(k), actual.slice(k), what + ", slice " + k);
        }
    }
}
