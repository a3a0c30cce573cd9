package org.pointlearn.lib.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.LibUtils;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's own PyTorch native libraries (a CUDA build, for a GPU) instead of the CPU ones
 * bundled with the application. The setting {@code pointlearn.torch.dir} (or
 * {@code POINTLEARN_TORCH_DIR}) names the folder holding {@code libtorch.so}: the {@code lib}
 * folder of a PyTorch 2.7.1 wheel or of a libtorch 2.7.1 download. The folder is looked at
 * first (the libraries, their version, a CUDA or CPU build, libraries the system cannot find,
 * the NVIDIA driver), then a child JVM loads the engine from it and computes once on its
 * device, because a library that does not fit cannot be unloaded again from the workstation's
 * own process. Only when both succeed does the engine start from the folder; otherwise the
 * bundled CPU libraries are used and {@link Choice#notice()} says why, in words.
 */
public final class TorchLibraries {

    /** System property naming the folder. */
    public static final String PROPERTY = "pointlearn.torch.dir";
    /** Environment variable naming the folder (the property wins). */
    public static final String ENV = "POINTLEARN_TORCH_DIR";
    /** The PyTorch version DJL's bindings here are built for. */
    public static final String VERSION = "2.7.1";
    /** The CUDA build DJL's bindings here are built for. */
    public static final String CUDA_FLAVOUR = "cu128";
    /** Oldest NVIDIA driver branch that runs CUDA 12.8. */
    static final int MIN_DRIVER = 570;

    static final String OK_PREFIX = "TORCH-PROBE-OK ";
    private static final String PROBE_FLAG = "pointlearn.torch.probe";

    private TorchLibraries() {
    }

    /**
     * Which libraries the engine starts from.
     *
     * @param folder the user's folder in use, or null for the bundled CPU libraries
     * @param flavour "cpu" or "cu128"
     * @param notice for the user: why their folder is not used (empty when it is, or none was set)
     */
    public record Choice(Path folder, String flavour, String notice) {
        /** The bundled CPU libraries, with a reason (or none). */
        static Choice bundled(String notice) {
            return new Choice(null, "cpu", notice);
        }
    }

    /**
     * What a look at a folder found, before anything is loaded.
     *
     * @param flavour "cpu" or "cu128" (what the folder holds)
     * @param version the PyTorch version its files name, or "" when they name none
     * @param problem why it cannot be used, or "" when nothing speaks against it
     */
    public record Inspection(String flavour, String version, String problem) {
        /** Whether nothing speaks against the folder. */
        public boolean usable() {
            return problem.isEmpty();
        }
    }

    /** The folder the setting names, or null when none is set. */
    public static Path configured() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV);
        }
        return v == null || v.isBlank() ? null : Path.of(v.trim());
    }

    /**
     * Decides which libraries to start from and, for the user's folder, sets DJL's
     * {@code PYTORCH_LIBRARY_PATH}, {@code PYTORCH_VERSION} and {@code PYTORCH_FLAVOR}. Call
     * before the engine starts; never throws.
     *
     * @param cacheDir where DJL keeps its files (for the probe's child JVM)
     */
    static Choice choose(Path cacheDir) {
        Path folder = configured();
        if (folder == null || Boolean.getBoolean(PROBE_FLAG)) {
            return Choice.bundled("");
        }
        Inspection look = inspect(folder);
        if (!look.usable()) {
            return Choice.bundled(fallback(folder, look.problem()));
        }
        Probe probe = probe(folder, look.flavour(), cacheDir, Duration.ofMinutes(3));
        if (!probe.ok()) {
            return Choice.bundled(fallback(folder, probe.report()));
        }
        System.setProperty("PYTORCH_LIBRARY_PATH", folder.toAbsolutePath().toString());
        System.setProperty("PYTORCH_VERSION", VERSION);
        System.setProperty("PYTORCH_FLAVOR", look.flavour());
        return new Choice(folder.toAbsolutePath(), look.flavour(), "");
    }

    private static String fallback(Path folder, String problem) {
        return "own PyTorch libraries in " + folder + " not used: " + problem + "; running on the bundled CPU libraries";
    }

    /**
     * Looks at a folder without loading anything from it.
     */
    public static Inspection inspect(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new Inspection("", "", "the folder " + folder + " does not exist");
        }
        if (!Files.isRegularFile(folder.resolve("libtorch.so")) || !Files.isRegularFile(folder.resolve("libc10.so"))) {
            return new Inspection("", "", "it is not a PyTorch library folder (no libtorch.so and libc10.so in it; name "
                    + "the lib folder of a PyTorch " + VERSION + " wheel or libtorch download)");
        }
        boolean cuda = Files.isRegularFile(folder.resolve("libtorch_cuda.so"));
        String flavour = cuda ? CUDA_FLAVOUR : "cpu";
        String version = version(folder);
        if (!version.isEmpty() && !version.startsWith(VERSION)) {
            return new Inspection(flavour, version, "it holds PyTorch " + version + ", but this workstation's engine"
                    + " (DJL 0.36.0) runs PyTorch " + VERSION + " only");
        }
        Matcher cu = Pattern.compile("\\+cu(\\d+)").matcher(version);
        if (cu.find() && !("cu" + cu.group(1)).equals(CUDA_FLAVOUR)) {
            return new Inspection(flavour, version, "it is built for CUDA " + cu.group(1) + ", but the engine's bindings"
                    + " need the CUDA 12.8 build (" + VERSION + "+" + CUDA_FLAVOUR + ")");
        }
        List<String> missing = missingLibraries(folder.resolve(cuda ? "libtorch_cuda.so" : "libtorch_cpu.so"));
        if (!missing.isEmpty()) {
            return new Inspection(flavour, version, "the system cannot find " + String.join(", ", missing)
                    + (missing.stream().anyMatch(m -> m.startsWith("libcu") || m.startsWith("libnv"))
                    ? " (the CUDA runtime libraries: install NVIDIA's CUDA 12.8 runtime, or use the libtorch download,"
                    + " which carries them)" : ""));
        }
        if (cuda) {
            String driver = driverProblem(Path.of("/proc/driver/nvidia/version"));
            if (!driver.isEmpty()) {
                return new Inspection(flavour, version, driver);
            }
        }
        return new Inspection(flavour, version, "");
    }

    /** The version the folder's files name: libtorch's build-version, or the wheel's torch/version.py. */
    static String version(Path folder) {
        Path parent = folder.toAbsolutePath().getParent();
        for (Path p : new Path[] {folder.resolve("build-version"), parent == null ? null : parent.resolve("build-version")}) {
            if (p != null && Files.isRegularFile(p)) {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    return "";
                }
            }
        }
        if (parent != null && Files.isRegularFile(parent.resolve("version.py"))) {
            try {
                Matcher m = Pattern.compile("__version__\\s*=\\s*['\"]([^'\"]+)['\"]")
                        .matcher(Files.readString(parent.resolve("version.py"), StandardCharsets.UTF_8));
                return m.find() ? m.group(1) : "";
            } catch (IOException e) {
                return "";
            }
        }
        return "";
    }

    /** The libraries a shared library needs that the system's loader does not find (ldd's "not found"). */
    static List<String> missingLibraries(Path library) {
        Set<String> missing = new LinkedHashSet<>();
        try {
            Process p = new ProcessBuilder("ldd", library.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            for (String line : out.split("\n")) {
                if (line.contains("=> not found")) {
                    missing.add(line.trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            return List.of(); // no ldd: the probe will tell
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(missing);
    }

    /** Why the NVIDIA driver cannot run CUDA 12.8, or "" when it can. */
    static String driverProblem(Path procVersion) {
        if (!Files.isRegularFile(procVersion)) {
            return "no NVIDIA driver is loaded (" + procVersion + " is missing), so the CUDA build has no GPU to run on";
        }
        try {
            Matcher m = Pattern.compile("Kernel Module\\s+(\\d+)\\.(\\d+)").matcher(Files.readString(procVersion));
            if (m.find() && Integer.parseInt(m.group(1)) < MIN_DRIVER) {
                return "the NVIDIA driver " + m.group(1) + "." + m.group(2) + " is too old for CUDA 12.8 (it needs "
                        + MIN_DRIVER + " or newer)";
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    /**
     * What the child JVM found.
     *
     * @param ok whether the engine started from the folder and computed
     * @param report the engine, flavour, folder and devices it saw; or why it failed
     */
    public record Probe(boolean ok, String report) {
    }

    /**
     * Starts the engine from a folder in a child JVM and computes once on its default device.
     */
    public static Probe probe(Path folder, String flavour, Path cacheDir, Duration timeout) {
        Path log = null;
        try {
            log = Files.createTempFile("pointlearn-torch-probe", ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-D" + PROBE_FLAG + "=true");
            cmd.add("-Dai.djl.offline=true");
            cmd.add("-DDJL_CACHE_DIR=" + cacheDir.toAbsolutePath());
            cmd.add("-DPYTORCH_LIBRARY_PATH=" + folder.toAbsolutePath());
            cmd.add("-DPYTORCH_VERSION=" + VERSION);
            cmd.add("-DPYTORCH_FLAVOR=" + flavour);
            cmd.add("-cp");
            cmd.add(classPath());
            cmd.add(TorchLibraries.class.getName());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Probe(false, "the engine did not start from it within " + timeout.toSeconds() + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).trim();
            String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1).trim();
            if (p.exitValue() == 0 && last.startsWith(OK_PREFIX)) {
                return new Probe(true, last.substring(OK_PREFIX.length()));
            }
            return new Probe(false, "the engine could not start from it (" + reason(out) + ")");
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new Probe(false, "the engine could not be tried in a child process: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted");
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    /** The child's most telling line: the last exception message, else the last line. */
    private static String reason(String out) {
        String[] lines = out.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].trim();
            if (l.startsWith("PROBE-FAILED ")) {
                return l.substring("PROBE-FAILED ".length());
            }
        }
        return lines.length == 0 || out.isEmpty() ? "no output" : lines[lines.length - 1].trim();
    }

    /** The jars the child needs: this module's classes, DJL's API, the PyTorch engine and JNI, and theirs. */
    private static String classPath() throws URISyntaxException {
        Set<String> parts = new LinkedHashSet<>();
        parts.add(jarOf(TorchLibraries.class, TorchLibraries.class.getName().replace('.', '/') + ".class"));
        parts.add(jarOf(Engine.class, "ai/djl/engine/Engine.class"));
        parts.add(jarOf(LibUtils.class, "ai/djl/pytorch/jni/LibUtils.class"));
        parts.add(jarOf(LibUtils.class, "jnilib/pytorch.properties"));
        parts.add(jarOf(Engine.class, "com/sun/jna/Native.class"));
        parts.add(jarOf(Engine.class, "com/google/gson/Gson.class"));
        parts.add(jarOf(Engine.class, "org/slf4j/LoggerFactory.class"));
        return String.join(File.pathSeparator, parts);
    }

    /** The jar or folder a resource comes from, through a class's loader (a plain URL in the module system too). */
    static String jarOf(Class<?> c, String resource) throws URISyntaxException {
        URL url = c.getClassLoader().getResource(resource);
        if (url == null) {
            throw new URISyntaxException(resource, "not found through the class loader");
        }
        String s = url.toString();
        if (s.startsWith("jar:")) {
            return Path.of(new URI(s.substring(4, s.indexOf("!/")))).toString();
        }
        String path = Path.of(url.toURI()).toString();
        return path.substring(0, path.length() - resource.length() - 1);
    }

    /**
     * The child side: start the engine from the folder the properties name, compute once, print
     * what it ran on.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try {
            Engine e = Engine.getEngine(DjlRuntime.ENGINE_NAME);
            Device device = e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            try (NDManager m = e.newBaseManager(device)) {
                float sum = m.ones(new Shape(2, 2)).sum().getFloat();
                if (sum != 4f) {
                    throw new IllegalStateException("the engine computed 1+1+1+1 = " + sum);
                }
            }
            System.out.println(OK_PREFIX + String.format(Locale.ROOT, "PyTorch %s (%s) from %s, %d GPU(s), computed on %s",
                    e.getVersion(), System.getProperty("PYTORCH_FLAVOR"), LibUtils.getLibtorchPath(), e.getGpuCount(),
                    device));
            System.exit(0);
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            System.out.println("PROBE-FAILED " + root.getClass().getSimpleName() + ": " + root.getMessage());
            System.exit(3);
        }
    }
}
