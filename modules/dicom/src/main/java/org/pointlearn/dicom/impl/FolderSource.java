package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pointlearn.dicom.api.DicomException;

/** The files under a folder, recursively, referenced in place. */
final class FolderSource {

    private FolderSource() {
    }

    /**
     * Lists every regular file under the folder in path order. DICOMDIR files are left out:
     * they index media, they are not images, and the images they list are in the walk anyway.
     *
     * @throws DicomException when the folder cannot be listed
     */
    static ImportSet list(Path folder) throws DicomException {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<ImportCandidate> files = walk.filter(Files::isRegularFile)
                    .filter(file -> !DicomDirSource.isNamedDicomDir(file))
                    .sorted()
                    .map(ImportCandidate::inPlace)
                    .toList();
            return new ImportSet(files, List.of(), null);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DicomException("Cannot list the files of " + folder + ": " + e.getMessage(), e);
        }
    }
}
