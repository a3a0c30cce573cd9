package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;

/**
 * Reads the frames of a greyscale DICOM image, single- or multi-frame: each frame's plane and
 * rescaled values; a Siemens mosaic gives the slices tiled in it ({@link Mosaic}).
 */
final class SliceReader {

    private SliceReader() {
    }

    /**
     * Reads a single-frame image file.
     *
     * @throws DicomException when the file is missing, unreadable, not greyscale or has several frames
     */
    static SliceImage read(Path file) throws DicomException {
        List<SliceImage> frames = readFrames(file);
        if (frames.size() != 1) {
            throw new DicomException(file.getFileName() + " has " + frames.size() + " frames, not one");
        }
        return frames.get(0);
    }

    /**
     * Reads every frame of an image file, each as an image of its own.
     *
     * @throws DicomException when the file is missing, unreadable or not a greyscale image
     */
    static List<SliceImage> readFrames(Path file) throws DicomException {
        if (!Files.isRegularFile(file)) {
            throw new DicomException("The image file " + file + " is missing (moved or deleted after the import);"
                    + " import the series again");
        }
        AttributeList list = new AttributeList();
        // Compressed frames stay compressed until StoredPixels picks the decoder for their syntax.
        list.setDecompressPixelData(false);
        try {
            list.read(file.toFile());
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the image file " + file + ": " + e.getMessage(), e);
        }
        requireGreyImage(list, file);
        int[][] stored = StoredPixels.decode(list, file);
        List<SliceImage> frames = new ArrayList<>(stored.length);
        for (int f = 0; f < stored.length; f++) {
            FramePlane plane = FramePlane.of(list, f);
            frames.add(new SliceImage(file, stored.length > 1 ? f + 1 : 0, integer(list, TagFromName.Rows),
                    integer(list, TagFromName.Columns), plane.orientation(), plane.position(), plane.pixelSpacing(),
                    plane.sliceThickness(), plane.spacingBetweenSlices(), integer(list, TagFromName.InstanceNumber),
                    rescaled(stored[f], plane)));
        }
        int tiles = frames.size() == 1 ? Mosaic.slices(list) : 0;
        if (tiles > 1) {
            // a Siemens mosaic: the slices of one volume tiled in one image
            return Mosaic.split(frames.get(0), tiles, Mosaic.sliceNormal(list));
        }
        return frames;
    }

    private static float[] rescaled(int[] stored, FramePlane plane) {
        float[] values = new float[stored.length];
        for (int i = 0; i < stored.length; i++) {
            values[i] = (float) (stored[i] * plane.slope() + plane.intercept());
        }
        return values;
    }

    private static void requireGreyImage(AttributeList list, Path file) throws DicomException {
        int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
        if (samples != 1) {
            throw new DicomException(file.getFileName() + " is a colour image (" + samples
                    + " samples per pixel); only greyscale images can be loaded");
        }
        if (integer(list, TagFromName.Rows) <= 0 || integer(list, TagFromName.Columns) <= 0) {
            throw new DicomException(file.getFileName() + " does not say how many rows and columns it has");
        }
    }

    private static int integer(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, 0);
    }
}
