package org.pointlearn.dicom.api;

/**
 * A file an import skipped, with the reason in words.
 *
 * @param source the file, or {@code archive.zip!entry} for an entry of a zip file
 * @param reason why it was not imported, e.g. "not a DICOM file (no DICM marker)"
 */
public record ImportFailure(String source, String reason) {

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
