package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.pointlearn.lib.vtk.VtkProbe;
import org.pointlearn.lib.vtk.VtkRuntime;
import org.pointlearn.lib.vtk.VtkUnavailableException;

/** Probes VTK once per test JVM; VTK tests are skipped, with the reason, where it cannot render. */
final class VtkVerdict {

    private static VtkProbe.Result verdict;

    private VtkVerdict() {
    }

    /** Skips the calling test unless VTK renders here; loads VTK when it does. */
    static synchronized void assumeVtkRenders() throws VtkUnavailableException {
        if (verdict == null) {
            verdict = VtkProbe.run(Duration.ofSeconds(60));
        }
        assumeTrue(verdict.usable(), "VTK cannot render here: " + verdict.detail());
        VtkRuntime.load();
    }
}
