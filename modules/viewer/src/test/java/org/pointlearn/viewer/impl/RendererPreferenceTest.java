package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class RendererPreferenceTest {

    @Test
    void defaultsToAutoWhenNothingIsSet() {
        assertEquals(RendererPreference.AUTO, RendererPreference.resolve(null, null, () -> null));
    }

    @Test
    void systemPropertyWinsOverEnvironmentAndPreferences() {
        assertEquals(RendererPreference.JAVA2D, RendererPreference.resolve("java2d", "vtk", () -> "vtk"));
    }

    @Test
    void environmentWinsOverPreferences() {
        assertEquals(RendererPreference.VTK, RendererPreference.resolve(null, " VTK ", () -> "java2d"));
    }

    @Test
    void storedPreferenceIsUsedLast() {
        assertEquals(RendererPreference.JAVA2D, RendererPreference.resolve("", null, () -> "Java2D"));
    }

    @Test
    void preferencesAreNotReadWhenAnEarlierSourceDecides() {
        RendererPreference p = RendererPreference.resolve("vtk", null, () -> fail("preferences read"));
        assertEquals(RendererPreference.VTK, p);
    }

    @Test
    void anUnknownValueMeansAuto() {
        assertEquals(RendererPreference.AUTO, RendererPreference.resolve("opengl", null, () -> null));
    }
}
