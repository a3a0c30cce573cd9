package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.TagFromName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.LoadedSegmentation;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.Segmentations;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.VolumeGeometry;

/** Finds and reads the DICOM segmentations of the study index (see {@link SegReader}). */
@ServiceProvider(service = Segmentations.class)
public final class SegmentationReading implements Segmentations {

    private final StudyIndex index;

    /** The segmentations of the workstation's index. */
    public SegmentationReading() {
        this(StudyIndex.getDefault());
    }

    /** @param index where the series are */
    public SegmentationReading(StudyIndex index) {
        this.index = index;
    }

    @Override
    public LoadedSegmentation read(SeriesRef segmentation) throws DicomException {
        Path file = onlyFile(segmentation);
        SegReader.Header header = SegReader.header(file);
        SeriesRef series = find(header.referencedSeries(), segmentation.studyInstanceUid());
        if (series == null) {
            throw new DicomException("The series this segmentation was drawn on (" + header.referencedSeries()
                    + ") is not in the study index; import or retrieve it first");
        }
        VolumeGeometry g = index.loadSeries(series).geometry();
        List<String> uids = new ArrayList<>();
        for (var h : SegSource.of(index.instanceFiles(series)).headers()) {
            uids.add(DicomItems.text(h, TagFromName.SOPInstanceUID));
        }
        return new LoadedSegmentation(segmentation, series, header.description(), header.segments(),
                SegReader.frames(file, g, uids));
    }

    @Override
    public List<SeriesRef> of(SeriesRef series) throws DicomException {
        List<SeriesRef> out = new ArrayList<>();
        for (IndexedStudy study : index.studies()) {
            if (!study.studyInstanceUid().equals(series.studyInstanceUid())) {
                continue;
            }
            for (SeriesRef s : study.series()) {
                if ("SEG".equalsIgnoreCase(s.modality())) {
                    try {
                        if (SegReader.header(onlyFile(s)).referencedSeries().equals(series.seriesInstanceUid())) {
                            out.add(s);
                        }
                    } catch (DicomException e) {
                        // a SEG that cannot be read is not offered; opening it says why
                    }
                }
            }
        }
        return out;
    }

    private Path onlyFile(SeriesRef segmentation) throws DicomException {
        List<Path> files = index.instanceFiles(segmentation);
        if (files.isEmpty()) {
            throw new DicomException("The segmentation series has no file in the index");
        }
        return files.get(files.size() - 1);   // one instance per SEG series as written; the last if several
    }

    private SeriesRef find(String seriesUid, String studyUid) throws DicomException {
        SeriesRef elsewhere = null;
        for (IndexedStudy study : index.studies()) {
            for (SeriesRef s : study.series()) {
                if (s.seriesInstanceUid().equals(seriesUid)) {
                    if (study.studyInstanceUid().equals(studyUid)) {
                        return s;
                    }
                    elsewhere = s;
                }
            }
        }
        return elsewhere;
    }
}
