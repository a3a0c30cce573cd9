package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.LoadedSegmentation;
import org.pointlearn.dicom.api.SegmentDescription;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.dicom.SharedData;

class SegmentationExportTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");
    private static final Path DCIODVFY = Path.of("/usr/bin/dciodvfy");

    @Test
    void aDicomSegPassesDciodvfyReimportsAndMapsBackOntoItsSlices(@TempDir Path dir) throws Exception {
        Epi e = Epi.in(dir.resolve("index"));
        LocalStudyIndex index = e.index();
        SeriesRef series = e.series();
        Volume epi = e.volume();
        byte[][] mask = brightVoxels(epi, 20, 40);
        Path seg = dir.resolve("out/lesion-seg.dcm");
        Files.createDirectories(seg.getParent());

        new SegmentationFiles(index).exportSeg(series, mask, SegmentDescription.lesion("MS lesion", "model-v7"), seg);

        if (Files.isExecutable(DCIODVFY)) {
            String report = run(DCIODVFY.toString(), seg.toString());
            assertTrue(report.lines().noneMatch(l -> l.startsWith("Error")), report);
        }
        AttributeList read = new AttributeList();
        read.read(seg.toFile());
        AttributeList segment = ((SequenceAttribute) read.get(TagFromName.SegmentSequence)).getItem(0).getAttributeList();
        assertEquals("SEMIAUTOMATIC", DicomItems.text(segment, TagFromName.SegmentAlgorithmType));
        assertEquals("MS lesion", DicomItems.text(segment, TagFromName.SegmentLabel));
        assertEquals("model-v7", DicomItems.text(read, TagFromName.SoftwareVersions));
        assertFramesMatchTheMask(read, epi.geometry(), mask);
        assertEquals(1, index.importFrom(seg, ImportMonitor.SILENT).imported(), "the SEG re-imports into the index");
    }

    /**
     * Export, re-import, read back: the same mask on every reviewed slice, an empty reviewed slice
     * stays a frame ("nothing there"), slices not reviewed have none; the SEG is found as a
     * segmentation of its series; without its series in the index it is refused in words.
     */
    @Test
    void ourSegRoundTripsOntoItsSeriesWithOnlyTheReviewedSlices(@TempDir Path dir) throws Exception {
        Epi e = Epi.in(dir.resolve("index"));
        LocalStudyIndex index = e.index();
        SeriesRef series = e.series();
        Volume epi = e.volume();
        byte[][] all = brightVoxels(epi, 20, 40);
        byte[][] mask = new byte[all.length][];
        for (int k = 18; k <= 30; k++) {
            mask[k] = all[k];   // 18 and 19 reviewed and empty, 20-30 with the lesion, the rest not reviewed
        }
        Path seg = dir.resolve("lesion-seg.dcm");
        new SegmentationFiles(index).exportSeg(series, mask, SegmentDescription.lesion("MS lesion", "model-v7"), seg);
        if (Files.isExecutable(DCIODVFY)) {
            String report = run(DCIODVFY.toString(), seg.toString());
            assertTrue(report.lines().noneMatch(l -> l.startsWith("Error")), "frames for some slices only: " + report);
        }
        index.importFrom(seg, ImportMonitor.SILENT);

        SegmentationReading segmentations = new SegmentationReading(index);
        List<SeriesRef> found = segmentations.of(series);
        assertEquals(1, found.size(), "the SEG is found as a segmentation of its series");
        LoadedSegmentation back = segmentations.read(found.get(0));
        assertEquals(series.seriesInstanceUid(), back.series().seriesInstanceUid());
        assertEquals(List.of("MS lesion"), back.segments());
        assertEquals(13, back.slices().size(), "one frame per reviewed slice");
        for (int k = 0; k < mask.length; k++) {
            if (mask[k] == null) {
                assertFalse(back.slices().containsKey(k), "slice " + k + " was not reviewed");
            } else {
                assertArrayEquals(mask[k], back.slices().get(k), "slice " + k);
            }
        }
        assertTrue(segmentations.of(found.get(0)).isEmpty(), "nothing segments the SEG itself");

        LocalStudyIndex alone = new LocalStudyIndex(dir.resolve("alone"), Colin27.TEMPLATE);
        alone.importFrom(seg, ImportMonitor.SILENT);
        SeriesRef orphan = alone.studies().get(0).series().get(0);
        DicomException refused = assertThrows(DicomException.class, () -> new SegmentationReading(alone).read(orphan));
        assertTrue(refused.getMessage().contains("is not in the study index"), refused.getMessage());
    }

    @Test
    void niftiKeepsTheSeriesGeometryAndTheMask(@TempDir Path dir) throws Exception {
        Epi e = Epi.in(dir.resolve("index"));
        LocalStudyIndex index = e.index();
        SeriesRef series = e.series();
        Volume epi = e.volume();
        byte[][] mask = brightVoxels(epi, 10, 50);
        Path nifti = dir.resolve("mask.nii.gz");

        new SegmentationFiles(index).exportNifti(series, mask, nifti);
        Volume back = NiftiReader.read(nifti);

        VolumeGeometry a = epi.geometry();
        VolumeGeometry b = back.geometry();
        assertArrayEquals(a.size(), b.size());
        assertArrayEquals(a.spacing(), b.spacing(), 1e-4);
        assertArrayEquals(a.origin(), b.origin(), 1e-3);
        assertArrayEquals(a.voxelToPatient(85, 85, 62), b.voxelToPatient(85, 85, 62), 1e-3, "the far corner");
        for (int k = 0; k < mask.length; k++) {
            for (int i = 0; i < mask[k].length; i++) {
                assertEquals(mask[k][i], back.slice(k)[i], "voxel " + i + " of slice " + k);
            }
        }
    }

    /**
     * A SEG as other tools write them: 8-bit fractional frames, two segments with their own
     * frames at the same positions: both drawn as one mask, both labels named. The same SEG with
     * its frames in another plane is refused in words.
     */
    @Test
    void aFractionalTwoSegmentSegFromAnotherToolOpensAndAReformattedOneIsRefused(@TempDir Path dir) throws Exception {
        Epi e = Epi.in(dir.resolve("index"));
        LocalStudyIndex index = e.index();
        SeriesRef series = e.series();
        Volume epi = e.volume();
        VolumeGeometry g = epi.geometry();
        int pixels = g.width() * g.height();
        byte[][] all = brightVoxels(epi, 20, 40);
        byte[][] mask = new byte[all.length][];
        for (int k = 20; k <= 24; k++) {
            mask[k] = all[k];
        }
        Path ours = dir.resolve("ours.dcm");
        new SegmentationFiles(index).exportSeg(series, mask, SegmentDescription.lesion("MS lesion", "v1"), ours);
        AttributeList seg = new AttributeList();
        seg.read(ours.toFile());
        int frames = 5;
        byte[] packed = seg.get(TagFromName.PixelData).getByteValues();
        byte[] bytes = new byte[2 * frames * pixels];
        SequenceAttribute perFrame = (SequenceAttribute) seg.get(TagFromName.PerFrameFunctionalGroupsSequence);
        SequenceAttribute both = new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
        for (int segment = 1; segment <= 2; segment++) {
            for (int f = 0; f < frames; f++) {
                byte[] m = unpack(packed, f, pixels);
                for (int i = 0; i < pixels; i++) {
                    boolean square = i % g.width() < 10 && i / g.width() < 10;
                    int value = segment == 1 ? m[i] * 255 : square ? 200 : 100;   // 100 is under half: outside
                    bytes[(segment - 1) * frames * pixels + f * pixels + i] = (byte) value;
                }
                AttributeList item = new AttributeList();
                item.putAll(perFrame.getItem(f).getAttributeList());
                AttributeList id = new AttributeList();
                DicomItems.put(id, TagFromName.ReferencedSegmentNumber, Integer.toString(segment));
                DicomItems.sequence(item, TagFromName.SegmentIdentificationSequence, id);
                both.addItem(item);
            }
        }
        seg.put(both);
        AttributeList shared = ((SequenceAttribute) seg.get(TagFromName.SharedFunctionalGroupsSequence)).getItem(0)
                .getAttributeList();
        shared.remove(TagFromName.SegmentIdentificationSequence);
        SequenceAttribute segments = (SequenceAttribute) seg.get(TagFromName.SegmentSequence);
        AttributeList oedema = new AttributeList();
        oedema.putAll(segments.getItem(0).getAttributeList());
        DicomItems.put(oedema, TagFromName.SegmentNumber, "2");
        DicomItems.put(oedema, TagFromName.SegmentLabel, "Oedema");
        segments.addItem(oedema);
        DicomItems.put(seg, TagFromName.BitsAllocated, "8");
        DicomItems.put(seg, TagFromName.BitsStored, "8");
        DicomItems.put(seg, TagFromName.HighBit, "7");
        DicomItems.put(seg, TagFromName.SegmentationType, "FRACTIONAL");
        DicomItems.put(seg, TagFromName.SegmentationFractionalType, "PROBABILITY");
        DicomItems.put(seg, TagFromName.MaximumFractionalValue, "255");
        DicomItems.put(seg, TagFromName.NumberOfFrames, Integer.toString(2 * frames));
        com.pixelmed.dicom.OtherByteAttribute data = new com.pixelmed.dicom.OtherByteAttribute(TagFromName.PixelData);
        data.setValues(bytes);
        seg.put(data);
        Path other = write(seg, dir.resolve("other-tool.dcm"));
        index.importFrom(other, ImportMonitor.SILENT);

        SegmentationReading reading = new SegmentationReading(index);
        LoadedSegmentation back = reading.read(reading.of(series).get(0));
        assertEquals(List.of("MS lesion", "Oedema"), back.segments());
        assertEquals(java.util.Set.of(20, 21, 22, 23, 24), back.slices().keySet());
        for (int i = 0; i < pixels; i++) {
            boolean square = i % g.width() < 10 && i / g.width() < 10;
            assertEquals(mask[22][i] != 0 || square ? 1 : 0, back.slices().get(22)[i], "voxel " + i + " of slice 22");
        }

        DicomItems.put(((SequenceAttribute) shared.get(TagFromName.PlaneOrientationSequence)).getItem(0).getAttributeList(),
                TagFromName.ImageOrientationPatient, java.util.stream.DoubleStream.concat(
                        java.util.Arrays.stream(g.sliceDirection()), java.util.Arrays.stream(g.rowDirection()))
                        .mapToObj(Double::toString).toArray(String[]::new));   // columns along the series' normal
        Path sideways = write(seg, dir.resolve("sideways.dcm"));
        LocalStudyIndex another = Epi.in(dir.resolve("another")).index();
        another.importFrom(sideways, ImportMonitor.SILENT);
        SeriesRef sidewaysRef = new SegmentationReading(another).of(series).get(0);
        DicomException refused = assertThrows(DicomException.class, () -> new SegmentationReading(another).read(sidewaysRef));
        assertTrue(refused.getMessage().contains("another plane"), refused.getMessage());
    }

    /** Writes a changed SEG as a new instance of a new series. */
    private static Path write(AttributeList seg, Path file) throws Exception {
        DicomItems.put(seg, TagFromName.SOPInstanceUID, Uids.fresh());
        DicomItems.put(seg, TagFromName.SeriesInstanceUID, Uids.fresh());
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(seg,
                com.pixelmed.dicom.TransferSyntax.ExplicitVRLittleEndian, "TEST");
        seg.write(file.toFile(), com.pixelmed.dicom.TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    /** The 63-slice EPI series imported into a new index. */
    private record Epi(LocalStudyIndex index, SeriesRef series, Volume volume) {

        static Epi in(Path folder) throws Exception {
            LocalStudyIndex index = new LocalStudyIndex(folder, Colin27.TEMPLATE);
            index.importFolder(EPI);
            SeriesRef series = LocalStudyIndexTest.onlySeries(index);
            return new Epi(index, series, index.loadSeries(series));
        }
    }

    /** Frame by frame: the frame at a slice's position holds that slice's mask and references its image. */
    private static void assertFramesMatchTheMask(AttributeList seg, VolumeGeometry g, byte[][] mask) throws Exception {
        SequenceAttribute frames = (SequenceAttribute) seg.get(TagFromName.PerFrameFunctionalGroupsSequence);
        byte[] packed = seg.get(TagFromName.PixelData).getByteValues();
        int pixels = g.width() * g.height();
        assertEquals(java.util.Arrays.stream(mask).filter(java.util.Objects::nonNull).count(), frames.getNumberOfItems());
        for (int f = 0; f < frames.getNumberOfItems(); f++) {
            AttributeList frame = frames.getItem(f).getAttributeList();
            AttributeList plane = ((SequenceAttribute) frame.get(TagFromName.PlanePositionSequence)).getItem(0)
                    .getAttributeList();
            double[] p = g.patientToVoxel(Attribute.getDoubleValues(plane, TagFromName.ImagePositionPatient));
            int k = (int) Math.round(p[2]);
            assertEquals(0, p[0], 1e-3);
            assertEquals(0, p[1], 1e-3);
            assertArrayEquals(mask[k], unpack(packed, f, pixels), "frame " + f + " = slice " + k);
        }
    }

    /** The mask of frame {@code frame} (0-based) of packed SEG bits. */
    private static byte[] unpack(byte[] packed, int frame, int pixelsPerFrame) {
        byte[] mask = new byte[pixelsPerFrame];
        long bit = (long) frame * pixelsPerFrame;
        for (int i = 0; i < pixelsPerFrame; i++, bit++) {
            mask[i] = (byte) ((packed[(int) (bit >>> 3)] >> (bit & 7)) & 1);
        }
        return mask;
    }

    private static byte[][] brightVoxels(Volume v, int fromSlice, int toSlice) {
        float threshold = v.range()[1] * 0.5f;
        byte[][] mask = new byte[v.geometry().depth()][];
        for (int k = 0; k < mask.length; k++) {
            float[] values = v.slice(k);
            mask[k] = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                mask[k][i] = (byte) (k >= fromSlice && k <= toSlice && values[i] > threshold ? 1 : 0);
            }
        }
        return mask;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "dciodvfy did not finish");
        return out;
    }
}
