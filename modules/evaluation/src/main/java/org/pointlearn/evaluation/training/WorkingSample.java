package org.pointlearn.evaluation.training;

import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Region;
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
        return of(s.id(), encoder.prepareImage(s.image()), s.mask(), Region.whole(s.mask().width(), s.mask().height()),
                encoder);
    }

    /** A view of an image and an object mask on it, on the model's working grid, as the encoder makes views. */
    static WorkingSample of(String id, InputEncoder.PreparedImage image, Mask2D mask, Region view, InputEncoder encoder) {
        int size = encoder.workingSize();
        float[] img = encoder.view(image, view).channels();
        float[] m = Resampling.crop(mask.toFloats(), mask.width(), mask.height(), view, size, size, 0f);
        return new WorkingSample(id, size, img, Mask2D.threshold(m, size, size, 0.5f));
    }

    /** The image as the encoder's prepared image (source grid = working grid). */
    InputEncoder.WorkingImage workingImage() {
        return new InputEncoder.WorkingImage(size, size, image);
    }
}
