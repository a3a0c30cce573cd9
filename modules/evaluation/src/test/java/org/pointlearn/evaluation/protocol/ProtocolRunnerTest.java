package org.pointlearn.evaluation.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

class ProtocolRunnerTest {

    /** A 40x30 image with a bright square that is also the ground truth. */
    private static Sample square(String id, int x0, int y0, int size) {
        float[] truth = new float[40 * 30];
        for (int y = y0; y < y0 + size; y++) {
            for (int x = x0; x < x0 + size; x++) {
                truth[y * 40 + x] = 1;
            }
        }
        float[] pixels = truth.clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = 20 + 200 * pixels[i];
        }
        return new Sample(id, Image2D.grey(40, 30, pixels), Mask2D.threshold(truth, 40, 30, 0.5f));
    }

    /** Predicts the bright pixels once clicked: perfect after one click. */
    private static final class Thresholder implements InteractiveSegmenter {
        final List<Mask2D> accepted = new ArrayList<>();

        @Override
        public float[] predict(Image2D image, List<Click> clicks, float[] previous) {
            float[] p = new float[image.width() * image.height()];
            for (int i = 0; i < p.length; i++) {
                p[i] = image.data()[i] > 100 ? 0.9f : 0.1f;
            }
            return p;
        }

        @Override
        public void accept(Image2D image, Mask2D finalMask, List<Click> clicks) {
            accepted.add(finalMask);
        }
    }

    /**
     * Shows half of the square after a click and offers the whole of it on S: the user who presses S
     * keeps the whole one; a worse other mask is pressed away again.
     */
    /** A click looked at through {@code count} squares, S going round them; one of them gives the whole square. */
    private static final class Squares implements InteractiveSegmenter {
        final int count;
        final int better;
        int presses;
        int shown;
        private Image2D image;

        Squares(int count, int better) {
            this.count = count;
            this.better = better;
        }

        /** Square i's mask: the whole bright square for the better one, else a part of it, each another. */
        private float[] mask(int i) {
            float[] p = new float[image.width() * image.height()];
            for (int j = 0; j < p.length; j++) {
                boolean bright = image.data()[j] > 100;
                p[j] = bright && (i == better || j % image.width() < 15 - i) ? 0.9f : 0.1f;
            }
            return p;
        }

        @Override
        public float[] predict(Image2D image, List<Click> clicks, float[] previous) {
            this.image = image;
            shown = 0;
            return mask(0);
        }

        @Override
        public float[] otherSquare() {
            presses++;
            if (count == 1) {
                return null;
            }
            shown = (shown + 1) % count;
            return mask(shown);
        }
    }

    @Test
    void aUserWhoPressesSGoesRoundTheSquaresAndKeepsTheClosest() throws Exception {
        Sample sample = square("a", 10, 5, 10);
        ImageResult plain = new ProtocolRunner(1).segment(sample, new Squares(2, 1));
        assertEquals(0.5 / 0.75, plain.diceAt(1), 1e-6, "the first square's part of the object");

        Squares two = new Squares(2, 1);
        ImageResult pressing = new ProtocolRunner(1).pressingS().segment(sample, two);
        assertEquals(1.0, pressing.diceAt(1), 1e-6, "S gave the whole square");
        assertEquals(1, two.shown, "and it is the one shown");
        assertEquals(3, two.presses, "round the two (S, S), then S to the better one");
        assertEquals(plain.clicks(), pressing.clicks(), "S is not a click");

        Squares firstBest = new Squares(2, 0);
        assertEquals(1.0, new ProtocolRunner(1).pressingS().segment(sample, firstBest).diceAt(1), 1e-6,
                "the better mask was shown first and is kept");
        assertEquals(2, firstBest.presses, "S, then S again to come back");
        assertEquals(0, firstBest.shown);

        Squares three = new Squares(3, 2);
        assertEquals(1.0, new ProtocolRunner(1).pressingS().segment(sample, three).diceAt(1), 1e-6,
                "the third square (the small one) when it is the closest");
        assertEquals(2, three.shown);
        assertEquals(3 + 2, three.presses);

        Squares one = new Squares(1, 0);
        assertEquals(1.0, new ProtocolRunner(1).pressingS().segment(sample, one).diceAt(1), 1e-6);
        assertEquals(1, one.presses, "one square: S says so and nothing changes");
    }

    @Test
    void aPerfectPredictionStopsAfterOneClick() throws Exception {
        Sample sample = square("a", 10, 5, 9);
        ImageResult result = new ProtocolRunner().segment(sample, new Thresholder());
        assertEquals(List.of(new Click(14, 9, true)), result.clicks());
        assertEquals(1.0, result.diceAt(1));
        assertEquals(1.0, result.diceAt(20));
        assertEquals(1, result.noc90());
        assertEquals(1.0, result.auc());
    }

    @Test
    void aSegmenterThatIgnoresClicksGetsTwentyDistinctClicksAndNoc20() throws Exception {
        Sample sample = square("a", 10, 5, 12);
        List<Mask2D> accepted = new ArrayList<>();
        InteractiveSegmenter blind = new InteractiveSegmenter() {
            @Override
            public float[] predict(Image2D image, List<Click> clicks, float[] previous) {
                return new float[image.width() * image.height()];
            }

            @Override
            public void accept(Image2D image, Mask2D finalMask, List<Click> clicks) {
                accepted.add(finalMask);
            }
        };
        ImageResult result = new ProtocolRunner().segment(sample, blind);
        assertEquals(20, result.clicks().size());
        assertEquals(20, new HashSet<>(result.clicks()).size());
        assertTrue(result.clicks().stream().allMatch(Click::positive));
        assertEquals(20, result.noc85());
        assertEquals(0.0, result.auc());
        assertEquals(List.of(Mask2D.empty(40, 30)), accepted);
    }

    @Test
    void previousProbabilityIsZerosFirstThenTheLastPrediction() throws Exception {
        List<float[]> seen = new ArrayList<>();
        List<float[]> returned = new ArrayList<>();
        InteractiveSegmenter recorder = (image, clicks, previous) -> {
            seen.add(previous);
            float[] p = new float[image.width() * image.height()];
            p[clicks.size()] = 0.3f;
            returned.add(p);
            return p;
        };
        new ProtocolRunner(3).segment(square("a", 10, 5, 9), recorder);
        assertEquals(3, seen.size());
        assertArrayEquals(new float[40 * 30], seen.get(0));
        assertArrayEquals(returned.get(0), seen.get(1));
        assertArrayEquals(returned.get(1), seen.get(2));
    }

    @Test
    void imagesAreProcessedInTheGivenOrderAndEachIsAccepted() throws Exception {
        Thresholder segmenter = new Thresholder();
        List<Sample> sequence = List.of(square("b", 2, 2, 5), square("a", 20, 10, 7));
        List<String> progress = new ArrayList<>();
        PolicyRun run = new ProtocolRunner().run("synthetic", "frozen", sequence, segmenter,
                r -> progress.add(r.image()));
        assertEquals(List.of("b", "a"), run.images().stream().map(ImageResult::image).toList());
        assertEquals(List.of("b", "a"), progress);
        assertEquals(List.of(sequence.get(0).mask(), sequence.get(1).mask()), segmenter.accepted);
    }

    @Test
    void aPredictionOfTheWrongSizeIsReportedWithPolicyAndImage() {
        InteractiveSegmenter wrong = (image, clicks, previous) -> new float[10];
        SegmentationException e = assertThrows(SegmentationException.class, () -> new ProtocolRunner()
                .run("synthetic", "broken", List.of(square("img-7", 2, 2, 5)), wrong));
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
        assertTrue(e.getMessage().contains("synthetic/img-7"), e.getMessage());
        assertTrue(e.getMessage().contains("10 probabilities for a 40x30 image"), e.getMessage());
    }

    @Test
    void theClickBudgetSetsTheCurveLength() throws Exception {
        InteractiveSegmenter blind = (image, clicks, previous) -> new float[image.width() * image.height()];
        ImageResult result = new ProtocolRunner(5).segment(square("a", 10, 5, 12), blind);
        assertEquals(5, result.curve().length());
        assertEquals(5, result.clicks().size());
        assertThrows(IllegalArgumentException.class, () -> new ProtocolRunner(0));
    }
}
