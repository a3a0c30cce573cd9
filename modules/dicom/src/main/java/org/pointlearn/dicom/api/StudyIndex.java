package org.pointlearn.dicom.api;

import java.nio.file.Path;
import java.util.List;
import javax.swing.event.ChangeListener;
import org.openide.util.Lookup;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.imaging.api.WindowLevel;

/**
 * The workstation's local study index: what has been imported, and the way to load it.
 * One instance per user directory, found with {@link #getDefault()}.
 */
public interface StudyIndex {

    /** The index of this workstation. */
    static StudyIndex getDefault() {
        return Lookup.getDefault().lookup(StudyIndex.class);
    }

    /**
     * Makes sure the demo study is indexed, building it on first start from the Colin27
     * template of Debian's mricron-data. Shows progress; safe to call from any thread but
     * the event thread.
     *
     * @return the demo's MR series
     * @throws DicomException when the template is missing or the series cannot be written
     */
    SeriesRef ensureDemoStudy() throws DicomException;

    /** Every indexed series, patients and studies in name/date order. */
    List<IndexedStudy> studies() throws DicomException;

    /**
     * Loads a series as a volume: slices sorted along the slice normal, spacing from the
     * positions, values after rescale.
     *
     * @throws DicomException when the series is missing, inconsistent or undecodable
     */
    Volume loadSeries(SeriesRef series) throws DicomException;

    /**
     * Loads every volume of a series: one for most series, several when each slice position
     * holds one image per time point, echo or acquisition (in instance-number order). Call off
     * the event thread.
     *
     * @throws DicomException as {@link #loadSeries}
     */
    default List<Volume> loadVolumes(SeriesRef series) throws DicomException {
        return List.of(loadSeries(series));
    }

    /**
     * Imports a folder (recursively), a DICOMDIR, a zip file or a single DICOM file. Images
     * whose SOP Instance UID is already indexed are skipped; files that cannot be imported
     * are listed in the result with the reason and do not stop the import. Folders and
     * DICOMDIR media are referenced where they are; zip contents are copied into the store.
     * Call off the event thread.
     *
     * @param source what the user chose
     * @param monitor follows the progress and may cancel between files
     * @throws DicomException when the source cannot be read at all or the index cannot be
     *                        written (images committed before stay indexed)
     */
    default ImportResult importFrom(Path source, ImportMonitor monitor) throws DicomException {
        throw new DicomException("This study index (" + getClass().getSimpleName() + ") cannot import");
    }

    /**
     * The files of a series' instances (what a DICOM SEG refers to). Call off the event thread.
     *
     * @throws DicomException when the series is not indexed
     */
    default java.util.List<Path> instanceFiles(SeriesRef series) throws DicomException {
        throw new DicomException("This study index (" + getClass().getSimpleName() + ") does not keep files");
    }

    /**
     * A new folder inside the index's store for files that are not imported yet (a retrieve in
     * progress); removed when the index next opens unless imported.
     *
     * @throws DicomException when the folder cannot be created
     */
    default Path newStagingFolder() throws DicomException {
        throw new DicomException("This study index (" + getClass().getSimpleName() + ") cannot stage files");
    }

    /**
     * Imports the files of a staging folder as copies the index owns.
     *
     * @throws DicomException when the folder cannot be moved or the index cannot be written
     */
    default ImportResult importStaged(Path stagingFolder, ImportMonitor monitor) throws DicomException {
        throw new DicomException("This study index (" + getClass().getSimpleName() + ") cannot import");
    }

    /**
     * Records whether a series holds every image its PACS announced, after a retrieve.
     *
     * @param expected the number the PACS announced
     * @return whether the series is complete now
     * @throws DicomException when the index cannot be read or written
     */
    default boolean recordRetrieved(String seriesInstanceUid, int expected) throws DicomException {
        throw new DicomException("This study index (" + getClass().getSimpleName() + ") cannot record retrieves");
    }

    /**
     * Removes a study from the index and deletes the files the workstation copied for it
     * (files imported in place stay untouched). Call off the event thread.
     *
     * @throws DicomException when the study is not indexed or the index cannot be written
     */
    default void deleteStudy(String studyInstanceUid) throws DicomException {
        throw new DicomException("This study index (" + getClass().getSimpleName() + ") cannot delete studies");
    }

    /**
     * Loads only the first slice of a series (the one at the start of the stack along the
     * slice normal), for a preview or to show something before the whole series is loaded.
     *
     * @return a volume of depth 1
     * @throws DicomException when the series is missing or its first image is undecodable
     */
    default Volume loadFirstSlice(SeriesRef series) throws DicomException {
        Volume all = loadSeries(series);
        return new Volume(new VolumeGeometry(
                new int[] {all.geometry().width(), all.geometry().height(), 1}, all.geometry().spacing(),
                all.geometry().origin(), all.geometry().rowDirection(), all.geometry().columnDirection(),
                all.geometry().sliceDirection()), new float[][] {all.slice(0)});
    }

    /**
     * The display windows the series' files suggest (WindowCenter/WindowWidth, in the
     * loaded volume's values), first file first; empty when they suggest none.
     *
     * @throws DicomException when the series is missing or its files cannot be read
     */
    default List<WindowLevel> windowPresets(SeriesRef series) throws DicomException {
        return List.of();
    }

    /** Listens for changes of the index content (imports, deletions). */
    void addChangeListener(ChangeListener l);

    /** Stops listening. */
    void removeChangeListener(ChangeListener l);
}
