package org.pointlearn.application;

import junit.framework.Test;
import org.netbeans.junit.NbModuleSuite;

/** VTK switched off by the renderer setting: the Java2D viewer is used. */
public class WorkstationVtkDisabledIT extends WorkstationChecks {

    public WorkstationVtkDisabledIT(String name) {
        super(name);
    }

    public static Test suite() {
        System.setProperty("pointlearn.renderer", "java2d");
        return NbModuleSuite.createConfiguration(WorkstationVtkDisabledIT.class)
                .gui(true).clusters(".*").enableModules(".*").suite();
    }

    @Override
    void assertRenderer(String label) {
        assertEquals("Renderer: Java2D (VTK disabled by setting)", label);
    }

    @Override
    String screenshotName() {
        return "workstation-java2d";
    }
}
