package org.pointlearn.dicom.impl;

import java.nio.file.Path;

/**
 * A file an import will read.
 *
 * @param file where it is on disk (for zip entries: the copy in the store)
 * @param source how the user knows it, for the summary (the file, or {@code archive.zip!entry})
 */
record ImportCandidate(Path file, String source) {

    /** A file imported where it lies. */
    static ImportCandidate inPlace(Path file) {
        return new ImportCandidate(file, file.toString());
    }
}
