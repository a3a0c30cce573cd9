package org.pointlearn.evaluation.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.nio.file.Path;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.lib.djl.DjlRuntime;
import org.pointlearn.lib.djl.TorchLibraries;

/**
 * Command line ({@code scripts/engine-info}): which PyTorch libraries the engine starts from
 * (the bundled CPU ones, or the folder {@code pointlearn.torch.dir} / {@code POINTLEARN_TORCH_DIR}
 * names), their version and flavour, and the devices it sees, as the workstation would start it.
 */
public final class EngineInfo {

    private EngineInfo() {
    }

    /**
     * Prints the engine's facts.
     *
     * @param args unused
     * @throws Exception when the engine cannot start at all (the message says why)
     */
    public static void main(String[] args) throws Exception {
        Path folder = TorchLibraries.configured();
        System.out.println("setting (" + TorchLibraries.PROPERTY + " / " + TorchLibraries.ENV + "): "
                + (folder == null ? "not set: the bundled CPU libraries" : folder));
        if (folder != null) {
            TorchLibraries.Inspection look = TorchLibraries.inspect(folder);
            String what = (look.flavour().isEmpty() ? "" : look.flavour() + " build")
                    + (look.version().isEmpty() ? "" : ", PyTorch " + look.version());
            System.out.println("folder: " + (what.isEmpty() ? "" : what + "; ")
                    + (look.usable() ? "nothing speaks against it" : "not usable: " + look.problem()));
        }
        Engine engine = DjlRuntime.engine(Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-djl"));
        TorchLibraries.Choice libs = DjlRuntime.libraries();
        System.out.println("engine: PyTorch " + engine.getVersion() + " (" + libs.flavour() + ")");
        System.out.println("libraries: " + LibUtils.getLibtorchPath());
        if (!libs.notice().isEmpty()) {
            System.out.println("notice: " + libs.notice());
        }
        System.out.println("GPUs the engine sees: " + engine.getGpuCount());
        for (int i = 0; i < engine.getGpuCount(); i++) {
            System.out.println("  " + ComputeDevice.describe(Device.gpu(i)));
        }
        System.out.println("device used: " + ComputeDevice.choose(engine));
    }
}
