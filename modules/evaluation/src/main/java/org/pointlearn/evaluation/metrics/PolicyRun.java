package org.pointlearn.evaluation.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy run over the image sequence of one domain, in processing order.
 *
 * @param domain the domain name
 * @param policy the policy name (frozen, post, mid, ...)
 * @param images per-image results in the order the images were processed
 * @param order which order of the images: 0 the fixed (file-name) order, 1.. seeded random orders
 */
public record PolicyRun(String domain, String policy, List<ImageResult> images, int order) {

    /** Makes the image list unmodifiable. */
    public PolicyRun {
        images = List.copyOf(images);
        if (order < 0) {
            throw new IllegalArgumentException("order must not be negative, got " + order);
        }
    }

    /** A run in the fixed order. */
    public PolicyRun(String domain, String policy, List<ImageResult> images) {
        this(domain, policy, images, 0);
    }

    /** The same results under another policy name (a policy known by two names runs once). */
    public PolicyRun named(String otherPolicy) {
        return new PolicyRun(domain, otherPolicy, images, order);
    }

    /** Means over all images. */
    public PolicySummary summary() {
        return PolicySummary.of(domain, policy, images);
    }

    /** The first third of the sequence (rounded down, at least one image), to see adaptation over time. */
    public PolicyRun firstThird() {
        return new PolicyRun(domain, policy, images.subList(0, thirdSize()), order);
    }

    /** The last third of the sequence (rounded down, at least one image). */
    public PolicyRun lastThird() {
        return new PolicyRun(domain, policy, images.subList(images.size() - thirdSize(), images.size()), order);
    }

    private int thirdSize() {
        return Math.min(images.size(), Math.max(1, images.size() / 3));
    }

    /**
     * The runs grouped by domain and policy, groups and runs in the order given (the several image
     * orders of one policy on one domain form one group).
     */
    public static List<List<PolicyRun>> byDomainAndPolicy(List<PolicyRun> runs) {
        Map<String, List<PolicyRun>> groups = new LinkedHashMap<>();
        for (PolicyRun run : runs) {
            groups.computeIfAbsent(run.domain() + '\u0000' + run.policy(), k -> new ArrayList<>()).add(run);
        }
        return List.copyOf(groups.values());
    }
}
