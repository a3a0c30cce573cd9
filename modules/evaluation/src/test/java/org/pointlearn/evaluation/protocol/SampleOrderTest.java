package org.pointlearn.evaluation.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;

class SampleOrderTest {

    private static List<Sample> samples(String... ids) {
        List<Sample> list = new ArrayList<>();
        for (String id : ids) {
            list.add(new Sample(id, Image2D.grey(1, 1, new float[1]), Mask2D.empty(1, 1)));
        }
        return list;
    }

    private static List<String> ids(List<Sample> samples) {
        return samples.stream().map(Sample::id).toList();
    }

    @Test
    void fixedOrderIsById() {
        assertEquals(List.of("a", "b", "c"), ids(SampleOrder.fixed(samples("c", "a", "b"))));
    }

    @Test
    void shuffledOrdersAreReproducibleAndDiffer() {
        List<Sample> s = samples("a", "b", "c", "d", "e", "f", "g", "h");
        assertEquals(ids(SampleOrder.shuffled(s, 1)), ids(SampleOrder.shuffled(s, 1)));
        assertNotEquals(ids(SampleOrder.shuffled(s, 1)), ids(SampleOrder.shuffled(s, 2)));
        assertEquals(ids(SampleOrder.shuffled(s, 3)), ids(SampleOrder.shuffled(SampleOrder.shuffled(s, 9), 3)));
    }
}
