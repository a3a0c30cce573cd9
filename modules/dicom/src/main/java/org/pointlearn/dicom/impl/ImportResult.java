package org.pointlearn.dicom.impl;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported instances newly indexed
 * @param duplicates instances skipped because their SOP Instance UID was already indexed
 * @param failed files that could not be imported, with the reason
 */
record ImportResult(int imported, int duplicates, List<ImportFailure> failed) {

    /** Copies the failure list. */
    ImportResult {
        failed = List.copyOf(failed);
    }
}
