package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.SliceTest;

class TestRecordTest {

    private static SliceTest test(String version, double active, double base) {
        return new SliceTest("img", version, active, base, 1);
    }

    @Test
    void aWindowOfWorseSlicesSlowsLearningTwiceThenReturnsToTheBestVersion() {
        TestRecord r = new TestRecord(2, 0.01);
        assertEquals(TestRecord.Reaction.NONE, r.add(test("v0", 0.80, 0.80)), "one slice is no window yet");
        assertEquals(TestRecord.Reaction.SLOW_DOWN, r.add(test("v1", 0.70, 0.80)), "mean margin -0.05");
        assertEquals(0.5, r.learningScale());
        assertEquals(List.of(0.0, -0.1), r.judged().stream().map(t -> Math.round(t.margin() * 100) / 100.0).toList());
        assertEquals(TestRecord.Reaction.NONE, r.add(test("v2", 0.85, 0.80)), "a new window starts after a reaction");
        assertEquals(TestRecord.Reaction.SLOW_DOWN, r.add(test("v3", 0.60, 0.80)), "mean margin -0.075");
        assertEquals(TestRecord.SLOWEST, r.learningScale());
        r.add(test("v4", 0.70, 0.80));
        assertEquals(TestRecord.Reaction.RETURN_TO_BEST, r.add(test("v5", 0.70, 0.80)));
        assertEquals(TestRecord.SLOWEST, r.learningScale(), "the slowed rate stays");
        assertEquals("v2", r.bestVersion("v0"), "v2 beat the base by the most");
    }

    @Test
    void withinTheMarginOrWithoutAWindowNothingHappens() {
        TestRecord r = new TestRecord(3, 0.02);
        for (int i = 0; i < 9; i++) {
            assertEquals(TestRecord.Reaction.NONE, r.add(test("v" + i, 0.79, 0.80)), "1 point worse, 2 tolerated");
        }
        assertEquals(1, r.learningScale());
        assertEquals("v0", new TestRecord(3, 0.02).bestVersion("v0"), "no test beat the base: the base");
        TestRecord off = new TestRecord(0, 0);
        for (int i = 0; i < 5; i++) {
            assertEquals(TestRecord.Reaction.NONE, off.add(test("v" + i, 0.1, 0.9)));
        }
        assertEquals(5, off.all().size(), "the record is kept even when it never reacts");
    }
}
