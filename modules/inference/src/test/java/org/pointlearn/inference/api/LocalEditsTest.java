package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalEditsTest {

    private static final int W = 20;
    private static final int H = 10;

    /** Two blobs: columns 2..5 and 12..15 of rows 3..6. */
    private static float[] twoBlobs() {
        float[] m = new float[W * H];
        for (int y = 3; y <= 6; y++) {
            for (int x = 2; x <= 5; x++) {
                m[y * W + x] = 0.9f;
                m[y * W + x + 10] = 0.8f;
            }
        }
        return m;
    }

    @Test
    void aNegativeClickNeverAddsForeground() {
        float[] previous = new float[W * H];
        previous[4 * W + 3] = 0.7f;
        float[] next = twoBlobs();
        LocalEdits.apply(next, previous, List.of(new Click(3, 4, true), new Click(13, 4, false)), W, H,
                ModelCard.Edits.DEFAULT);
        for (int i = 0; i < next.length; i++) {
            float expected = i == 4 * W + 3 ? 1f : Math.min(twoBlobs()[i], previous[i]); // the positive click's pixel
            assertEquals(expected, next[i], 0, "pixel " + i);
        }
        float[] fromNothing = twoBlobs();
        LocalEdits.apply(fromNothing, null, List.of(new Click(0, 0, false)), W, H, ModelCard.Edits.DEFAULT);
        assertEquals(0f, fromNothing[4 * W + 3], "a first negative click adds nothing");
    }

    @Test
    void everyClickedPixelHasItsClicksLabel() {
        float[] next = new float[W * H];
        next[1 * W + 1] = 0.9f;
        LocalEdits.apply(next, null, List.of(new Click(1, 1, false), new Click(8, 8, true)), W, H,
                ModelCard.Edits.DEFAULT);
        assertEquals(0f, next[1 * W + 1]);
        ModelCard.Edits positiveOnly = new ModelCard.Edits(false, true, false);
        float[] again = new float[W * H];
        LocalEdits.apply(again, null, List.of(new Click(8, 8, true)), W, H, positiveOnly);
        assertEquals(1f, again[8 * W + 8], "a positive click never leaves its own pixel outside the mask");
    }

    @Test
    void optionallyOnlyThePartsTouchingAPositiveClickStay() {
        ModelCard.Edits rules = new ModelCard.Edits(true, true, true);
        float[] next = twoBlobs();
        LocalEdits.apply(next, null, List.of(new Click(3, 4, true)), W, H, rules);
        assertEquals(0.9f, next[5 * W + 5], 0, "the clicked blob stays");
        assertEquals(0f, next[5 * W + 15], 0, "the other blob goes");
        float[] untouched = twoBlobs();
        LocalEdits.apply(untouched, null, List.of(new Click(3, 4, true)), W, H, ModelCard.Edits.DEFAULT);
        assertEquals(0.8f, untouched[5 * W + 15], 0, "off by default");
    }
}
