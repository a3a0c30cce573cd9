package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.pointlearn.lib.vtk.VtkProbe;
import org.pointlearn.lib.vtk.VtkUnavailableException;

class RendererChooserTest {

    private static final RendererChooser.Probe NO_DISPLAY =
            () -> new VtkProbe.Result(false, "no X display (DISPLAY is not set)");
    private static final RendererChooser.Probe RENDERS = () -> new VtkProbe.Result(true, "VTK 9.1.0");

    @Test
    void java2dSettingNeverProbesVtk() {
        RendererChooser chooser = new RendererChooser(() -> fail("probed"), () -> fail("loaded"));
        RendererChoice choice = chooser.choose(RendererPreference.JAVA2D);
        assertEquals("Renderer: Java2D (VTK disabled by setting)", choice.statusText());
    }

    @Test
    void autoFallsBackToJava2dWithTheProbesReason() {
        RendererChooser chooser = new RendererChooser(NO_DISPLAY, () -> fail("loaded after a failed probe"));
        RendererChoice choice = chooser.choose(RendererPreference.AUTO);
        assertFalse(choice.vtk());
        assertEquals("Renderer: Java2D (VTK unavailable: no X display (DISPLAY is not set))", choice.statusText());
    }

    @Test
    void askingForVtkStillFallsBackWhenItCannotRender() {
        RendererChoice choice = new RendererChooser(NO_DISPLAY, () -> "9.1.0").choose(RendererPreference.VTK);
        assertFalse(choice.vtk());
    }

    @Test
    void fallsBackWhenTheNativesDoNotLoadAfterAGoodProbe() {
        RendererChooser chooser = new RendererChooser(RENDERS, () -> {
            throw new VtkUnavailableException("VTK library vtkRenderingOpenGL2 did not load from /opt/vtk");
        });
        RendererChoice choice = chooser.choose(RendererPreference.AUTO);
        assertEquals("Renderer: Java2D (VTK unavailable: VTK library vtkRenderingOpenGL2 did not load from /opt/vtk)",
                choice.statusText());
    }

    @Test
    void usesVtkWhenTheProbeRendersAndTheNativesLoad() {
        RendererChoice choice = new RendererChooser(RENDERS, () -> "9.1.0").choose(RendererPreference.AUTO);
        assertTrue(choice.vtk());
        assertEquals("Renderer: VTK 9.1.0", choice.statusText());
    }

    @Test
    void aBogusVtkLibraryFolderFallsBackToJava2dNamingTheFolder() {
        String saved = System.getProperty("vtk.lib.dir");
        System.setProperty("vtk.lib.dir", "/nonexistent/vtk-natives");
        try {
            RendererChoice choice = RendererChooser.forThisMachine().choose(RendererPreference.VTK);
            assertFalse(choice.vtk());
            String expected = System.getenv("DISPLAY") == null
                    ? "no X display" : "/nonexistent/vtk-natives";
            assertTrue(choice.statusText().startsWith("Renderer: Java2D (VTK unavailable: "), choice.statusText());
            assertTrue(choice.statusText().contains(expected), choice.statusText());
        } finally {
            if (saved == null) {
                System.clearProperty("vtk.lib.dir");
            } else {
                System.setProperty("vtk.lib.dir", saved);
            }
        }
    }
}
