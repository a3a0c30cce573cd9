package org.pointlearn.dicom.api;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported instances newly indexed
 * @param duplicates instances skipped because their SOP Instance UID was already indexed
 * @param failed files that could not be imported, with the reason
 * @param cancelled whether the user stopped the import before every file was read
 */
public record ImportResult(int imported, int duplicates, List<ImportFailure> failed, boolean cancelled) {

    /** Copies the failure list. */
    public ImportResult {
        failed = List.copyOf(failed);
    }

    /** The one-line summary the import command prints, e.g. "imported 63, duplicates 0, failed 1". */
    public String summary() {
        return "imported " + imported + ", duplicates " + duplicates + ", failed " + failed.size();
    }
}
