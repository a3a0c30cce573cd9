package org.pointlearn.inference.impl;

import ai.djl.Device;
import java.util.Locale;

/**
 * Which device inference runs on: a GPU when the engine sees one, else the CPU, unless
 * the user asked otherwise with the {@code pointlearn.device} system property or the
 * {@code POINTLEARN_DEVICE} environment variable ({@code auto}, {@code cpu}, {@code gpu}).
 */
public final class DeviceChoice {

    /** The chosen device and, when the request could not be met, why. */
    public record Choice(Device device, String note) {
    }

    private DeviceChoice() {
    }

    public static String requested() {
        return requested("auto");
    }

    /**
     * The device asked for: the system property, else the environment variable, else the
     * remembered choice (Tools > Options > Pointlearn > Inference).
     */
    public static String requested(String remembered) {
        String v = System.getProperty("pointlearn.device");
        if (v == null || v.isBlank()) {
            v = System.getenv("POINTLEARN_DEVICE");
        }
        if (v == null || v.isBlank()) {
            v = remembered;
        }
        return v == null || v.isBlank() ? "auto" : v.trim().toLowerCase(Locale.ROOT);
    }

    public static Choice choose(String requested, int gpuCount) {
        return switch (requested) {
            case "cpu" -> new Choice(Device.cpu(), "CPU chosen by setting");
            case "gpu" -> gpuCount > 0
                    ? new Choice(Device.gpu(), "GPU chosen by setting")
                    : new Choice(Device.cpu(), "GPU requested, but the engine sees none");
            case "auto" -> new Choice(gpuCount > 0 ? Device.gpu() : Device.cpu(), "");
            default -> new Choice(gpuCount > 0 ? Device.gpu() : Device.cpu(),
                    "unknown device setting '" + requested + "' ignored (use auto, cpu or gpu)");
        };
    }

    /** The device in words for the status bar. */
    public static String describe(Device d) {
        if (!d.isGpu()) {
            return "CPU";
        }
        String name = gpuName(d.getDeviceId());
        return "GPU " + d.getDeviceId() + (name.isEmpty() ? "" : " (" + name + ")");
    }

    /** The GPU's name and memory as the NVIDIA driver's nvidia-smi reports them, or "" without it. */
    static String gpuName(int index) {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader",
                    "-i", Integer.toString(index)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? out.lines().findFirst().orElse("").replace(", ", ", ") : "";
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
