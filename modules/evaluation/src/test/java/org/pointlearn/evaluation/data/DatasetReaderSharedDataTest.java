package org.pointlearn.evaluation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.imaging.api.Image2D;

class DatasetReaderSharedDataTest {

    private final DatasetReader reader = new DatasetReader();

    @ParameterizedTest
    @CsvSource({"fundus-idrid, 20, 3, 1024, 680", "brain-mets-t2w, 30, 1, 512, 512",
        "brain-ms-flair, 28, 1, 512, 512", "brain-ms-t1, 20, 1, 512, 512"})
    void readsEveryPairOfTheSharedDomains(String domain, int count, int channels, int width, int height)
            throws DatasetException {
        Dataset dataset = reader.read(SharedData.domain(domain));
        assertEquals(domain, dataset.domain());
        assertEquals(count, dataset.samples().size());
        assertEquals(List.of(), dataset.problems());
        for (Sample s : dataset.samples()) {
            assertEquals(channels, s.image().channels(), s.id());
            assertEquals(width, s.image().width(), s.id());
            assertEquals(height, s.image().height(), s.id());
            assertTrue(s.mask().area() > 0, s.id());
        }
    }

    @Test
    void samplesAreSortedById() throws DatasetException {
        List<String> ids = reader.read(SharedData.domain("brain-mets-t2w")).ids();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        assertEquals("BraTS-MET-00230-000_1057", ids.get(0));
    }

    @Test
    void fundusValuesAreStoredEightBitColours() throws DatasetException {
        Image2D image = reader.read(SharedData.domain("fundus-idrid")).samples().get(0).image();
        float max = 0;
        for (float v : image.data()) {
            assertTrue(v >= 0 && v <= 255);
            max = Math.max(max, v);
        }
        assertTrue(max > 128, "a fundus photograph has bright pixels, max was " + max);
        float red = mean(image.channel(0));
        float blue = mean(image.channel(2));
        assertTrue(red > blue, "fundus images are reddish: red " + red + ", blue " + blue);
    }

    private static float mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return (float) (sum / values.length);
    }
}
