package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.SharedData;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * A Siemens fMRI mosaic (35 slices of 64 x 64 tiled in a 384 x 384 image) opens as the volume it
 * holds, voxel for voxel and millimetre for millimetre what dcm2niix (the reference converter)
 * makes of it, in every encoding of the corpus that stores the mosaic's private elements.
 */
class MosaicTest {

    private static final Path FOLDER = SharedData.path("dicom/transfer-syntaxes");
    private static final Path DCM2NIIX = Path.of("/usr/bin/dcm2niix");

    @Test
    void theMosaicOpensAsItsThirtyFiveSlices() throws Exception {
        for (String name : new String[] {"1.dcm", "2.dcm", "3.dcm"}) {   // explicit, implicit, big-endian
            Volume v = SeriesLoader.load(List.of(FOLDER.resolve(name)));
            VolumeGeometry g = v.geometry();
            assertArrayEquals(new int[] {64, 64, 35}, g.size(), name);
            assertArrayEquals(new double[] {3.25, 3.25, 3.6}, g.spacing(), 1e-6, name);
        }
        AttributeList list = new AttributeList();
        list.read(FOLDER.resolve("1.dcm").toFile());
        double[] normal = Mosaic.sliceNormal(list);
        assertNotNull(normal, "SliceNormalVector read from the CSA header");
        double[] fromRows = SlicePlane.normal(new double[] {1, 0, 0}, new double[] {1e-16, 0.99415096409965, -0.1079993545339});
        assertTrue(Math.abs(SlicePlane.dot(normal, fromRows)) > 0.999, "the CSA normal is the slices' normal");
    }

    @Test
    void voxelForVoxelWhatDcm2niixMakesOfIt(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(DCM2NIIX), "dcm2niix is not installed (scripts/setup installs it)");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(FOLDER.resolve("1.dcm"), in.resolve("1.dcm"));
        Process p = new ProcessBuilder(DCM2NIIX.toString(), "-z", "n", "-f", "mosaic", "-o", dir.toString(), in.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "dcm2niix failed");
        Path nifti;
        try (Stream<Path> s = Files.list(dir)) {
            nifti = s.filter(f -> f.toString().endsWith(".nii")).findFirst().orElseThrow();
        }
        Volume reference = NiftiReader.read(nifti);
        Volume ours = SeriesLoader.load(List.of(in.resolve("1.dcm")));
        VolumeGeometry g = ours.geometry();
        assertArrayEquals(new int[] {64, 64, 35}, reference.geometry().size());
        double worst = 0;
        for (int k = 0; k < g.depth(); k++) {
            for (int j = 0; j < g.height(); j++) {
                for (int i = 0; i < g.width(); i++) {
                    double[] q = reference.geometry().patientToVoxel(g.voxelToPatient(i, j, k));
                    int a = (int) Math.round(q[0]);
                    int b = (int) Math.round(q[1]);
                    int c = (int) Math.round(q[2]);
                    assertTrue(a >= 0 && b >= 0 && c >= 0 && a < 64 && b < 64 && c < 35, "voxel " + i + "," + j + "," + k
                            + " lies outside dcm2niix's volume, at its " + a + "," + b + "," + c);
                    worst = Math.max(worst, Math.max(Math.abs(q[0] - a), Math.max(Math.abs(q[1] - b), Math.abs(q[2] - c))));
                    assertEquals(reference.value(a, b, c), ours.value(i, j, k), 0,
                            "voxel " + i + "," + j + "," + k + " (dcm2niix's " + a + "," + b + "," + c + ")");
                }
            }
        }
        assertTrue(worst < 0.02, "every voxel at dcm2niix's position for it (off by up to " + worst + " voxel)");
    }
}
