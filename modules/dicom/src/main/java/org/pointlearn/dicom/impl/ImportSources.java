package org.pointlearn.dicom.impl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportMonitor;

/** Turns what the user chose (a folder, a DICOMDIR, a zip file or one file) into the files to read. */
final class ImportSources {

    private ImportSources() {
    }

    /**
     * Lists the files of a source; zip archives are extracted into the store first.
     *
     * @throws DicomException when the source is missing or cannot be listed or extracted
     */
    static ImportSet open(Path source, IndexLocation location, ImportMonitor monitor) throws DicomException {
        if (!Files.exists(source)) {
            throw new DicomException(source + " does not exist");
        }
        if (!Files.isReadable(source)) {
            throw new DicomException(source + " cannot be read: permission denied");
        }
        if (Files.isDirectory(source)) {
            return FolderSource.list(source);
        }
        if (DicomDirSource.isNamedDicomDir(source)) {
            return DicomDirSource.list(source);
        }
        if (ZipSource.isZip(source)) {
            return new ZipSource(location).extract(source, monitor);
        }
        return new ImportSet(List.of(ImportCandidate.inPlace(source)), List.of(), null);
    }
}
