package org.pointlearn.lib.vtk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VtkProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void rendersOnTheTestDisplay() {
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null, "make test runs under Xvfb; this test needs its display");
        VtkProbe.Result r = VtkProbe.run(TIMEOUT);
        assertTrue(r.usable(), r.detail());
        assertTrue(r.detail().startsWith("VTK 9."), r.detail());
    }

    @Test
    void survivesVtkAbortingOnADisplayThatDoesNotExist() {
        // VTK calls abort() here: the probe must report it, not take this JVM down.
        VtkProbe.Result r = VtkProbe.run(TIMEOUT, ":987", VtkRuntime.libraryDirectory());
        assertFalse(r.usable());
        assertTrue(r.detail().contains("could not render"), r.detail());
    }

    @Test
    void reportsMissingNativeLibrariesByFolder() {
        VtkProbe.Result r = VtkProbe.run(TIMEOUT, ":0", "/nonexistent/vtk");
        assertFalse(r.usable());
        assertTrue(r.detail().contains("/nonexistent/vtk"), r.detail());
    }

    @Test
    void reportsAMissingDisplayInWords() {
        VtkProbe.Result r = VtkProbe.run(TIMEOUT, null, VtkRuntime.libraryDirectory());
        assertFalse(r.usable());
        assertTrue(r.detail().contains("no X display"), r.detail());
    }
}
