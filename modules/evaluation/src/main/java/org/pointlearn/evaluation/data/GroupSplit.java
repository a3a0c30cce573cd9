package org.pointlearn.evaluation.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Deterministic train/validation split by patient group: the sorted groups are shuffled with the
 * seed and the first {@code round(fraction * groups)} of them (at least one, never all) go to
 * validation. The same ids, fraction and seed always give the same split.
 */
public final class GroupSplit {

    private GroupSplit() {
    }

    /** Splits ids grouped by {@link PatientGroups#of(String)}. */
    public static DataSplit split(Collection<String> ids, double validationFraction, long seed) {
        return split(ids, validationFraction, seed, PatientGroups::of);
    }

    /** Splits ids grouped by the given function (id to group). */
    public static DataSplit split(Collection<String> ids, double validationFraction, long seed,
            Function<String, String> grouping) {
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        Set<String> sortedIds = new TreeSet<>(ids);
        List<String> groups = new ArrayList<>(new TreeSet<>(sortedIds.stream().map(grouping).toList()));
        int held = validationCount(groups, validationFraction);
        Collections.shuffle(groups, new Random(seed));
        Set<String> validationGroups = new TreeSet<>(groups.subList(0, held));
        List<String> train = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        for (String id : sortedIds) {
            (validationGroups.contains(grouping.apply(id)) ? validation : train).add(id);
        }
        return new DataSplit(seed, validationFraction, train, validation, List.copyOf(validationGroups));
    }

    private static int validationCount(List<String> groups, double fraction) {
        if (fraction == 0) {
            return 0;
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException("cannot hold out a validation set: the " + groups.size()
                    + " group(s) " + groups + " cannot be split; at least two patients are needed");
        }
        int held = (int) Math.round(fraction * groups.size());
        return Math.max(1, Math.min(groups.size() - 1, held));
    }
}
