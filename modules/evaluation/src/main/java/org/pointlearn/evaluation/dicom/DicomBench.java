package org.pointlearn.evaluation.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.RetrieveMethod;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.impl.LocalStudyIndex;
import org.pointlearn.dicom.pacs.PacsSettings;
import org.pointlearn.dicom.pacs.WorkstationPacsService;

/**
 * The dicom module's benchmark rows (medians), each next to dcmtk doing the same in the same
 * run: import rate vs dcmdump reading the files, opening a series to its first slice and to
 * the full volume, and (with a PACS) C-MOVE retrieval vs dcmtk's movescu. Run by
 * {@code scripts/dicom-bench}, which starts the Orthanc it needs.
 */
public final class DicomBench {

    private static final int RUNS = 3;
    private static final Logger QUIET = Logger.getLogger("");

    private DicomBench() {
    }

    /**
     * Arguments: {@code <series folder> <corpus folder> [<orthanc port> <study uid> <store port> <dcmtk port>]}.
     */
    public static void main(String[] args) throws Exception {
        QUIET.setLevel(Level.WARNING);
        Path series = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        System.out.println("| row | Pointlearn | dcmtk | ratio |");
        System.out.println("|---|---|---|---|");
        importRow("import " + series.getFileName(), series);
        importRow("import " + corpus.getFileName(), corpus);
        openRows(series);
        if (args.length >= 6) {
            moveRow(Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        }
    }

    private static void importRow(String name, Path folder) throws Exception {
        List<Path> files = files(folder);
        double ours = median(() -> {
            Path db = Files.createTempDirectory("bench-index");
            long t = System.nanoTime();
            new LocalStudyIndex(db).importFrom(folder, ImportMonitor.SILENT);
            return seconds(t);
        });
        List<String> dump = new ArrayList<>(List.of("/usr/bin/dcmdump", "-q", "-M"));
        files.forEach(f -> dump.add(f.toString()));
        double reference = median(() -> run(dump));
        row(name + " (files/s)", files.size() / ours, files.size() / reference);
    }

    private static void openRows(Path folder) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(Files.createTempDirectory("bench-open"));
        index.importFrom(folder, ImportMonitor.SILENT);
        SeriesRef ref = index.studies().get(0).series().get(0);
        double first = median(() -> timed(() -> index.loadFirstSlice(ref)));
        double all = median(() -> timed(() -> index.loadSeries(ref)));
        System.out.printf(Locale.ROOT, "| open %d-image series: first slice / full volume (ms) | %.0f / %.0f | | |%n",
                ref.images(), first * 1000, all * 1000);
    }

    private static void moveRow(int orthancPort, String study, int storePort, int dcmtkPort) throws Exception {
        PacsNode node = new PacsNode("ORTHANC", "ORTHANC", "127.0.0.1", orthancPort, "POINTLEARN",
                RetrieveMethod.C_MOVE, "");
        int[] images = new int[1];
        LocalStudyIndex index = new LocalStudyIndex(Files.createTempDirectory("bench-move"));
        WorkstationPacsService pacs = new WorkstationPacsService(index,
                new PacsSettings("POINTLEARN", storePort, Duration.ofMinutes(5), () -> Set.of("ORTHANC")));
        double ours;
        try {
            ours = median(() -> {
                long t = System.nanoTime();
                images[0] = pacs.retrieve(node, study, "", ImportMonitor.SILENT).received();
                double s = seconds(t);
                index.deleteStudy(study);
                return s;
            });
        } finally {
            pacs.shutdown();
        }
        double reference = median(() -> {
            Path out = Files.createTempDirectory("bench-movescu");
            return run(List.of("/usr/bin/movescu", "-S", "-aet", "DCMTK", "-aec", "ORTHANC", "-aem", "DCMTK",
                    "+P", Integer.toString(dcmtkPort), "-od", out.toString(), "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID=" + study, "127.0.0.1", Integer.toString(orthancPort)));
        });
        row("C-MOVE retrieve (images/s)", images[0] / ours, images[0] / reference);
    }

    private static void row(String name, double ours, double dcmtk) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", name, ours, dcmtk, ours / dcmtk);
    }

    private static double timed(Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        return seconds(t);
    }

    private static double run(List<String> command) throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit code " + p.exitValue());
        }
        return seconds(t);
    }

    private static double median(Measurement m) throws Exception {
        double[] values = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            values[i] = m.seconds();
        }
        Arrays.sort(values);
        return values[RUNS / 2];
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    /** One timed run. */
    private interface Measurement {
        double seconds() throws Exception;
    }

    /** One step to time. */
    private interface Step {
        Object run() throws DicomException;
    }
}
