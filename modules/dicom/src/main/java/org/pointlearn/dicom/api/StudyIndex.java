package org.pointlearn.dicom.api;

import java.util.List;
import javax.swing.event.ChangeListener;
import org.openide.util.Lookup;
import org.pointlearn.imaging.api.Volume;

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

    /** Listens for changes of the index content (imports, deletions). */
    void addChangeListener(ChangeListener l);

    /** Stops listening. */
    void removeChangeListener(ChangeListener l);
}
