package org.pointlearn.evaluation.protocol;

import java.util.List;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

/**
 * A segmentation policy under evaluation: predicts after every click and may learn from what
 * the user accepted (post-interaction) or from each click (mid-interaction, inside
 * {@link #predict}). It never sees the ground truth.
 */
public interface InteractiveSegmenter {

    /**
     * The object probability of every pixel given the clicks so far.
     *
     * @param image the image being segmented
     * @param clicks all clicks on this image so far, the latest last; never empty
     * @param previous the probabilities returned after the previous click, zeros before the first
     *     click (a copy the segmenter may keep)
     * @return width*height probabilities in 0..1, row by row
     * @throws SegmentationException when the prediction cannot be made
     */
    float[] predict(Image2D image, List<Click> clicks, float[] previous) throws SegmentationException;

    /**
     * The next image starts from a proposal (propagated from an accepted neighbour slice): the
     * segmenter takes it as the prediction shown before the first click. Segmenters that keep
     * no state per image need not do anything.
     *
     * @param image the image about to be segmented
     * @param proposal width*height probabilities
     * @throws SegmentationException when the segmenter cannot start from it
     */
    default void startFrom(Image2D image, float[] proposal) throws SegmentationException {
    }

    /**
     * The user pressed S: the other square's probability for the last click when it was looked at
     * through two (then shown instead; pressing again goes back), else null.
     *
     * @throws SegmentationException when it cannot be shown
     */
    default float[] otherSquare() throws SegmentationException {
        return null;
    }

    /**
     * The user is done with the image; an adaptive policy learns from it here.
     *
     * @param image the image
     * @param finalMask the last prediction thresholded at 0.5 (the user-refined mask, not the truth)
     * @param clicks all clicks made on the image, possibly none
     * @throws SegmentationException when the update fails
     */
    default void accept(Image2D image, Mask2D finalMask, List<Click> clicks) throws SegmentationException {
    }
}
