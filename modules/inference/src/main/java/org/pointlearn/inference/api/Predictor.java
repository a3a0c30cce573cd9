package org.pointlearn.inference.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * Turns an image, the user's clicks and the previous prediction into a probability map on
 * the image's own grid. Safe to call from several threads (calls are serialised); every
 * call's native memory is freed before it returns.
 */
public final class Predictor {

    private final SegmentationModel model;

    /** @param model the network to run (not closed by the predictor) */
    public Predictor(SegmentationModel model) {
        this.model = model;
    }

    /** The model this predictor runs. */
    public SegmentationModel model() {
        return model;
    }

    /**
     * Predicts on the source grid.
     *
     * @param image the prepared image (see {@link InputEncoder#prepare(Image2D)})
     * @param clicks clicks so far, in source pixels
     * @param previous previous probability on the source grid, or null
     * @return probability per source pixel, row by row
     */
    public float[] predict(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous) {
        float[] working = predictWorking(image, clicks, previous);
        return model.encoder().toSourceGrid(working, image.sourceWidth(), image.sourceHeight());
    }

    /** Predicts on the working grid (probability per working pixel). */
    public float[] predictWorking(InputEncoder.WorkingImage image, List<Click> clicks, float[] previous) {
        float[] input = model.encoder().encode(image, clicks, previous);
        synchronized (model) {
            DjlRuntime.gradientsOff();
            try (NDManager m = model.djlModel().getNDManager().newSubManager()) {
                NDArray x = m.create(input, SegmentationModel.inputShape(model.card(), 1));
                NDArray logits = model.block().forward(new ParameterStore(m, false), new NDList(x), false)
                        .singletonOrThrow();
                return Activation.sigmoid(logits).toFloatArray();
            }
        }
    }
}
