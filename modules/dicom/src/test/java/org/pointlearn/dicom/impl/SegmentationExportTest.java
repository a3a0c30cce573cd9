package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportMonitor;
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
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);
        index.importFolder(EPI);
        SeriesRef series = LocalStudyIndexTest.onlySeries(index);
        Volume epi = index.loadSeries(series);
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

    @Test
    void niftiKeepsTheSeriesGeometryAndTheMask(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);
        index.importFolder(EPI);
        SeriesRef series = LocalStudyIndexTest.onlySeries(index);
        Volume epi = index.loadSeries(series);
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

    /** Frame by frame: the frame at a slice's position holds that slice's mask and references its image. */
    private static void assertFramesMatchTheMask(AttributeList seg, VolumeGeometry g, byte[][] mask) throws Exception {
        SequenceAttribute frames = (SequenceAttribute) seg.get(TagFromName.PerFrameFunctionalGroupsSequence);
        byte[] packed = seg.get(TagFromName.PixelData).getByteValues();
        int pixels = g.width() * g.height();
        assertEquals(mask.length, frames.getNumberOfItems());
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
