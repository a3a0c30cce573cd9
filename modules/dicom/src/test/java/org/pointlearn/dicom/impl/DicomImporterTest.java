package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportFailure;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.SharedData;

class DicomImporterTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");

    @Test
    void reportsEveryFileItCannotImportByNameAndImportsTheRest(@TempDir Path dir) throws Exception {
        Path incoming = Files.createDirectories(dir.resolve("incoming"));
        for (int n = 1; n <= 5; n++) {
            copy(EPI.resolve("500100" + n + ".dcm"), incoming.resolve("slice" + n + ".dcm"));
        }
        Files.writeString(incoming.resolve("notes.txt"), "scanned on Tuesday");
        cut(EPI.resolve("5001006.dcm"), incoming.resolve("cut-in-pixels.dcm"), 170_000);
        cut(EPI.resolve("5001007.dcm"), incoming.resolve("cut-in-header.dcm"), 2_000);
        cut(EPI.resolve("5001008.dcm"), incoming.resolve("cut-in-private-data.dcm"), 100_000);
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        ImportResult result = index.importFolder(incoming);

        assertEquals(5, result.imported());
        assertEquals(0, result.duplicates());
        Map<String, String> reasons = result.failed().stream()
                .collect(Collectors.toMap(f -> Path.of(f.source()).getFileName().toString(), ImportFailure::reason));
        assertEquals(4, reasons.size(), reasons.toString());
        assertTrue(reasons.get("notes.txt").startsWith("not a DICOM file"), reasons.toString());
        assertTrue(reasons.get("cut-in-pixels.dcm").startsWith("truncated"), reasons.toString());
        assertTrue(reasons.get("cut-in-header.dcm").startsWith("truncated"), reasons.toString());
        assertTrue(reasons.get("cut-in-private-data.dcm").startsWith("truncated"), reasons.toString());
        assertEquals(5, LocalStudyIndexTest.onlySeries(index).images());
    }

    @Test
    void importingTheSameImagesAgainCountsThemAsDuplicates(@TempDir Path dir) throws Exception {
        Path copies = Files.createDirectories(dir.resolve("copies"));
        copy(EPI.resolve("5001001.dcm"), copies.resolve("again.dcm"));
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);
        index.importFolder(EPI);

        ImportResult again = index.importFolder(EPI);
        ImportResult copy = index.importFolder(copies);

        assertEquals(0, again.imported());
        assertEquals(63, again.duplicates());
        assertEquals(List.of(EPI.resolve("SOURCE.md").toString()), again.failed().stream().map(ImportFailure::source).toList(),
                "only the licence note next to the images is not DICOM");
        assertEquals(new ImportResult(0, 1, List.of(), false), copy);
        assertEquals(63, LocalStudyIndexTest.onlySeries(index).images());
    }

    @Test
    void aDicomObjectThatIsNotAnImageIsReportedAsSuch(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("media"));
        Path dicomdir = folder.resolve("MEDIA.dcm");
        com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
        list.putNewAttribute(com.pixelmed.dicom.TagFromName.SOPClassUID)
                .addValue(com.pixelmed.dicom.SOPClass.MediaStorageDirectoryStorage);
        list.putNewAttribute(com.pixelmed.dicom.TagFromName.SOPInstanceUID).addValue(Uids.fresh());
        list.putNewAttribute(com.pixelmed.dicom.TagFromName.StudyInstanceUID).addValue(Uids.fresh());
        list.putNewAttribute(com.pixelmed.dicom.TagFromName.SeriesInstanceUID).addValue(Uids.fresh());
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list,
                com.pixelmed.dicom.TransferSyntax.ExplicitVRLittleEndian, "TEST");
        list.write(dicomdir.toFile(), com.pixelmed.dicom.TransferSyntax.ExplicitVRLittleEndian, true, true);
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"), Colin27.TEMPLATE);

        ImportResult result = index.importFolder(folder);

        assertEquals(0, result.imported());
        assertEquals(1, result.failed().size());
        assertTrue(result.failed().get(0).reason().startsWith("not an image"), result.failed().toString());
        assertTrue(index.studies().isEmpty());
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to);
    }

    private static void cut(Path from, Path to, int length) throws IOException {
        byte[] all = Files.readAllBytes(from);
        Files.write(to, Arrays.copyOf(all, length));
    }
}
