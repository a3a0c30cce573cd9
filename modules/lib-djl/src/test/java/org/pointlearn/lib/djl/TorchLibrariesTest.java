package org.pointlearn.lib.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.pytorch.jni.LibUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's own PyTorch folder, exercised with the bundled CPU libraries linked into another
 * folder: the same code path a CUDA folder takes, up to the flavour.
 */
class TorchLibrariesTest {

    private static Path bundled;
    private static Path cache;

    @BeforeAll
    static void engine() throws Exception {
        cache = Path.of(System.getProperty("DJL_CACHE_DIR"));
        DjlRuntime.engine(cache);
        bundled = Path.of(LibUtils.getLibtorchPath());
    }

    @AfterEach
    void forget() {
        System.clearProperty(TorchLibraries.PROPERTY);
    }

    /** The bundled libraries, hard-linked (no 400 MB copy) into a folder of the user's, without DJL's own JNI library. */
    static Path ownFolder(Path dir) throws IOException {
        Path own = Files.createDirectories(dir.resolve("torch").resolve("lib"));
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().endsWith(".so") && !f.getFileName().toString().contains("djl_torch")
                        || f.getFileName().toString().contains(".so.")) {
                    Files.createLink(own.resolve(f.getFileName()), f);
                }
            }
        }
        return own;
    }

    @Test
    void aCopyOfTheCpuLibrariesIsAUsableCpuFolder(@TempDir Path dir) throws Exception {
        Path own = ownFolder(dir);
        TorchLibraries.Inspection look = TorchLibraries.inspect(own);
        assertTrue(look.usable(), look.problem());
        assertEquals("cpu", look.flavour());
        assertEquals("", look.version(), "the bundled folder names no version");
        Files.writeString(own.getParent().resolve("version.py"), "__version__ = '2.7.1+cpu'\n");
        assertEquals("2.7.1+cpu", TorchLibraries.inspect(own).version(), "a wheel's torch/version.py");
        TorchLibraries.Probe probe = TorchLibraries.probe(own, "cpu", cache, Duration.ofMinutes(3));
        assertTrue(probe.ok(), probe.report());
        assertTrue(probe.report().contains("(cpu) from " + own.toAbsolutePath()), probe.report());
        assertTrue(probe.report().contains("computed on cpu()"), probe.report());
    }

    @Test
    void theEngineStartsFromTheFolderTheSettingNames(@TempDir Path dir) throws Exception {
        Path own = ownFolder(dir);
        String out = child(List.of("-D" + TorchLibraries.PROPERTY + "=" + own));
        assertTrue(out.contains("libraries " + own.toAbsolutePath() + " cpu notice=''"), out);
        assertTrue(out.contains("libtorch " + own.toAbsolutePath()), out);
    }

    @Test
    void aFolderThatCannotBeUsedIsSaidInWordsAndTheBundledLibrariesRun(@TempDir Path dir) throws Exception {
        Path garbage = Files.createDirectories(dir.resolve("garbage"));
        Files.writeString(garbage.resolve("libtorch.so"), "not a library");
        Files.writeString(garbage.resolve("libc10.so"), "not a library");
        String out = child(List.of("-D" + TorchLibraries.PROPERTY + "=" + garbage));
        assertTrue(out.contains("libraries bundled cpu notice='own PyTorch libraries in " + garbage
                + " not used: the engine could not start from it ("), out);
        assertTrue(out.contains("running on the bundled CPU libraries'"), out);
        assertTrue(out.contains("libtorch " + bundled), "the bundled libraries run: " + out);
    }

    @Test
    void wrongVersionsAndOtherFoldersAreRefusedBeforeAnythingIsLoaded(@TempDir Path dir) throws Exception {
        assertTrue(TorchLibraries.inspect(dir.resolve("nowhere")).problem().contains("does not exist"));
        assertTrue(TorchLibraries.inspect(dir).problem().startsWith("it is not a PyTorch library folder"));
        Path own = ownFolder(dir);
        Files.writeString(own.getParent().resolve("build-version"), "2.6.0+cpu\n");
        assertEquals("it holds PyTorch 2.6.0+cpu, but this workstation's engine (DJL 0.36.0) runs PyTorch 2.7.1 only",
                TorchLibraries.inspect(own).problem());
        Files.writeString(own.getParent().resolve("build-version"), "2.7.1+cu121\n");
        assertTrue(TorchLibraries.inspect(own).problem().contains("built for CUDA 121"),
                TorchLibraries.inspect(own).problem());
    }

    @Test
    void librariesTheSystemCannotFindAreNamed(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ldd")), "ldd is not installed");
        Path lone = Files.createDirectories(dir.resolve("lone"));
        Files.createLink(lone.resolve("libtorch.so"), bundled.resolve("libtorch.so"));
        Files.createLink(lone.resolve("libc10.so"), bundled.resolve("libc10.so"));
        Files.createLink(lone.resolve("libtorch_cpu.so"), bundled.resolve("libtorch_cpu.so"));
        Path gomp;
        try (Stream<Path> files = Files.list(bundled)) {
            gomp = files.filter(f -> f.getFileName().toString().startsWith("libgomp")).findFirst().orElseThrow();
        }
        String problem = TorchLibraries.inspect(lone).problem();
        assertTrue(problem.startsWith("the system cannot find " + gomp.getFileName()), problem);
    }

    @Test
    void theDriverMustBeNewEnoughForCuda128(@TempDir Path dir) throws Exception {
        Path v = dir.resolve("version");
        assertTrue(TorchLibraries.driverProblem(v).startsWith("no NVIDIA driver is loaded"));
        Files.writeString(v, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.54.03  Tue Jun  6 22:20:39 UTC 2023\n");
        assertEquals("the NVIDIA driver 535.54 is too old for CUDA 12.8 (it needs 570 or newer)",
                TorchLibraries.driverProblem(v));
        Files.writeString(v, "NVRM version: NVIDIA UNIX x86_64 Kernel Module  570.86.15  Thu Jan 30 2025\n");
        assertEquals("", TorchLibraries.driverProblem(v));
    }

    @Test
    void withoutTheSettingNothingChanges() {
        assertNull(TorchLibraries.configured() == null ? null : "set in the environment",
                "POINTLEARN_TORCH_DIR is set where the tests run");
        assertEquals("", DjlRuntime.libraries().notice());
        assertNull(DjlRuntime.libraries().folder());
    }

    /** A fresh JVM that starts the engine as the workstation does and says where it came from. */
    private static String child(List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-DDJL_CACHE_DIR=" + cache));
        cmd.addAll(options);
        cmd.add(Starter.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The child: starts the engine, prints the libraries it chose and where libtorch came from. */
    public static final class Starter {
        public static void main(String[] args) throws Exception {
            DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
            TorchLibraries.Choice c = DjlRuntime.libraries();
            System.out.println("libraries " + (c.folder() == null ? "bundled" : c.folder()) + " " + c.flavour()
                    + " notice='" + c.notice() + "'");
            System.out.println("libtorch " + LibUtils.getLibtorchPath());
        }
    }
}
