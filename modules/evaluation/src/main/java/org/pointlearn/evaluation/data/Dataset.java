package org.pointlearn.evaluation.data;

import java.util.List;
import java.util.Optional;

/**
 * The readable image/mask pairs of one domain folder and the files that were skipped.
 *
 * @param domain the name of the domain folder
 * @param samples the pairs, sorted by id
 * @param problems the skipped files with their reasons, sorted by file name
 */
public record Dataset(String domain, List<Sample> samples, List<DatasetProblem> problems) {

    /** Makes both lists unmodifiable. */
    public Dataset {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }

    /** The ids of the samples, in order. */
    public List<String> ids() {
        return samples.stream().map(Sample::id).toList();
    }

    /** The sample with this id, if it was read. */
    public Optional<Sample> sample(String id) {
        return samples.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
