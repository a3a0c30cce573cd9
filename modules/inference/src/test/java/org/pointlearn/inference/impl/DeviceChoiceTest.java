package org.pointlearn.inference.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void autoTakesTheGpuWhenTheEngineSeesOne() {
        assertTrue(DeviceChoice.choose("auto", 1).device().isGpu());
        assertEquals("CPU", DeviceChoice.describe(DeviceChoice.choose("auto", 0).device()));
    }

    @Test
    void aGpuRequestWithoutAGpuFallsBackToTheCpuAndSaysSo() {
        DeviceChoice.Choice c = DeviceChoice.choose("gpu", 0);
        assertEquals("CPU", DeviceChoice.describe(c.device()));
        assertTrue(c.note().contains("engine sees none"), c.note());
    }

    @Test
    void cpuCanBeForcedEvenWithAGpu() {
        assertEquals("CPU", DeviceChoice.describe(DeviceChoice.choose("cpu", 2).device()));
    }
}
