package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * The same seed gives the same training, step for step, in one JVM and in fresh ones: the
 * engine's generator is seeded with the rest, and no step reads memory it did not write.
 */
class TrainingDeterminismTest {

    @BeforeAll
    static void engine() throws Exception {
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
    }

    /** A tiny run: 2 epochs of 3 steps, batch 2 with click rounds. */
    static List<Double> run(Path out, long seed) throws Exception {
        String[] args = {"--data", SharedData.domain("brain-mets-t2w").toString(), "--out", out.toString(),
            "--size", "32", "--base", "16", "--levels", "3", "--epochs", "2", "--steps", "3",
            "--batch", "2", "--seed", Long.toString(seed)};
        BaseModelTrainer trainer = new BaseModelTrainer(TrainingOptions.parse(args), Device.cpu(),
                new PrintStream(new ByteArrayOutputStream(), true));
        trainer.run();
        return trainer.losses();
    }

    @Test
    void theSameSeedGivesTheSameLossesHereAndInFreshJvms(@TempDir Path dir) throws Exception {
        List<Double> first = run(dir.resolve("a"), 5);
        assertEquals(6, first.size());
        assertTrue(first.stream().allMatch(Double::isFinite), first.toString());
        assertEquals(first, run(dir.resolve("b"), 5), "a second run in the same JVM");
        List<Double> other = run(dir.resolve("c"), 6);
        assertTrue(!other.equals(first), "another seed trains differently: " + other);
        assertEquals(encode(first), child(dir.resolve("d")), "a fresh JVM");
        assertEquals(encode(first), child(dir.resolve("e")), "another fresh JVM");
    }

    /** Losses as exact hexadecimal doubles, one line. */
    static String encode(List<Double> losses) {
        return String.join(" ", losses.stream().map(Double::toHexString).toList());
    }

    private static String child(Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR"),
                "-Dpointlearn.data=" + System.getProperty("pointlearn.data")));
        String threads = System.getProperty("ai.djl.pytorch.num_threads");
        if (threads != null) {
            cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
        }
        cmd.add(Child.class.getName());
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child JVM finished");
        assertEquals(0, p.exitValue(), text);
        return text.lines().filter(l -> l.startsWith("losses ")).findFirst().orElse("(no losses) " + text)
                .substring("losses ".length());
    }

    /** The fresh JVM: one tiny run, its losses on standard output. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
            System.out.println("losses " + encode(run(Path.of(args[0]), 5)));
        }
    }
}
