package org.pointlearn.evaluation.policy;

import java.util.List;
import org.pointlearn.evaluation.protocol.InteractiveSegmenter;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.InputEncoder;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;

/** The base model as shipped, never updated: the reference every adaptive policy must beat. */
public final class FrozenPolicy implements InteractiveSegmenter {

    private final Predictor predictor;
    private Image2D lastImage;
    private InputEncoder.WorkingImage prepared;

    /** @param model the model to run (not closed here) */
    public FrozenPolicy(SegmentationModel model) {
        this.predictor = new Predictor(model);
    }

    @Override
    public float[] predict(Image2D image, List<Click> clicks, float[] previous) {
        if (image != lastImage) {
            prepared = predictor.model().encoder().prepare(image);
            lastImage = image;
        }
        return predictor.predict(prepared, clicks, previous);
    }
}
