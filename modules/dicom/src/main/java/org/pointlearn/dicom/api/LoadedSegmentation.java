package org.pointlearn.dicom.api;

import java.util.List;
import java.util.Map;

/**
 * A DICOM segmentation read back onto the series it segments.
 *
 * @param segmentation the SEG series in the index
 * @param series the series it refers to (its voxel grid is the one {@link StudyIndex#loadSeries} gives)
 * @param description the SEG's series description, e.g. "Segmentation: Lesion"
 * @param segments the segments' labels (several are drawn as one mask)
 * @param slices slice index of the series to its mask ({@code [row * width + column]}, 1 inside); only
 *        the slices the SEG has a frame for, which are the reviewed ones: a slice with an empty mask was
 *        looked at and holds nothing, a slice missing was not annotated
 */
public record LoadedSegmentation(SeriesRef segmentation, SeriesRef series, String description, List<String> segments,
        Map<Integer, byte[]> slices) {

    public LoadedSegmentation {
        segments = List.copyOf(segments);
        slices = Map.copyOf(slices);
    }
}
