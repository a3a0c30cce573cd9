package org.pointlearn.dicom.api;

import java.util.List;
import org.openide.util.Lookup;

/** The DICOM segmentations (SEG) of the study index: which series they segment, and their masks. */
public interface Segmentations {

    /** The workstation's, from Lookup (null without the DICOM module). */
    static Segmentations getDefault() {
        return Lookup.getDefault().lookup(Segmentations.class);
    }

    /**
     * Reads a SEG of the index onto the series it refers to. Binary (1-bit) and fractional (8-bit)
     * frames, one or several segments (drawn as one mask), frames placed by their plane position
     * (else by the source image they name). Call off the event thread.
     *
     * @throws DicomException in words when the SEG cannot be shown on its series: its series is not in
     *         the index, it is compressed, its frames are in another plane or of another size
     */
    LoadedSegmentation read(SeriesRef segmentation) throws DicomException;

    /**
     * The SEG series of the index that segment a series (same study), newest last. Call off the event thread.
     *
     * @throws DicomException when the index cannot be read
     */
    List<SeriesRef> of(SeriesRef series) throws DicomException;
}
