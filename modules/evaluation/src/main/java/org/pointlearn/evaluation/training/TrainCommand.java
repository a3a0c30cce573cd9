package org.pointlearn.evaluation.training;

import java.nio.file.Path;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Command line: trains a base model.
 * {@code TrainCommand --data <domain folder>[,...] --out models/<name> [--epochs N] [--focus zoom] [--pseudo 0.5] ...}
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    /**
     * Runs the training.
     *
     * @param args see {@link TrainingOptions}
     * @throws Exception on failure (the message says what went wrong)
     */
    public static void main(String[] args) throws Exception {
        TrainingOptions options;
        try {
            options = TrainingOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("train: " + e.getMessage());
            System.err.println("usage: train --data <domain folder>[,<domain folder>...] --out <model folder> [--name N]"
                    + " [--epochs N] [--steps N] [--batch N] [--lr X] [--seed N] [--val F] [--size N] [--base N]"
                    + " [--levels N] [--focus full|zoom] [--pseudo F] [--neighbour F] [--small F] [--first-sides A-B] [--until E] [--groups domain=regex,...] [--ablation]"
                    + " [--minutes M] [--resume]");
            System.exit(2);
            return;
        }
        ComputeDevice device = device();
        System.out.println("device: " + device);
        new BaseModelTrainer(options, device.device(), System.out).run();
    }

    /** The engine started for the command line (unpacked under the temporary folder) and its device. */
    static ComputeDevice device() throws org.pointlearn.lib.djl.EngineUnavailableException {
        return ComputeDevice.choose(DjlRuntime.engine(Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-djl")));
    }
}
