package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Reorientation;
import org.pointlearn.imaging.api.Volume;

/**
 * Builds the demo study, an axial MR series of the Colin27 T1 brain template, in a folder
 * of its own. A series is written under a temporary name and renamed when complete, so a
 * folder named after a series UID always holds the whole series.
 */
final class DemoStudyBuilder {

    /** Where Debian's mricron-data installs the Colin27 template. */
    static final Path DEBIAN_TEMPLATE = Path.of("/usr/share/mricron/templates/ch2.nii.gz");
    /** The PatientID that marks the demo study. */
    static final String PATIENT_ID = "PL-DEMO-COLIN27";
    static final String PATIENT_NAME = "Colin27^Demo";
    static final String STUDY_DESCRIPTION = "Pointlearn demo: Colin27 brain MRI";
    static final String SERIES_DESCRIPTION = "T1 1 mm (Colin27 template)";

    private static final String UNFINISHED_PREFIX = ".partial-";

    private final Path template;
    private final Path demoFolder;

    /**
     * @param template the Colin27 NIfTI file
     * @param demoFolder where demo series folders are created
     */
    DemoStudyBuilder(Path template, Path demoFolder) {
        this.template = template;
        this.demoFolder = demoFolder;
    }

    /**
     * Reads the template in axial orientation.
     *
     * @throws DicomException when the template is missing or unreadable
     */
    Volume readTemplate() throws DicomException {
        if (!Files.isRegularFile(template)) {
            throw new DicomException("The demo study needs Debian's mricron-data package (" + template
                    + " is missing): sudo apt-get install mricron-data");
        }
        try {
            return Reorientation.toAxial(NiftiReader.read(template));
        } catch (IOException e) {
            throw new DicomException("The demo template " + template + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the template volume as a new demo series.
     *
     * @param afterSlice told how many slices are written after each one; may throw to cancel
     * @return the complete series folder, {@code demoFolder/<SeriesInstanceUID>}
     * @throws DicomException when the series cannot be written; nothing is left behind then
     */
    Path write(Volume template, IntConsumer afterSlice) throws DicomException {
        SeriesMetadata metadata = SeriesMetadata.newStudy(PATIENT_NAME, PATIENT_ID, STUDY_DESCRIPTION,
                SERIES_DESCRIPTION);
        Path unfinished = demoFolder.resolve(UNFINISHED_PREFIX + metadata.seriesInstanceUid());
        Path complete = demoFolder.resolve(metadata.seriesInstanceUid());
        try {
            MrSeriesWriter.write(template, metadata, unfinished, afterSlice);
            Files.move(unfinished, complete, StandardCopyOption.ATOMIC_MOVE);
            return complete;
        } catch (DicomException | RuntimeException e) {
            deleteAfterFailure(unfinished, e);
            throw e;
        } catch (IOException e) {
            DicomException failure = new DicomException("Could not complete the demo series in " + complete
                    + ": " + e.getMessage(), e);
            deleteAfterFailure(unfinished, failure);
            throw failure;
        }
    }

    /** A demo series folder written completely but perhaps never indexed (e.g. after a crash). */
    Optional<Path> completedSeries() throws DicomException {
        return seriesFolders().stream().filter(f -> !isUnfinished(f)).findFirst();
    }

    /** Deletes series folders left half-written by an interrupted run. */
    void removeUnfinished() throws DicomException {
        for (Path folder : seriesFolders()) {
            if (isUnfinished(folder)) {
                try {
                    delete(folder);
                } catch (IOException e) {
                    throw new DicomException("Cannot remove the half-written demo series " + folder + ": "
                            + e.getMessage(), e);
                }
            }
        }
    }

    private static boolean isUnfinished(Path folder) {
        return folder.getFileName().toString().startsWith(UNFINISHED_PREFIX);
    }

    private List<Path> seriesFolders() throws DicomException {
        if (!Files.isDirectory(demoFolder)) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(demoFolder, Files::isDirectory)) {
            entries.forEach(folders::add);
        } catch (IOException e) {
            throw new DicomException("Cannot list the demo folder " + demoFolder + ": " + e.getMessage(), e);
        }
        folders.sort(null);
        return folders;
    }

    private static void deleteAfterFailure(Path folder, Exception failure) {
        try {
            delete(folder);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
