package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;

/** The files of a staging folder (a retrieve), moved into the store in one rename and owned from then on. */
final class StagedSource {

    private StagedSource() {
    }

    /**
     * Moves the folder into {@code store/files/<its name>} and lists its files.
     *
     * @throws DicomException when the folder cannot be moved or listed
     */
    static ImportSet adopt(Path stagingFolder, IndexLocation location) throws DicomException {
        Path target = location.copies().resolve(stagingFolder.getFileName().toString());
        try {
            Files.createDirectories(target.getParent());
            Files.move(stagingFolder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DicomException("Cannot move the retrieved files from " + stagingFolder + " into the store: "
                    + e.getMessage(), e);
        }
        ImportSet listed = FolderSource.list(target);
        List<ImportCandidate> files = listed.candidates();
        return new ImportSet(files, listed.failures(), target);
    }
}
