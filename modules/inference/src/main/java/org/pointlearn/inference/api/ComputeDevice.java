package org.pointlearn.inference.api;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.pointlearn.inference.impl.DeviceChoice;

/**
 * The device models run on: a GPU when the engine sees one, else the CPU, unless the
 * {@code pointlearn.device} system property or the {@code POINTLEARN_DEVICE} environment
 * variable says {@code cpu} or {@code gpu}.
 *
 * @param device the chosen device
 * @param description the device in words, e.g. "CPU" or "GPU 0"
 * @param note why, when the request could not be met or was set explicitly; else empty
 */
public record ComputeDevice(Device device, String description, String note) {

    /** Chooses for a started engine. */
    public static ComputeDevice choose(Engine engine) {
        DeviceChoice.Choice c = DeviceChoice.choose(DeviceChoice.requested(), engine.getGpuCount());
        return new ComputeDevice(c.device(), DeviceChoice.describe(c.device()), c.note());
    }

    /** A device in words: "CPU", or "GPU 0 (name, memory)" where the NVIDIA driver names it. */
    public static String describe(Device d) {
        return DeviceChoice.describe(d);
    }

    /** One line for logs and command output. */
    @Override
    public String toString() {
        return description + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
