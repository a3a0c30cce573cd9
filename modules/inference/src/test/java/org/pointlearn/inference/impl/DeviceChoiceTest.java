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

    /** The device remembered in Options is asked for unless a property or variable says otherwise. */
    @Test
    void theRememberedDeviceIsAskedForWithoutAPropertyOrVariable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("pointlearn.device") == null
                && System.getenv("POINTLEARN_DEVICE") == null, "a device is set for this run");
        assertEquals("cpu", DeviceChoice.requested("cpu"));
        assertEquals("auto", DeviceChoice.requested(null));
        System.setProperty("pointlearn.device", "gpu");
        try {
            assertEquals("gpu", DeviceChoice.requested("cpu"), "the property wins over the remembered choice");
        } finally {
            System.clearProperty("pointlearn.device");
        }
    }
}
