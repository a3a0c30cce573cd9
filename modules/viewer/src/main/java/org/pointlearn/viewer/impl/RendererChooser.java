package org.pointlearn.viewer.impl;

import java.awt.EventQueue;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pointlearn.lib.vtk.VtkProbe;
import org.pointlearn.lib.vtk.VtkRuntime;
import org.pointlearn.lib.vtk.VtkUnavailableException;
import vtk.vtkVersion;

/**
 * Decides between VTK and Java2D. VTK is used only after a child JVM proved it can render
 * here and its natives loaded in this JVM; otherwise Java2D, with the reason. Blocks for
 * the probe: call it off the event thread.
 */
public final class RendererChooser {

    /** Longest wait for the child JVM of the probe. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(RendererChooser.class.getName());

    /** Finds out whether VTK can render on this machine, without risking this JVM. */
    @FunctionalInterface
    public interface Probe {
        /** The verdict; never throws. */
        VtkProbe.Result run();
    }

    /** Makes VTK usable in this JVM. */
    @FunctionalInterface
    public interface Activation {
        /**
         * Loads VTK's natives.
         *
         * @return the VTK version, e.g. "9.1.0"
         * @throws VtkUnavailableException when the natives do not load
         */
        String activate() throws VtkUnavailableException;
    }

    private final Probe probe;
    private final Activation activation;

    /**
     * @param probe tells whether VTK can render here
     * @param activation loads VTK after a positive probe
     */
    public RendererChooser(Probe probe, Activation activation) {
        this.probe = probe;
        this.activation = activation;
    }

    /** The chooser for this machine: the real child-JVM probe and native loading. */
    public static RendererChooser forThisMachine() {
        return new RendererChooser(() -> VtkProbe.run(PROBE_TIMEOUT), RendererChooser::loadVtk);
    }

    /**
     * Chooses the renderer for a preference.
     *
     * @param preference what the user asked for
     * @return VTK, or Java2D with the reason
     */
    public RendererChoice choose(RendererPreference preference) {
        if (preference == RendererPreference.JAVA2D) {
            return RendererChoice.java2d("VTK disabled by setting");
        }
        Level level = preference == RendererPreference.VTK ? Level.WARNING : Level.INFO;
        VtkProbe.Result verdict = probe.run();
        if (!verdict.usable()) {
            LOG.log(level, "VTK cannot render here, using Java2D: {0}", verdict.detail());
            return RendererChoice.java2d("VTK unavailable: " + verdict.detail());
        }
        try {
            return RendererChoice.vtk(activation.activate());
        } catch (VtkUnavailableException e) {
            LOG.log(level, "VTK passed the probe but did not load in this JVM, using Java2D", e);
            return RendererChoice.java2d("VTK unavailable: " + e.getMessage());
        }
    }

    private static String loadVtk() throws VtkUnavailableException {
        VtkRuntime.load();
        if (EventQueue.isDispatchThread()) {
            return new vtkVersion().GetVTKVersion();
        }
        AtomicReference<String> version = new AtomicReference<>();
        try {
            EventQueue.invokeAndWait(() -> version.set(new vtkVersion().GetVTKVersion()));
        } catch (InvocationTargetException e) {
            throw new VtkUnavailableException("VTK loaded but could not report its version: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VtkUnavailableException("interrupted while asking VTK for its version", e);
        }
        return version.get();
    }
}
