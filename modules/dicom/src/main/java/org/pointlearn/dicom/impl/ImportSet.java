package org.pointlearn.dicom.impl;

import java.nio.file.Path;
import java.util.List;
import org.pointlearn.dicom.api.ImportFailure;

/**
 * The files an import source yields, before their headers are read.
 *
 * @param candidates the files to read, in a stable order
 * @param failures entries that could not even be listed (missing references, unsafe zip entries)
 * @param copies the store folder the files were copied into, or null when they are referenced in place
 */
record ImportSet(List<ImportCandidate> candidates, List<ImportFailure> failures, Path copies) {

    /** Copies the lists. */
    ImportSet {
        candidates = List.copyOf(candidates);
        failures = List.copyOf(failures);
    }

    /** Whether the files are copies the index owns (and must delete when not indexed). */
    boolean copied() {
        return copies != null;
    }
}
