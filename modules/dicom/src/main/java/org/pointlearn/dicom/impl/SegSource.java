package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;

/**
 * The source images a segmentation refers to: the headers of a series' single-frame
 * instances in the order {@link SliceStack} stacks them (along the slice normal).
 *
 * @param headers one header per slice, first slice first
 */
record SegSource(List<AttributeList> headers) {

    /**
     * Reads the headers of the files.
     *
     * @throws DicomException when a file cannot be read, is multi-frame or lacks its plane
     */
    static SegSource of(List<Path> files) throws DicomException {
        List<AttributeList> headers = new ArrayList<>();
        for (Path file : files) {
            headers.add(header(file));
        }
        double[] orientation = Attribute.getDoubleValues(headers.get(0), TagFromName.ImageOrientationPatient);
        double[] normal = SlicePlane.normal(new double[] {orientation[0], orientation[1], orientation[2]},
                new double[] {orientation[3], orientation[4], orientation[5]});
        headers.sort(Comparator.comparingDouble(h -> SlicePlane.dot(position(h), normal)));
        return new SegSource(List.copyOf(headers));
    }

    /** ImagePositionPatient of a header. */
    static double[] position(AttributeList header) {
        return Attribute.getDoubleValues(header, TagFromName.ImagePositionPatient);
    }

    /** The first slice's header: patient, study and frame of reference come from it. */
    AttributeList first() {
        return headers.get(0);
    }

    private static AttributeList header(Path file) throws DicomException {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile(), (l, tag, offset) -> TagFromName.PixelData.equals(tag));
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the source image " + file + ": " + e.getMessage(), e);
        }
        if (Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1) > 1) {
            throw new DicomException(file.getFileName() + " is multi-frame: DICOM SEG export supports series of"
                    + " single-frame images so far");
        }
        for (AttributeTag tag : new AttributeTag[] {TagFromName.ImagePositionPatient,
            TagFromName.ImageOrientationPatient}) {
            if (Attribute.getDoubleValues(list, tag) == null) {
                throw new DicomException(file.getFileName() + " has no " + tag + ": a SEG needs the source planes");
            }
        }
        return list;
    }
}
