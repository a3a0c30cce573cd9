package org.pointlearn.dicom.pacs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.RetrieveMethod;
import org.pointlearn.dicom.api.RetrieveResult;
import org.pointlearn.dicom.api.SegmentDescription;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.impl.LocalStudyIndex;
import org.pointlearn.dicom.impl.SegmentationFiles;
import org.pointlearn.dicom.SharedData;

/** Faults with a real Orthanc: killed mid-retrieve then retried; senders the store SCP must refuse; what the log may say. */
class PacsFaultTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");
    private static final String EPI_STUDY = "1.3.12.2.1107.5.2.43.166227.30000024101507230098900000003";
    private static final String OUR_AE = "POINTLEARN";

    @TempDir
    Path dir;
    private OrthancServer orthanc;
    private int storePort;

    @BeforeEach
    void startOrthanc() throws Exception {
        assumeTrue(OrthancServer.installed(), "Orthanc is not installed (Debian packages orthanc, orthanc-dicomweb)");
        storePort = OrthancServer.freePort();
        orthanc = new OrthancServer(Files.createDirectories(dir.resolve("orthanc")), Map.of(OUR_AE, storePort));
        orthanc.start();
        try (var files = Files.list(EPI)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                orthanc.upload(f);
            }
        }
    }

    @AfterEach
    void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void orthancKilledMidRetrieveLeavesAnIncompleteSeriesThatARetryCompletes() throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"));
        WorkstationPacsService pacs = service(index);
        PacsNode node = node(RetrieveMethod.C_GET);

        RetrieveResult partial = pacs.retrieve(node, EPI_STUDY, "", new KillAfter(10));
        SeriesRef afterCrash = index.studies().get(0).series().get(0);
        orthanc.start();
        RetrieveResult retry = pacs.retrieve(node, EPI_STUDY, "", ImportMonitor.SILENT);
        SeriesRef afterRetry = index.studies().get(0).series().get(0);

        assertFalse(partial.complete(), partial.toString());
        assertTrue(partial.received() >= 10 && partial.received() < 63, partial.toString());
        assertTrue(partial.problem().contains("ORTHANC"), partial.problem());
        assertTrue(afterCrash.incomplete(), "the browser shows the series as incomplete");
        assertEquals(partial.received(), afterCrash.images());
        assertTrue(retry.complete(), retry.toString());
        assertEquals(63 - partial.received(), retry.imported().imported());
        assertEquals(partial.received(), retry.imported().duplicates());
        assertFalse(afterRetry.incomplete());
        assertEquals(63, afterRetry.images());
    }

    @Test
    void theStoreScpRefusesUnknownAesAndAcceptsAnyTransferSyntaxFromConfiguredOnes() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/storescu")), "dcmtk (storescu) is not installed");
        Path kept = Files.createDirectories(dir.resolve("kept"));
        ReceivedFiles received = new ReceivedFiles(kept, ImportMonitor.SILENT);
        try (StoreScp scp = new StoreScp(storePort, OUR_AE, () -> Set.of("ORTHANC"), dir.resolve("incoming"))) {
            scp.start();
            scp.receiveInto(received);
            Path syntaxes = SharedData.path("dicom/transfer-syntaxes");

            String refused = storescu("INTRUDER", "-xe", syntaxes.resolve("1.dcm"));
            assertTrue(refused.contains("Association Rejected") && refused.contains("Calling AE Title Not Recognized"),
                    "the intruder's association is refused before it sends anything: " + refused);
            String said = storescu("ORTHANC", "-xt", syntaxes.resolve("7.dcm"))
                    + storescu("ORTHANC", "-xv", syntaxes.resolve("9.dcm"));
            assertEquals(2, received.count(), "JPEG-LS and JPEG 2000 from ORTHANC: " + said);
        }

        try (var files = Files.list(dir.resolve("incoming"))) {
            assertEquals(0, files.count(), "nothing left behind in the incoming folder");
        }
    }

    @Test
    void anExportedSegIsStoredOnThePacsNextToItsSeries() throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"));
        index.importFrom(EPI, ImportMonitor.SILENT);
        SeriesRef series = index.studies().get(0).series().get(0);
        byte[][] mask = new byte[63][86 * 86];
        mask[30][86 * 43 + 43] = 1;
        Path seg = dir.resolve("seg.dcm");
        new SegmentationFiles(index).exportSeg(series, mask, SegmentDescription.lesion("lesion", "v1"), seg);
        WorkstationPacsService pacs = service(index);

        pacs.store(node(RetrieveMethod.C_GET), seg);

        List<String> modalities = pacs.findSeries(node(RetrieveMethod.C_GET), EPI_STUDY).stream()
                .map(SeriesMatch::modality).sorted().toList();
        assertEquals(List.of("MR", "SEG"), modalities);
    }

    @Test
    void theLogAtInfoNamesNoPatient() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(new SimpleFormatter().formatMessage(r) + " " + (r.getThrown() == null ? "" : r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.INFO);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"));
            index.importFrom(EPI, ImportMonitor.SILENT);
            WorkstationPacsService pacs = service(new LocalStudyIndex(dir.resolve("index2")));
            try {
                pacs.retrieve(node(RetrieveMethod.C_MOVE), EPI_STUDY, "", ImportMonitor.SILENT);
            } finally {
                pacs.shutdown();
            }
        } finally {
            root.removeHandler(capture);
        }

        assertFalse(lines.isEmpty());
        for (String line : lines) {
            assertFalse(line.contains("Funstar") || line.contains("dcm2niix interoperability"), line);
        }
    }

    /** Sends a file with dcmtk, proposing its transfer syntax first ({@code syntax}, e.g. -xt); returns what storescu said. */
    private String storescu(String callingAe, String syntax, Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/storescu", syntax, "-aet", callingAe, "-aec", OUR_AE, "127.0.0.1",
                Integer.toString(storePort), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return out;
    }

    private WorkstationPacsService service(LocalStudyIndex index) {
        return new WorkstationPacsService(index, new PacsSettings(OUR_AE, storePort, Duration.ofSeconds(20),
                () -> Set.of(OrthancServer.AE_TITLE)));
    }

    private PacsNode node(RetrieveMethod method) {
        return new PacsNode("ORTHANC", OrthancServer.AE_TITLE, "127.0.0.1", orthanc.dicomPort(), OUR_AE, method,
                orthanc.dicomWebUrl());
    }

    /** Kills Orthanc once a number of images arrived. */
    private final class KillAfter implements ImportMonitor {

        private final int images;
        private boolean killed;

        KillAfter(int images) {
            this.images = images;
        }

        @Override
        public void progressed(int done, String current) {
            if (done >= images && !killed) {
                killed = true;
                try {
                    orthanc.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
