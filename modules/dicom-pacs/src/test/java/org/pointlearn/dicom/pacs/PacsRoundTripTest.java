package org.pointlearn.dicom.pacs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.RetrieveMethod;
import org.pointlearn.dicom.api.RetrieveResult;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.StudyMatch;
import org.pointlearn.dicom.api.StudyQuery;
import org.pointlearn.dicom.impl.LocalStudyIndex;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.dicom.SharedData;

/**
 * Against a real Orthanc on loopback: connection test and its failures, queries, and
 * retrieval by C-GET, C-MOVE and WADO-RS compared with the original files.
 */
class PacsRoundTripTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");
    private static final String EPI_STUDY = "1.3.12.2.1107.5.2.43.166227.30000024101507230098900000003";
    private static final String OUR_AE = "POINTLEARN";

    @TempDir
    static Path shared;
    private static OrthancServer orthanc;
    private static int storePort;

    @BeforeAll
    static void startOrthanc() throws Exception {
        assumeTrue(OrthancServer.installed(), "Orthanc is not installed (Debian packages orthanc, orthanc-dicomweb)");
        storePort = OrthancServer.freePort();
        orthanc = new OrthancServer(Files.createDirectories(shared.resolve("orthanc")), Map.of(OUR_AE, storePort));
        orthanc.start();
        try (var files = Files.list(EPI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                orthanc.upload(f);
            }
        }
    }

    @AfterAll
    static void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void theConnectionTestPassesAndExplainsEachFailureInWords() throws Exception {
        WorkstationPacsService pacs = service(Files.createTempDirectory(shared, "echo"), Duration.ofSeconds(5));

        pacs.echo(node(RetrieveMethod.C_GET));

        assertFailure(pacs, nodeWith("ORTHANC", OUR_AE.replace("POINT", "OTHER"), orthanc.dicomPort()),
                PacsException.Reason.CALLING_AE_NOT_ALLOWED, "calling AE OTHERLEARN not allowed");
        assertFailure(pacs, nodeWith("WRONGAE", OUR_AE, orthanc.dicomPort()), PacsException.Reason.CALLED_AE_UNKNOWN,
                "does not answer to the AE title WRONGAE");
        assertFailure(pacs, nodeWith("ORTHANC", OUR_AE, OrthancServer.freePort()), PacsException.Reason.UNREACHABLE,
                "is unreachable");
    }

    @Test
    void aPeerThatAcceptsButNeverAnswersTimesOut() throws Exception {
        WorkstationPacsService pacs = service(Files.createTempDirectory(shared, "slow"), Duration.ofSeconds(1));
        try (var silent = new java.net.ServerSocket(0)) {
            long start = System.nanoTime();
            assertFailure(pacs, nodeWith("ORTHANC", OUR_AE, silent.getLocalPort()), PacsException.Reason.TIMEOUT,
                    "did not answer within 1 s");
            assertTrue((System.nanoTime() - start) / 1e9 < 3, "gave up near the deadline");
        }
    }

    @Test
    void studiesAndSeriesAreFoundWithFiltersByCFindAndQidoRs() throws Exception {
        WorkstationPacsService pacs = service(Files.createTempDirectory(shared, "find"), Duration.ofSeconds(10));
        for (RetrieveMethod method : List.of(RetrieveMethod.C_GET, RetrieveMethod.WADO_RS)) {
            PacsNode node = node(method);

            List<StudyMatch> mr = pacs.findStudies(node, new StudyQuery("dcm2niix*", "", "", "", "MR", ""));
            List<StudyMatch> none = pacs.findStudies(node, new StudyQuery("Nobody*", "", "", "", "", ""));
            List<StudyMatch> outOfRange = pacs.findStudies(node, new StudyQuery("", "", "19900101", "19901231", "",
                    ""));
            List<SeriesMatch> series = pacs.findSeries(node, EPI_STUDY);

            assertEquals(List.of(EPI_STUDY), mr.stream().map(StudyMatch::studyInstanceUid).toList(), method.name());
            assertEquals(63, mr.get(0).instances(), method.name());
            assertEquals(List.of(), none, method.name());
            assertEquals(List.of(), outOfRange, method.name());
            assertEquals(1, series.size(), method.name());
            assertEquals(63, series.get(0).instances(), method.name());
        }
    }

    @Test
    void cGetCMoveAndWadoRsBringTheSameImagesAsTheOriginals() throws Exception {
        for (RetrieveMethod method : RetrieveMethod.values()) {
            Path dir = Files.createTempDirectory(shared, method.name());
            WorkstationPacsService pacs = service(dir, Duration.ofSeconds(30));
            try {
                RetrieveResult result = pacs.retrieve(node(method), EPI_STUDY, "", ImportMonitor.SILENT);

                assertTrue(result.complete(), method + ": " + result);
                assertEquals(63, result.received(), method.name());
                assertEquals(63, result.imported().imported(), method.name());
                assertSameAsOriginal(index(dir), method.name());
            } finally {
                pacs.shutdown();
            }
        }
    }

    @Test
    void aCancelledRetrieveKeepsWhatArrivedAndMarksTheSeriesIncomplete() throws Exception {
        Path dir = Files.createTempDirectory(shared, "cancel");
        WorkstationPacsService pacs = service(dir, Duration.ofSeconds(30));
        ImportMonitor cancelAfterFive = new ImportMonitor() {
            private volatile int received;

            @Override
            public void progressed(int done, String current) {
                received = done;
            }

            @Override
            public boolean isCancelled() {
                return received >= 5;
            }
        };

        RetrieveResult result = pacs.retrieve(node(RetrieveMethod.C_GET), EPI_STUDY, "", cancelAfterFive);

        assertTrue(!result.complete() && result.problem().contains("cancelled"), result.toString());
        assertTrue(result.imported().imported() >= 5 && result.imported().imported() < 63, result.toString());
        assertTrue(index(dir).studies().get(0).series().get(0).incomplete());
    }

    @Test
    void anUnknownMoveDestinationIsExplained() throws Exception {
        Path dir = Files.createTempDirectory(shared, "unknown-destination");
        WorkstationPacsService pacs = new WorkstationPacsService(index(dir),
                new PacsSettings("STRANGER", OrthancServer.freePort(), Duration.ofSeconds(10), () -> Set.of("ORTHANC")));
        try {
            PacsException e = assertThrows(PacsException.class,
                    () -> pacs.retrieve(node(RetrieveMethod.C_MOVE), EPI_STUDY, "", ImportMonitor.SILENT));
            assertTrue(e.getMessage().contains("does not know the move destination STRANGER"), e.getMessage());
        } finally {
            pacs.shutdown();
        }
    }

    private static void assertSameAsOriginal(LocalStudyIndex index, String what) throws Exception {
        LocalStudyIndex reference = index(Files.createTempDirectory(shared, "reference"));
        reference.importFrom(EPI, ImportMonitor.SILENT);
        IndexedStudy retrieved = index.studies().get(0);
        IndexedStudy original = reference.studies().get(0);
        assertEquals(original.studyInstanceUid(), retrieved.studyInstanceUid(), what);
        assertEquals(original.series().get(0).seriesInstanceUid(), retrieved.series().get(0).seriesInstanceUid(), what);
        Volume a = reference.loadSeries(original.series().get(0));
        Volume b = index.loadSeries(retrieved.series().get(0));
        for (int k = 0; k < a.geometry().depth(); k++) {
            assertArrayEquals(a.slice(k), b.slice(k), what + " slice " + k);
        }
    }

    private static void assertFailure(WorkstationPacsService pacs, PacsNode node, PacsException.Reason reason,
            String words) {
        PacsException e = assertThrows(PacsException.class, () -> pacs.echo(node));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    static LocalStudyIndex index(Path dir) {
        return new LocalStudyIndex(dir);
    }

    private static WorkstationPacsService service(Path dir, Duration timeout) {
        return new WorkstationPacsService(index(dir), new PacsSettings(OUR_AE, storePort, timeout,
                () -> Set.of(OrthancServer.AE_TITLE)));
    }

    static PacsNode node(RetrieveMethod method) {
        return new PacsNode("ORTHANC", OrthancServer.AE_TITLE, "127.0.0.1", orthanc.dicomPort(), OUR_AE, method,
                orthanc.dicomWebUrl());
    }

    private static PacsNode nodeWith(String calledAe, String callingAe, int port) {
        return new PacsNode("TEST", calledAe, "127.0.0.1", port, callingAe, RetrieveMethod.C_GET, "");
    }
}
