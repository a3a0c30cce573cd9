package org.pointlearn.dicom.api;

import java.nio.file.Path;
import org.openide.util.Lookup;

/**
 * Writes a binary segmentation of an indexed series: as DICOM SEG (referencing the source
 * instances) or as NIfTI. The mask has the series' voxel grid as {@link StudyIndex#loadSeries}
 * returns it: {@code mask[k][j * width + i]}, non-zero inside; {@code mask[k] == null} for a slice
 * that was not reviewed (no SEG frame; zeros in NIfTI, which cannot tell the two apart).
 */
public interface SegmentationExporter {

    /** The workstation's exporter. */
    static SegmentationExporter getDefault() {
        return Lookup.getDefault().lookup(SegmentationExporter.class);
    }

    /**
     * Writes a DICOM SEG (binary, SEMIAUTOMATIC) of one segment.
     *
     * @param target the file to write
     * @throws DicomException when the series cannot be read, the mask does not fit it, or the file cannot be written
     */
    void exportSeg(SeriesRef series, byte[][] mask, SegmentDescription segment, Path target) throws DicomException;

    /**
     * Writes the mask as NIfTI-1 ({@code .nii.gz}, unsigned 8-bit, sform in RAS from the series' geometry).
     *
     * @throws DicomException when the series cannot be read, the mask does not fit it, or the file cannot be written
     */
    void exportNifti(SeriesRef series, byte[][] mask, Path target) throws DicomException;
}
