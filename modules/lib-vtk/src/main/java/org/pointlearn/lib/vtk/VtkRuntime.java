package org.pointlearn.lib.vtk;

import java.io.File;
import java.util.List;
import vtk.vtkNativeLibrary;

/**
 * Loads VTK's native libraries once per JVM. The only class that touches them directly:
 * a second loader of the VTK jar in another module fails with "already loaded in another
 * classloader", so every module goes through this wrapper.
 */
public final class VtkRuntime {

    /** Where Debian's libvtk9-java puts the JNI libraries. */
    public static final String DEBIAN_LIB_DIR = "/usr/lib/x86_64-linux-gnu/java/vtk-Linux-x86_64";

    /** The libraries a 2D image viewer needs; optional ones (Qt, Python, MPI) may fail. */
    private static final List<vtkNativeLibrary> REQUIRED = List.of(
            vtkNativeLibrary.vtkCommonCore,
            vtkNativeLibrary.vtkRenderingOpenGL2,
            vtkNativeLibrary.vtkInteractionStyle,
            vtkNativeLibrary.vtkImagingCore,
            vtkNativeLibrary.vtkRenderingCore);

    private static boolean loaded;

    private VtkRuntime() {
    }

    /** The folder of VTK's JNI libraries: system property {@code vtk.lib.dir}, else Debian's. */
    public static String libraryDirectory() {
        return System.getProperty("vtk.lib.dir", DEBIAN_LIB_DIR);
    }

    /**
     * Loads the native libraries. Call only after {@link VtkProbe} said VTK can render
     * here: without an X display with GLX, VTK aborts the JVM instead of throwing.
     *
     * @throws VtkUnavailableException when a required library cannot be loaded
     */
    public static synchronized void load() throws VtkUnavailableException {
        if (loaded) {
            return;
        }
        String dir = libraryDirectory();
        if (!new File(dir, "libvtkCommonCoreJava.so").isFile()) {
            throw new VtkUnavailableException("VTK's native libraries are not in " + dir);
        }
        System.setProperty("vtk.lib.dir", dir);
        try {
            System.loadLibrary("jawt");
            // Returns false because optional libraries do not load; the required ones decide.
            vtkNativeLibrary.LoadAllNativeLibraries();
        } catch (UnsatisfiedLinkError e) {
            throw new VtkUnavailableException("VTK's native libraries failed to load: " + e.getMessage(), e);
        }
        for (vtkNativeLibrary lib : REQUIRED) {
            if (!lib.IsLoaded()) {
                throw new VtkUnavailableException("VTK library " + lib.GetLibraryName() + " did not load from " + dir);
            }
        }
        vtkNativeLibrary.DisableOutputWindow(null);
        loaded = true;
    }
}
