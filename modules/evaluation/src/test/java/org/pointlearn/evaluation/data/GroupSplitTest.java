package org.pointlearn.evaluation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupSplitTest {

    private static List<String> ids(int patients, int slices) {
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            for (int s = 0; s < slices; s++) {
                ids.add(String.format("PAT-%03d_%04d", p, s));
            }
        }
        return ids;
    }

    @Test
    void noPatientIsOnBothSides() {
        DataSplit split = GroupSplit.split(ids(10, 5), 0.3, 7);
        Set<String> trainGroups = new HashSet<>(split.train().stream().map(PatientGroups::of).toList());
        for (String id : split.validation()) {
            assertFalse(trainGroups.contains(PatientGroups.of(id)), id);
        }
        assertEquals(3, split.validationGroups().size());
        assertEquals(15, split.validation().size());
        assertEquals(35, split.train().size());
    }

    @Test
    void sameSeedSameSplitWhateverTheInputOrder() {
        List<String> ids = ids(12, 3);
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        assertEquals(GroupSplit.split(ids, 0.25, 42), GroupSplit.split(reversed, 0.25, 42));
    }

    @Test
    void otherSeedsGiveOtherSplits() {
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 5; seed++) {
            seen.add(GroupSplit.split(ids(20, 2), 0.2, seed).validationGroups());
        }
        assertTrue(seen.size() > 1);
    }

    @Test
    void recordsSeedAndFraction() {
        DataSplit split = GroupSplit.split(ids(4, 1), 0.5, 99);
        assertEquals(99, split.seed());
        assertEquals(0.5, split.validationFraction());
    }

    @Test
    void keepsAtLeastOnePatientOnEachSide() {
        assertEquals(1, GroupSplit.split(ids(5, 2), 0.01, 1).validationGroups().size());
        assertEquals(4, GroupSplit.split(ids(5, 2), 0.99, 1).validationGroups().size());
        assertTrue(GroupSplit.split(ids(5, 2), 0, 1).validation().isEmpty());
    }

    @Test
    void refusesToSplitASinglePatient() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupSplit.split(ids(1, 8), 0.2, 1));
        assertTrue(e.getMessage().contains("PAT-000"), e.getMessage());
    }

    @Test
    void refusesAFractionOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> GroupSplit.split(ids(4, 1), 1.0, 1));
        assertNotEquals(null, GroupSplit.split(ids(4, 1), 0.0, 1));
    }
}
