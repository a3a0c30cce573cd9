package org.pointlearn.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.evaluation.report.EvaluationReport;
import org.pointlearn.evaluation.report.ForgettingCsv;
import org.pointlearn.evaluation.report.SummaryCsv;

/**
 * The evaluation command end to end with the shipped brain model on a few real slices: several
 * image orders, a policy known by two names, and the forgetting check on the source domain.
 */
class EvaluateCommandTest {

    private static final Path BRAIN = Path.of(System.getProperty("user.dir"), "..", "..", "models", "brain-mri");

    @TempDir
    Path folder;

    /** A dataset folder of the given images of a shared domain (copies in the temporary folder). */
    private Path subset(String domain, List<String> ids) throws Exception {
        return SharedData.subset(domain, ids, folder);
    }

    @Test
    void ordersAliasesAndTheForgettingCheckEndUpInTheReport() throws Exception {
        Path target = subset("brain-ms-flair", List.of("105006", "105008", "106014"));
        Path source = subset("brain-mets-t2w", List.of("BraTS-MET-00232-000_1051", "BraTS-MET-00232-000_1081"));
        Path out = folder.resolve("report");
        EvaluateCommand.main(new String[] {"--data", target.toString(), "--model", BRAIN.toString(),
            "--policy", "frozen,post,post-nogauss,post+mid,method", "--set", "postSteps=2,midSteps=1",
            "--orders", "2", "--source", source.toString(), "--out", out.toString()});

        List<String> summary = Files.readAllLines(out.resolve(EvaluationReport.SUMMARY));
        assertEquals(SummaryCsv.HEADER, summary.get(0));
        assertEquals(6, summary.size(), "one row per policy, orders averaged: " + summary);
        assertEquals(summary.get(4).substring(summary.get(4).indexOf(",3,")),
                summary.get(5).substring(summary.get(5).indexOf(",3,")), "post+mid is the method: the same numbers");
        assertTrue(summary.get(2).startsWith("brain-ms-flair,post,3,"), summary.get(2));

        List<String> perImage = Files.readAllLines(out.resolve(EvaluationReport.PER_IMAGE));
        assertEquals(1 + 5 * 2 * 3, perImage.size(), "5 policies x 2 orders x 3 images");
        assertEquals(Stream.of("0", "1").toList(),
                perImage.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct().sorted().toList());
        assertTrue(Files.size(out.resolve(EvaluationReport.LEARNING_CURVE)) > 1000);

        List<String> forgetting = Files.readAllLines(out.resolve(EvaluationReport.FORGETTING));
        assertEquals(ForgettingCsv.HEADER, forgetting.get(0));
        assertEquals(5, forgetting.size(), "the adaptive policies under every name, not frozen: " + forgetting);
        assertEquals(forgetting.get(3).substring(forgetting.get(3).indexOf(",2,")),
                forgetting.get(4).substring(forgetting.get(4).indexOf(",2,")));
        String[] post = forgetting.get(1).split(",");
        assertEquals(List.of("brain-mets-t2w", "post", "2"), List.of(post).subList(0, 3));
        double before = Double.parseDouble(post[7]);
        double after = Double.parseDouble(post[8]);
        assertTrue(before > 0.5, "the shipped model segments its own validation slices: Dice@5 " + before);
        assertEquals(before - after, Double.parseDouble(post[11]), 1e-3);
    }

