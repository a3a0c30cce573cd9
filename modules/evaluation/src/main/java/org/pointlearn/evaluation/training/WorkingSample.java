package org.pointlearn.evaluation.training;

import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Resampling;
import org.pointlearn.inference.api.InputEncoder;

/**
 * A training example on the network's working grid: the normalised image channels and the
 * mask, both size x size. Augmentation and click simulation work on this grid directly.
 *
 * @param id the sample's id
 * @param size side of the grid
 * @param image normalised image channels, channel-major
 * @param mask the object
 */
record WorkingSample(String id, int size, float[] image, Mask2D mask) {

    /** Resamples a dataset sample with the model's own encoder. */
    static WorkingSample of(Sample s, InputEncoder encoder) {
        int size = encoder.workingSize();
        float[] img = encoder.prepare(s.image()).channels();
        float[] m = Resampling.bilinear(s.mask().toFloats(), s.mask().width(), s.mask().height(), size, size);
        return new WorkingSample(s.id(), size, img, Mask2D.threshold(m, size, size, 0.5f));
    }

    /** The image as the encoder's prepared image (source grid = working grid). */
    InputEncoder.WorkingImage workingImage() {
        return new InputEncoder.WorkingImage(size, size, image);
    }
}
