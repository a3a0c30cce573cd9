package org.pointlearn.evaluation.data;

import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;

/**
 * One image of a domain with its ground-truth mask.
 *
 * @param id the file name of the image without its extension
 * @param image the image, values as stored in the file
 * @param mask the ground truth (non-zero mask pixels), same size as the image
 */
public record Sample(String id, Image2D image, Mask2D mask) {

    /** Checks that the mask covers the image. */
    public Sample {
        if (image.width() != mask.width() || image.height() != mask.height()) {
            throw new IllegalArgumentException("sample " + id + ": mask is " + mask.width() + "x" + mask.height()
                    + " but the image is " + image.width() + "x" + image.height());
        }
    }

    /** This sample with its image given the channel count a model takes ({@link Image2D#withChannels}). */
    public Sample withChannels(int channels) {
        return image.channels() == channels ? this : new Sample(id, image.withChannels(channels), mask);
    }
}