    /**
     * A long evaluation stopped part-way goes on where it stopped: with --resume the finished
     * policies and orders are read back, the rest is run, and the report is the very report of a
     * run that went through (every number, the forgetting check too); other arguments are refused
     * rather than mixed in; without --resume the kept parts are dropped and all is run again.
     */
    @Test
    void aStoppedEvaluationGoesOnWhereItStoppedWithTheSameNumbers() throws Exception {
        Path target = subset("brain-ms-flair", List.of("105006", "106014"));
        Path source = subset("brain-mets-t2w", List.of("BraTS-MET-00232-000_1051"));
        Path whole = folder.resolve("whole");
        Path resumed = folder.resolve("resumed");
        List<String> args = List.of("--data", target.toString(), "--model", BRAIN.toString(), "--policy",
                "frozen,post,mid", "--set", "postSteps=2,midSteps=1", "--orders", "2", "--source", source.toString());
        java.util.function.BiFunction<Path, List<String>, String[]> with = (out, more) -> Stream
                .of(args, List.of("--out", out.toString()), more).flatMap(List::stream).toArray(String[]::new);
        EvaluateCommand.main(with.apply(whole, List.of()));

        // the same run stopped during post's second order: that part and the report were never written
        Path parts = resumed.resolve(org.pointlearn.evaluation.report.RunParts.FOLDER);
        Files.createDirectories(parts);
        try (Stream<Path> kept = Files.list(whole.resolve(org.pointlearn.evaluation.report.RunParts.FOLDER))) {
            for (Path f : kept.toList()) {
                Files.copy(f, parts.resolve(f.getFileName().toString()));
            }
        }
        Files.delete(parts.resolve("post-order1.txt"));
        String printed = printed(() -> EvaluateCommand.main(with.apply(resumed, List.of("--resume", "true"))));
        assertEquals(5, printed.lines().filter(l -> l.contains("kept from the stopped run")).count(),
                "frozen's and mid's two orders and post's first were read back: " + printed);
        assertTrue(printed.contains("brain-ms-flair post order 1 ("), "post's second order ran: " + printed);
        for (String report : List.of(EvaluationReport.SUMMARY, EvaluationReport.PER_IMAGE, EvaluationReport.FORGETTING)) {
            assertEquals(Files.readAllLines(whole.resolve(report)), Files.readAllLines(resumed.resolve(report)), report);
        }

        Exception e = assertThrows(java.io.IOException.class, () -> EvaluateCommand.main(with.apply(resumed,
                List.of("--resume", "true", "--set", "postSteps=1,midSteps=1"))));
        assertTrue(e.getMessage().contains("other arguments") && e.getMessage().contains(parts.toString()), e.getMessage());

        String again = printed(() -> EvaluateCommand.main(with.apply(resumed, List.of("--policy", "frozen"))));
        assertTrue(!again.contains("kept from the stopped run") && !Files.exists(parts.resolve("post-order0.txt")),
                "without --resume nothing is kept: " + again);

        // a run that stops during post still reports frozen, which it finished, and mid, which it kept
        Path stopped = folder.resolve("stopped");
        Path stoppedParts = stopped.resolve(org.pointlearn.evaluation.report.RunParts.FOLDER);
        Files.createDirectories(stoppedParts);
        try (Stream<Path> kept = Files.list(whole.resolve(org.pointlearn.evaluation.report.RunParts.FOLDER))) {
            for (Path f : kept.toList()) {
                Files.copy(f, stoppedParts.resolve(f.getFileName().toString()));
            }
        }
        // post measured again (its first order gone) and stopped in its second (an unreadable part)
        Files.delete(stoppedParts.resolve("post-order0.txt"));
        Files.writeString(stoppedParts.resolve("post-order1.txt"), "run\tbroken\n");
        assertThrows(java.io.IOException.class, () -> EvaluateCommand.main(with.apply(stopped, List.of("--resume", "true"))));
        for (String report : List.of(EvaluationReport.SUMMARY, EvaluationReport.FORGETTING)) {
            List<String> wholeReport = Files.readAllLines(whole.resolve(report));
            assertEquals(wholeReport.stream().filter(l -> !l.contains(",post,")).toList(),
                    Files.readAllLines(stopped.resolve(report)),
                    report + " of the stopped run: frozen, which it finished, and mid, whose every order it kept"
                    + " (post is being measured again, as REDO=<run>:post does), as in the whole run: " + wholeReport);
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    /** What the command prints on standard output. */
    private static String printed(Run command) throws Exception {
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            command.run();
        } finally {
            System.setOut(before);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A model trained on several domains is checked for forgetting on all of them: the row is the
     * mean of the domains (each counts once), the same as the single-domain checks averaged.
     */
    @Test
    void aGeneralModelIsCheckedForForgettingOnEverySourceDomain() throws Exception {
        Path general = BRAIN.resolveSibling("mri-general");
        Path target = subset("brain-ms-t1", List.of("105003", "113012"));
        Path mets = subset("brain-mets-t2w", List.of("BraTS-MET-00232-000_1051", "BraTS-MET-00232-000_1081"));
        Path kidney = subset("train-mri/kidney-t2", List.of("123000_1", "102000_5"));
        double[] single = new double[2];
        String[] row = null;
        for (int run = 0; run < 3; run++) {
            String source = run == 0 ? mets.toString() : run == 1 ? kidney.toString() : mets + "," + kidney;
            Path out = folder.resolve("report" + run);
            EvaluateCommand.main(new String[] {"--data", target.toString(), "--model", general.toString(),
                "--policy", "post", "--set", "postSteps=1", "--source", source, "--out", out.toString()});
            row = Files.readAllLines(out.resolve(EvaluationReport.FORGETTING)).get(1).split(",");
            if (run < 2) {
                single[run] = Double.parseDouble(row[7]);
            }
        }
        assertEquals(List.of("2 domains", "post", "3"), List.of(row).subList(0, 3),
                "two validation slices of the metastases and one of the kidneys (102000_5 is a training slice)");
        assertEquals((single[0] + single[1]) / 2, Double.parseDouble(row[7]), 1e-4,
                "before: the mean of the domains' Dice@5, not of the three slices");
        assertTrue(single[0] > 0.5 && single[1] > 0.5, "the shipped model segments its own validation slices: "
                + single[0] + ", " + single[1]);

        Path trainingOnly = subset("train-mri/spine-spider-t2", List.of());
        Exception e = assertThrows(java.io.IOException.class, () -> EvaluateCommand.main(new String[] {
            "--data", target.toString(), "--model", general.toString(), "--policy", "post",
            "--source", mets + "," + trainingOnly, "--out", folder.resolve("refused").toString()}));
        assertTrue(e.getMessage().contains("none of the images of") && e.getMessage().contains("spine-spider-t2"),
                e.getMessage());
    }

    /**
     * A grey MRI slice saved as an RGB picture (three equal channels), as some converters write them,
     * is segmented exactly as the grey file is; a colour picture is given to the grey model as its
     * luminance instead of stopping the run.
     */
    @Test
    void aGreySliceStoredAsRgbGivesTheSameNumbersAsTheGreyFile() throws Exception {
        Path grey = subset("brain-ms-flair", List.of("105006"));
        Path rgb = folder.resolve("rgb");
        BufferedImage slice = ImageIO.read(grey.resolve("images/105006.png").toFile());
        BufferedImage asRgb = new BufferedImage(slice.getWidth(), slice.getHeight(),
                BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage tinted = new BufferedImage(slice.getWidth(), slice.getHeight(),
                BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < slice.getHeight(); y++) {
            for (int x = 0; x < slice.getWidth(); x++) {
                int v = slice.getRaster().getSample(x, y, 0);
                asRgb.setRGB(x, y, v << 16 | v << 8 | v);
                tinted.setRGB(x, y, v << 16 | (v * 3 / 4) << 8 | v / 2);
            }
        }
        Files.createDirectories(rgb.resolve("images"));
        ImageIO.write(asRgb, "png", rgb.resolve("images/105006.png").toFile());
        ImageIO.write(tinted, "png", rgb.resolve("images/tinted.png").toFile());
        Files.createDirectories(rgb.resolve("masks"));
        Files.copy(grey.resolve("masks/105006.png"), rgb.resolve("masks/105006.png"));
        Files.copy(grey.resolve("masks/105006.png"), rgb.resolve("masks/tinted.png"));

        for (Path data : List.of(grey, rgb)) {
            EvaluateCommand.main(new String[] {"--data", data.toString(), "--model", BRAIN.toString(), "--policy", "frozen",
                "--out", folder.resolve("report-" + data.getFileName()).toString()});
        }
        List<String> fromGrey = Files.readAllLines(folder.resolve("report-brain-ms-flair").resolve(EvaluationReport.PER_IMAGE));
        List<String> fromRgb = Files.readAllLines(folder.resolve("report-rgb").resolve(EvaluationReport.PER_IMAGE));
        assertEquals(3, fromRgb.size(), "both pictures were segmented: " + fromRgb);
        String greyCurve = fromGrey.get(1).substring(fromGrey.get(1).indexOf(",105006,"));
        assertEquals(greyCurve, fromRgb.get(1).substring(fromRgb.get(1).indexOf(",105006,")),
                "the RGB-stored slice gives the grey slice's Dice after every click");
        assertTrue(fromRgb.get(2).contains(",tinted,"), fromRgb.get(2));
    }

    @Test
    void settingsAreParsedByName() {
        assertEquals(Map.of("ccgLambda", "10", "midSteps", "1"), EvaluateCommand.settings("ccgLambda=10, midSteps=1"));
        assertEquals(Map.of(), EvaluateCommand.settings(""));
        assertThrows(IllegalArgumentException.class, () -> EvaluateCommand.settings("ccgLambda"));
    }
}
