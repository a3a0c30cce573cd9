package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pointlearn.dicom.api.DicomException;

/** Reads one single-frame greyscale DICOM image: its plane and its rescaled values. */
final class SliceReader {

    private SliceReader() {
    }

    /**
     * Reads an image file.
     *
     * @throws DicomException when the file is missing, unreadable or not a single greyscale frame
     */
    static SliceImage read(Path file) throws DicomException {
        if (!Files.isRegularFile(file)) {
            throw new DicomException("The image file " + file + " is missing (moved or deleted after the import);"
                    + " import the series again");
        }
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile());
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the image file " + file + ": " + e.getMessage(), e);
        }
        requireSingleGreyFrame(list, file);
        int[] stored = StoredPixels.decode(list, file);
        double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1);
        double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0);
        float[] values = new float[stored.length];
        for (int i = 0; i < stored.length; i++) {
            values[i] = (float) (stored[i] * slope + intercept);
        }
        return new SliceImage(file, integer(list, TagFromName.Rows), integer(list, TagFromName.Columns),
                numbers(list, TagFromName.ImageOrientationPatient, 6), numbers(list, TagFromName.ImagePositionPatient, 3),
                numbers(list, TagFromName.PixelSpacing, 2),
                Attribute.getSingleDoubleValueOrDefault(list, TagFromName.SliceThickness, 0),
                Attribute.getSingleDoubleValueOrDefault(list, TagFromName.SpacingBetweenSlices, 0),
                integer(list, TagFromName.InstanceNumber), values);
    }

    private static void requireSingleGreyFrame(AttributeList list, Path file) throws DicomException {
        if (integer(list, TagFromName.NumberOfFrames) > 1) {
            throw new DicomException(file.getFileName() + " is a multi-frame image; only series of single-frame"
                    + " images can be loaded so far");
        }
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        if (samples != 1) {
            throw new DicomException(file.getFileName() + " is a colour image (" + samples
                    + " samples per pixel); only greyscale images can be loaded");
        }
        if (integer(list, TagFromName.Rows) <= 0 || integer(list, TagFromName.Columns) <= 0) {
            throw new DicomException(file.getFileName() + " does not say how many rows and columns it has");
        }
    }

    /** The values of a multi-valued numeric attribute, or null when absent or incomplete. */
    private static double[] numbers(AttributeList list, AttributeTag tag, int count) {
        double[] values = Attribute.getDoubleValues(list, tag);
        return values != null && values.length == count ? values : null;
    }

    private static int integer(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, 0);
    }
}
