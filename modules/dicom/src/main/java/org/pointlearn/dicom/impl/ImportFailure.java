package org.pointlearn.dicom.impl;

import java.nio.file.Path;

/**
 * A file an import skipped, with the reason in words.
 *
 * @param file the file
 * @param reason why it was not imported, e.g. "not a DICOM file (no DICM marker)"
 */
record ImportFailure(Path file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
