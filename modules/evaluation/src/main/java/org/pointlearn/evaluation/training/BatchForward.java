package org.pointlearn.evaluation.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/** Batched network inputs and inference-mode predictions on the working grid. */
final class BatchForward {

    private BatchForward() {
    }

    /** The encoded inputs of a batch, as one (n, c, size, size) array. */
    static NDArray inputs(NDManager m, SegmentationModel model, List<WorkingSample> batch,
            List<List<Click>> clicks, float[][] previous) {
        int per = model.card().inputChannels() * batch.get(0).size() * batch.get(0).size();
        float[] all = new float[batch.size() * per];
        for (int b = 0; b < batch.size(); b++) {
            float[] in = model.encoder().encode(batch.get(b).workingImage(), clicks.get(b), previous[b]);
            System.arraycopy(in, 0, all, b * per, per);
        }
        return m.create(all, SegmentationModel.inputShape(model.card(), batch.size()));
    }

    /** Probabilities per sample (inference mode, no gradient). */
    static float[][] probabilities(SegmentationModel model, List<WorkingSample> batch,
            List<List<Click>> clicks, float[][] previous) {
        try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
            NDArray x = inputs(m, model, batch, clicks, previous);
            NDArray p = Activation.sigmoid(model.block().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow());
            float[] flat = p.toFloatArray();
            int n = flat.length / batch.size();
            float[][] out = new float[batch.size()][n];
            for (int b = 0; b < batch.size(); b++) {
                System.arraycopy(flat, b * n, out[b], 0, n);
            }
            return out;
        }
    }
}
