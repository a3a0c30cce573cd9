package org.pointlearn.evaluation.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.pointlearn.evaluation.data.Sample;

/** The orders in which a domain's images are shown: the fixed order and seeded random ones. */
public final class SampleOrder {

    private SampleOrder() {
    }

    /** The fixed order: sorted by id. */
    public static List<Sample> fixed(List<Sample> samples) {
        List<Sample> order = new ArrayList<>(samples);
        order.sort(Comparator.comparing(Sample::id));
        return List.copyOf(order);
    }

    /** A random order that the same seed always reproduces. */
    public static List<Sample> shuffled(List<Sample> samples, long seed) {
        List<Sample> order = new ArrayList<>(fixed(samples));
        Collections.shuffle(order, new Random(seed));
        return List.copyOf(order);
    }
}
