package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.ModelCard;

class TrainingViewsTest {

    private static final ModelCard.Focus ZOOM = new ModelCard.Focus(ModelCard.Focus.Policy.ZOOM, 0.35, 1.4, 0.08, 2, 0, false, 0, 0, 0, 0);

    private static Mask2D disk(int size, int cx, int cy, int r) {
        Mask2D m = Mask2D.empty(size, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    m = m.with(x, y, true);
                }
            }
        }
        return m;
    }

    @Test
    void firstClickSquaresSpanTheGivenSidesOrStayNearTheCardsSide() {
        Mask2D lesion = disk(400, 200, 200, 6);
        double least = 1;
        double largest = 0;
        int first = 0;
        Random rnd = new Random(7);
        for (int n = 0; n < 400; n++) {
            TrainingViews v = TrainingViews.draw(lesion, ZOOM, new double[] {0.1, 0.5}, rnd);
            if (!v.firstClick()) {
                continue;
            }
            first++;
            double side = v.region().width() / 400;
            if (side <= 0.5 * 1.0001) { // the views zoomed out twice are left aside
                least = Math.min(least, side);
                largest = Math.max(largest, side);
            }
        }
        assertTrue(first > 100, "about a third are first-click views: " + first);
        assertTrue(least >= 0.1 * 0.9999 && least < 0.13, "the smallest square is near a tenth of the slice: " + least);
        assertTrue(largest > 0.42, "the largest near half of it: " + largest);

        least = 1;
        largest = 0;
        for (int n = 0; n < 400; n++) {
            TrainingViews v = TrainingViews.draw(lesion, ZOOM, rnd);
            double side = v.region().width() / 400;
            if (v.firstClick() && side < 0.5) { // zoomed-out views are at least 0.56
                least = Math.min(least, side);
                largest = Math.max(largest, side);
            }
        }
        assertTrue(least >= 0.35 * 0.8 * 0.9999 && largest <= 0.35 * 1.25 * 1.0001,
                "without them, 0.8-1.25 times the card's side: " + least + " to " + largest);
    }

    @Test
    void theSidesAreCheckedWhenParsed() {
        String[] base = {"--data", "x", "--out", "y", "--first-sides"};
        for (String bad : new String[] {"0.5-0.1", "0-0.5", "0.1", "a-b", "0.1-1.5"}) {
            String[] args = java.util.Arrays.copyOf(base, base.length + 1);
            args[base.length] = bad;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.parse(args));
            assertTrue(e.getMessage().startsWith("--first-sides takes two fractions"), e.getMessage());
        }
        String[] good = {"--data", "x", "--out", "y", "--first-sides", "0.1-0.5"};
        assertEquals(0.5, TrainingOptions.parse(good).firstSides[1]);
    }
}
