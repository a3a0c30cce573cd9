package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.SegmentDescription;
import org.pointlearn.dicom.api.SegmentationExporter;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/** Exports segmentations of indexed series as DICOM SEG or NIfTI files. */
@ServiceProvider(service = SegmentationExporter.class)
public final class SegmentationFiles implements SegmentationExporter {

    private final StudyIndex index;

    /** The exporter of the workstation's index. */
    public SegmentationFiles() {
        this(StudyIndex.getDefault());
    }

    /** @param index where the series are (a given index, for tools and tests) */
    public SegmentationFiles(StudyIndex index) {
        this.index = index;
    }

    @Override
    public void exportSeg(SeriesRef series, byte[][] mask, SegmentDescription segment, Path target)
            throws DicomException {
        Volume volume = index.loadSeries(series);
        requireFits(volume.geometry(), mask);
        List<Path> files = index.instanceFiles(series);
        SegWriter.write(SegSource.of(files), volume.geometry(), mask, segment, target);
    }

    @Override
    public void exportNifti(SeriesRef series, byte[][] mask, Path target) throws DicomException {
        VolumeGeometry g = index.loadSeries(series).geometry();
        requireFits(g, mask);
        try {
            NiftiMaskWriter.write(g, mask, target);
        } catch (IOException e) {
            throw new DicomException("Cannot write the NIfTI file " + target + ": " + e.getMessage(), e);
        }
    }

    private static void requireFits(VolumeGeometry g, byte[][] mask) throws DicomException {
        int pixels = g.width() * g.height();
        int wrong = -1;
        for (int k = 0; k < mask.length && wrong < 0; k++) {
            wrong = mask[k] != null && mask[k].length != pixels ? k : -1;
        }
        if (mask.length != g.depth() || mask.length == 0 || wrong >= 0) {
            throw new DicomException("The mask (" + mask.length + " slices" + (wrong >= 0 ? ", slice " + (wrong + 1) + " of "
                    + mask[wrong].length + " voxels" : "") + ") does not fit the series (" + g.depth() + " slices of "
                    + pixels + " voxels)");
        }
    }
}
