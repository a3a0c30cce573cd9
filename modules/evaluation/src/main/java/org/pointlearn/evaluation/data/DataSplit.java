package org.pointlearn.evaluation.data;

import java.util.List;

/**
 * Which ids are used for training and which for validation, with what produced the split, so a
 * model card can record it.
 *
 * @param seed the seed of the shuffle of groups
 * @param validationFraction the requested fraction of groups held out for validation
 * @param train the training ids, sorted
 * @param validation the validation ids, sorted
 * @param validationGroups the groups (patients) held out, sorted
 */
public record DataSplit(long seed, double validationFraction, List<String> train, List<String> validation,
        List<String> validationGroups) {

    /** Makes the lists unmodifiable. */
    public DataSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        validationGroups = List.copyOf(validationGroups);
    }
}
