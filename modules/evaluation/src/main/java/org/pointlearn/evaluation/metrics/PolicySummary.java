package org.pointlearn.evaluation.metrics;

import java.util.Arrays;
import java.util.List;

/** Means of the protocol metrics over the images of one policy run on one domain. */
public final class PolicySummary {

    private final String domain;
    private final String policy;
    private final int images;
    private final double[] meanDice;
    private final double noc85;
    private final double noc90;
    private final double auc;

    private PolicySummary(String domain, String policy, int images, double[] meanDice, double noc85, double noc90,
            double auc) {
        this.domain = domain;
        this.policy = policy;
        this.images = images;
        this.meanDice = meanDice;
        this.noc85 = noc85;
        this.noc90 = noc90;
        this.auc = auc;
    }

    /** Averages the results of at least one image; all curves must have the same length. */
    public static PolicySummary of(String domain, String policy, List<ImageResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no image results for " + domain + " / " + policy);
        }
        int length = results.get(0).curve().length();
        double[] sum = new double[length];
        for (ImageResult r : results) {
            if (r.curve().length() != length) {
                throw new IllegalArgumentException("image " + r.image() + " has " + r.curve().length()
                        + " clicks, others " + length);
            }
            for (int k = 1; k <= length; k++) {
                sum[k - 1] += r.diceAt(k);
            }
        }
        int n = results.size();
        double[] mean = Arrays.stream(sum).map(s -> s / n).toArray();
        return new PolicySummary(domain, policy, n, mean,
                results.stream().mapToInt(ImageResult::noc85).average().orElseThrow(),
                results.stream().mapToInt(ImageResult::noc90).average().orElseThrow(),
                results.stream().mapToDouble(ImageResult::auc).average().orElseThrow());
    }

    /**
     * Several domains' summaries as one: every mean is the mean of the domains' means (each domain
     * counts once, however many images it has), the images are added up.
     *
     * @param label what the summary is of (its domain name)
     * @param parts at least one summary, curves of one length
     */
    public static PolicySummary meanOfDomains(String label, List<PolicySummary> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no domains for " + label);
        }
        int length = parts.get(0).clicks();
        double[] mean = new double[length];
        for (PolicySummary p : parts) {
            if (p.clicks() != length) {
                throw new IllegalArgumentException(p.domain() + " has " + p.clicks() + " clicks, others " + length);
            }
            for (int k = 0; k < length; k++) {
                mean[k] += p.meanDice[k] / parts.size();
            }
        }
        return new PolicySummary(label, parts.get(0).policy(), parts.stream().mapToInt(PolicySummary::images).sum(), mean,
                parts.stream().mapToDouble(PolicySummary::noc85).average().orElseThrow(),
                parts.stream().mapToDouble(PolicySummary::noc90).average().orElseThrow(),
                parts.stream().mapToDouble(PolicySummary::auc).average().orElseThrow());
    }

    /** The domain name. */
    public String domain() {
        return domain;
    }

    /** The policy name. */
    public String policy() {
        return policy;
    }

    /** Number of images averaged. */
    public int images() {
        return images;
    }

    /** Number of clicks of the curves. */
    public int clicks() {
        return meanDice.length;
    }

    /** Mean Dice after k clicks (k = 1 .. clicks()). */
    public double diceAt(int k) {
        if (k < 1 || k > meanDice.length) {
            throw new IllegalArgumentException("k must be in 1.." + meanDice.length + ", got " + k);
        }
        return meanDice[k - 1];
    }

    /** Mean NoC@85. */
    public double noc85() {
        return noc85;
    }

    /** Mean NoC@90. */
    public double noc90() {
        return noc90;
    }

    /** Mean normalised area under the Dice-vs-clicks curve. */
    public double auc() {
        return auc;
    }
}
