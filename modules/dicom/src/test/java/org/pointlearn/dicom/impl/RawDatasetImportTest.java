package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.SharedData;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportFailure;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.Volume;

/**
 * Old archives hold DICOM data sets without the Part-10 header (no preamble, no "DICM", no file
 * meta information): they are read like dcmtk and PixelMed read them, when they parse and carry
 * their identifying UIDs; real garbage is still refused, with a reason.
 */
class RawDatasetImportTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");

    /** dcmtk's dcmconv writes the data set alone (-F) in the given transfer syntax. */
    private static Path raw(Path source, String syntax, Path target) throws Exception {
        DcmtkReference.run("/usr/bin/dcmconv", "-F", syntax, source.toString(), target.toString());
        byte[] start = Files.readAllBytes(target);
        assertFalse(new String(start, 128, 4, StandardCharsets.US_ASCII).equals("DICM"), "no Part-10 header");
        return target;
    }

    @Test
    void implicitAndExplicitLittleEndianDataSetsImportAndOpenLikeTheirOriginals(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk is not installed");
        for (String syntax : List.of("+ti", "+te")) {
            Path folder = Files.createDirectories(dir.resolve("archive" + syntax));
            List<Path> originals = new ArrayList<>();
            for (int n = 1; n <= 4; n++) {
                Path original = EPI.resolve(String.format("50010%02d.dcm", n));
                originals.add(original);
                raw(original, syntax, folder.resolve("IM" + n));
            }
            Files.writeString(folder.resolve("README"), "scanned on the old archive\n");
            byte[] noise = new byte[4096];
            new java.util.Random(3).nextBytes(noise);
            Files.write(folder.resolve("NOISE"), noise);

            LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index" + syntax), Colin27.TEMPLATE);
            ImportResult result = index.importFrom(folder, ImportMonitor.SILENT);

            assertEquals(4, result.imported(), result.summary() + " " + result.failed());
            Map<String, String> failures = new TreeMap<>();
            for (ImportFailure f : result.failed()) {
                failures.put(Path.of(f.source()).getFileName().toString(), f.reason());
            }
            assertEquals(List.of("NOISE", "README"), List.copyOf(failures.keySet()), failures.toString());
            failures.values().forEach(reason -> assertTrue(reason.startsWith("not a DICOM file"), reason));
            SeriesRef series = LocalStudyIndexTest.onlySeries(index);
            Volume loaded = index.loadSeries(series);
            Volume expected = SeriesLoader.load(originals);
            assertEquals(4, loaded.geometry().depth(), syntax);
            for (int z = 0; z < 4; z++) {
                assertArrayEquals(expected.slice(z), loaded.slice(z), syntax + " slice " + z);
            }
        }
    }

    @Test
    void aDataSetWithoutItsUidsIsRefusedByName(@TempDir Path dir) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk is not installed");
        Path file = raw(EPI.resolve("5001001.dcm"), "+ti", dir.resolve("IM1"));
        DcmtkReference.run("/usr/bin/dcmodify", "-nb", "-ea", "(0008,0018)", file.toString());
        DicomException e = assertThrows(DicomException.class, () -> HeaderReader.read(file));
        assertEquals("has no SOPInstanceUID", e.getMessage());
    }

    @Test
    void textThatHappensToStartWithGroupEightIsNotTakenForADataSet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("odd");
        byte[] bytes = new byte[600];
        bytes[0] = 0x08; // (0008, ....) little endian, then nonsense
        for (int i = 4; i < bytes.length; i++) {
            bytes[i] = (byte) 'x';
        }
        Files.write(file, bytes);
        DicomException e = assertThrows(DicomException.class, () -> HeaderReader.read(file));
        assertTrue(e.getMessage().startsWith("not a DICOM file"), e.getMessage());
    }
}
