package org.pointlearn.evaluation.metrics;

import java.util.List;

/**
 * One policy run over the image sequence of one domain, in processing order.
 *
 * @param domain the domain name
 * @param policy the policy name (frozen, post, mid, ...)
 * @param images per-image results in the order the images were processed
 */
public record PolicyRun(String domain, String policy, List<ImageResult> images) {

    /** Makes the image list unmodifiable. */
    public PolicyRun {
        images = List.copyOf(images);
    }

    /** Means over all images. */
    public PolicySummary summary() {
        return PolicySummary.of(domain, policy, images);
    }

    /** The first third of the sequence (rounded down, at least one image), to see adaptation over time. */
    public PolicyRun firstThird() {
        return new PolicyRun(domain, policy, images.subList(0, thirdSize()));
    }

    /** The last third of the sequence (rounded down, at least one image). */
    public PolicyRun lastThird() {
        return new PolicyRun(domain, policy, images.subList(images.size() - thirdSize(), images.size()));
    }

    private int thirdSize() {
        return Math.min(images.size(), Math.max(1, images.size() / 3));
    }
}
