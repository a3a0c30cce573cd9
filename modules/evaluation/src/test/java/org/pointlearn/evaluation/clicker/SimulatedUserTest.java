package org.pointlearn.evaluation.clicker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;

class SimulatedUserTest {

    private final SimulatedUser user = new SimulatedUser();

    @Test
    void firstClickOnAnEmptyPredictionIsAtTheCentreOfASquareAndPositive() {
        Mask2D truth = Masks.rectangle(64, 48, 20, 10, 41, 31);
        Click click = user.nextClick(truth, Mask2D.empty(64, 48), List.of()).orElseThrow();
        assertEquals(new Click(30, 20, true), click);
    }

    @Test
    void falsePositiveBlobGetsANegativeClickInsideIt() {
        Mask2D truth = Masks.rectangle(100, 100, 10, 10, 30, 30);
        Mask2D blob = Masks.rectangle(100, 100, 60, 50, 85, 75);
        Click click = user.nextClick(truth, Masks.union(truth, blob), List.of()).orElseThrow();
        assertFalse(click.positive());
        assertEquals(72, click.x());
        assertEquals(62, click.y());
    }

    @Test
    void deeperMissedRegionWinsOverAShallowFalsePositive() {
        Mask2D truth = Masks.rectangle(100, 100, 10, 10, 50, 50);
        Mask2D prediction = Masks.rectangle(100, 100, 70, 70, 74, 74);
        assertTrue(user.nextClick(truth, prediction, List.of()).orElseThrow().positive());
    }

    @Test
    void equallyDeepRegionsGiveAPositiveClick() {
        Mask2D truth = Masks.rectangle(60, 60, 5, 5, 16, 16);
        Mask2D prediction = Masks.rectangle(60, 60, 30, 30, 41, 41);
        assertEquals(new Click(10, 10, true), user.nextClick(truth, prediction, List.of()).orElseThrow());
    }

    @Test
    void theImageEdgeCountsAsBorder() {
        Mask2D truth = Masks.rectangle(40, 20, 0, 0, 40, 20);
        Click click = user.nextClick(truth, Mask2D.empty(40, 20), List.of()).orElseThrow();
        assertTrue(click.y() == 9 || click.y() == 10, click.toString());
        assertTrue(click.x() >= 9 && click.x() <= 30, click.toString());
    }

    @Test
    void noErrorMeansNoClick() {
        Mask2D truth = Masks.rectangle(30, 30, 5, 5, 20, 20);
        assertEquals(Optional.empty(), user.nextClick(truth, truth, List.of()));
    }

    @Test
    void neverClicksTheSamePixelTwiceWhenThePredictionIgnoresClicks() {
        Mask2D truth = Masks.rectangle(64, 64, 20, 20, 44, 44);
        Mask2D prediction = Masks.rectangle(64, 64, 0, 0, 10, 10);
        List<Click> clicks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clicks.add(user.nextClick(truth, prediction, clicks).orElseThrow());
        }
        Set<List<Integer>> pixels = new HashSet<>();
        for (Click c : clicks) {
            assertTrue(pixels.add(List.of(c.x(), c.y())), "clicked twice: " + c);
            assertTrue(truth.get(c.x(), c.y()) != prediction.get(c.x(), c.y()), "click on a correct pixel: " + c);
        }
    }

    @Test
    void turnsToTheOtherRegionWhenEveryPixelOfTheDeeperOneWasClicked() {
        Mask2D truth = Masks.rectangle(20, 20, 2, 2, 4, 4);
        Mask2D prediction = Masks.rectangle(20, 20, 10, 10, 11, 11);
        List<Click> clicks = List.of(new Click(2, 2, true), new Click(3, 2, true), new Click(2, 3, true),
                new Click(3, 3, true));
        assertEquals(new Click(10, 10, false), user.nextClick(truth, prediction, clicks).orElseThrow());
        List<Click> all = new ArrayList<>(clicks);
        all.add(new Click(10, 10, false));
        assertEquals(Optional.empty(), user.nextClick(truth, prediction, all));
    }
}
