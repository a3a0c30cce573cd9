package org.pointlearn.application;

import junit.framework.Test;
import org.netbeans.junit.NbModuleSuite;

/** The workstation as installed: VTK renders the viewer. */
public class WorkstationVtkIT extends WorkstationChecks {

    public WorkstationVtkIT(String name) {
        super(name);
    }

    public static Test suite() {
        return NbModuleSuite.createConfiguration(WorkstationVtkIT.class)
                .gui(true).clusters(".*").enableModules(".*").suite();
    }

    @Override
    void assertRenderer(String label) {
        assertTrue(label, label.startsWith("Renderer: VTK 9."));
    }

    @Override
    String screenshotName() {
        return "workstation-vtk";
    }
}
