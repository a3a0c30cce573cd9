package org.pointlearn.dicom.impl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.Volume;

/** Loads the image files of one series as a volume. */
final class SeriesLoader {

    private SeriesLoader() {
    }

    /**
     * Reads and stacks the files; the frames of multi-frame files are stacked with the rest.
     *
     * @throws DicomException when a file cannot be read or the images do not form one stack
     */
    static Volume load(List<Path> files) throws DicomException {
        return SliceStack.stack(read(files));
    }

    /** Reads and splits the files into the series' volumes (several for time points, echoes, acquisitions). */
    static List<Volume> loadVolumes(List<Path> files) throws DicomException {
        return SliceStack.volumes(read(files));
    }

    private static List<SliceImage> read(List<Path> files) throws DicomException {
        List<SliceImage> images = new ArrayList<>(files.size());
        for (Path file : files) {
            images.addAll(SliceReader.readFrames(file));
        }
        return images;
    }
}
