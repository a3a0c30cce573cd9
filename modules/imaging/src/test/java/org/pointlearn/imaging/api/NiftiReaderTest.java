package org.pointlearn.imaging.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiReaderTest {

    /** Colin27 from Debian's mricron-data, installed by scripts/setup. */
    static final Path COLIN = Path.of("/usr/share/mricron/templates/ch2.nii.gz");

    @Test
    void readsColin27WithItsPatientGeometry() throws IOException {
        Volume v = NiftiReader.read(COLIN);
        VolumeGeometry g = v.geometry();
        assertArrayEquals(new int[] {181, 217, 181}, g.size());
        assertArrayEquals(new double[] {1, 1, 1}, g.spacing(), 1e-6);
        // sform: voxel (0,0,0) at RAS (-90,-125,-71) = LPS (90,125,-71)
        assertArrayEquals(new double[] {90, 125, -71}, g.origin(), 1e-4);
        assertArrayEquals(new double[] {-1, 0, 0}, g.rowDirection(), 1e-6);
        float[] range = v.range();
        assertEquals(0, range[0], 1e-6);
        assertTrue(range[1] > 100, "a T1 brain has bright white matter");
    }

    @Test
    void refusesAFileThatIsNotNifti(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("notes.nii");
        Files.writeString(bad, "x".repeat(400));
        IOException e = assertThrows(IOException.class, () -> NiftiReader.read(bad));
        assertTrue(e.getMessage().contains("not a NIfTI-1 file"), e.getMessage());
    }

    @Test
    void refusesATruncatedFile(@TempDir Path dir) throws IOException {
        byte[] all = new java.util.zip.GZIPInputStream(Files.newInputStream(COLIN)).readNBytes(100_000);
        Path cut = dir.resolve("cut.nii");
        Files.write(cut, all);
        IOException e = assertThrows(IOException.class, () -> NiftiReader.read(cut));
        assertTrue(e.getMessage().contains("ends before all voxels"), e.getMessage());
    }
}
