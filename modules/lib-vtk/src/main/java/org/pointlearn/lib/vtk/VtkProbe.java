package org.pointlearn.lib.vtk;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vtk.vtkNativeLibrary;
import vtk.vtkRenderWindow;
import vtk.vtkRenderer;
import vtk.vtkVersion;

/**
 * Finds out, in a child JVM, whether VTK can render here. VTK aborts the whole process
 * (exit 134) when there is no X display or no GLX, so the workstation never tries that
 * in its own JVM before the probe said yes.
 */
public final class VtkProbe {

    /** What the child JVM prints on its last line when rendering worked. */
    static final String OK_PREFIX = "VTK-PROBE-OK ";

    private VtkProbe() {
    }

    /** The probe's verdict: whether VTK rendered, and the reason or the VTK version. */
    public record Result(boolean usable, String detail) {
    }

    /**
     * Runs the probe in a child JVM.
     *
     * @param timeout how long to wait before declaring VTK unusable
     * @return the verdict; never throws
     */
    public static Result run(Duration timeout) {
        return run(timeout, System.getenv("DISPLAY"), VtkRuntime.libraryDirectory());
    }

    /**
     * Runs the probe in a child JVM against a given display and library folder.
     *
     * @param timeout how long to wait before declaring VTK unusable
     * @param display the X display for the child, e.g. {@code :0}
     * @param dir the folder of VTK's JNI libraries
     * @return the verdict; never throws
     */
    public static Result run(Duration timeout, String display, String dir) {
        if (display == null || display.isBlank()) {
            return new Result(false, "no X display (DISPLAY is not set)");
        }
        if (!new File(dir, "libvtkCommonCoreJava.so").isFile()) {
            return new Result(false, "VTK's native libraries are not in " + dir);
        }
        Path log = null;
        try {
            log = Files.createTempFile("pointlearn-vtk-probe", ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Djava.awt.headless=true");
            cmd.add("-Dvtk.lib.dir=" + dir);
            cmd.add("-cp");
            cmd.add(jarOf(VtkProbe.class) + File.pathSeparator + jarOf(vtkNativeLibrary.class));
            cmd.add(VtkProbe.class.getName());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("DISPLAY", display);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Result(false, "VTK did not open a render window within " + timeout.toSeconds() + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8).trim();
            String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
            if (p.exitValue() == 0 && last.startsWith(OK_PREFIX)) {
                return new Result(true, "VTK " + last.substring(OK_PREFIX.length()));
            }
            return new Result(false, "VTK could not render (exit code " + p.exitValue() + "): " + tail(out));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new Result(false, "VTK probe could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "VTK probe interrupted");
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    private static String tail(String out) {
        if (out.isEmpty()) {
            return "no output";
        }
        String[] lines = out.split("\n");
        return lines[lines.length - 1].trim();
    }

    /**
     * The jar or class folder a class was loaded from. Read from the class file's own URL:
     * inside the NetBeans module system the code source is not a plain file URL.
     */
    static String jarOf(Class<?> c) throws URISyntaxException {
        String resource = c.getName().replace('.', '/') + ".class";
        URL url = c.getClassLoader().getResource(resource);
        if (url == null) {
            throw new URISyntaxException(resource, "class file not found through its class loader");
        }
        String s = url.toString();
        if (s.startsWith("jar:")) {
            return Path.of(new URI(s.substring(4, s.indexOf("!/")))).toString();
        }
        if (s.startsWith("file:")) {
            String path = Path.of(url.toURI()).toString();
            return path.substring(0, path.length() - resource.length() - 1);
        }
        throw new URISyntaxException(s, "cannot run a child JVM from classes loaded this way");
    }

    /**
     * The child side: load the natives, render one off-screen frame, print the version.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try {
            VtkRuntime.load();
        } catch (VtkUnavailableException e) {
            System.out.println(e.getMessage());
            System.exit(2);
        }
        vtkRenderWindow window = new vtkRenderWindow();
        window.SetOffScreenRendering(1);
        window.SetSize(32, 32);
        vtkRenderer renderer = new vtkRenderer();
        window.AddRenderer(renderer);
        window.Render();
        String gl = window.ReportCapabilities();
        String renderer0 = gl.lines().filter(l -> l.contains("OpenGL renderer")).findFirst().orElse("").trim();
        System.out.println(OK_PREFIX + new vtkVersion().GetVTKVersion() + (renderer0.isEmpty() ? "" : " (" + renderer0 + ")"));
        System.exit(0);
    }
}
