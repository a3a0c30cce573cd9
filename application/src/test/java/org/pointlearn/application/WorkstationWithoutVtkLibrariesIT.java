package org.pointlearn.application;

import junit.framework.Test;
import org.netbeans.junit.NbModuleSuite;

/** VTK's native libraries are missing: the Java2D viewer takes over and says why. */
public class WorkstationWithoutVtkLibrariesIT extends WorkstationChecks {

    public WorkstationWithoutVtkLibrariesIT(String name) {
        super(name);
    }

    public static Test suite() {
        System.setProperty("vtk.lib.dir", "/nonexistent/vtk-libraries");
        return NbModuleSuite.createConfiguration(WorkstationWithoutVtkLibrariesIT.class)
                .gui(true).clusters(".*").enableModules(".*").suite();
    }

    @Override
    void assertRenderer(String label) {
        assertTrue(label, label.startsWith("Renderer: Java2D (VTK unavailable: "));
        assertTrue(label, label.contains("/nonexistent/vtk-libraries"));
    }

    @Override
    String screenshotName() {
        return "workstation-no-vtk";
    }
}
