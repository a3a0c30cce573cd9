package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * Reads a DICOM Segmentation (PS3.3 A.51) onto the voxel grid of the series it segments: binary
 * frames (1 bit per pixel, least significant bit first, frames back to back) or fractional ones
 * (8 bits, inside from half the maximum), every segment OR-ed into one mask, each frame put on the
 * slice at its plane position (or of the source image it names).
 */
final class SegReader {

    private static final String[] UNCOMPRESSED = {TransferSyntax.ImplicitVRLittleEndian,
        TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian};

    private SegReader() {
    }

    /** What a SEG file says before its pixels are read: the series it segments, its segments' labels. */
    record Header(String referencedSeries, String description, List<String> segments) {
    }

    /** Reads the header of a SEG file (not its pixels). */
    static Header header(Path file) throws DicomException {
        AttributeList list = read(file, false);
        return header(file, list);
    }

    private static Header header(Path file, AttributeList list) throws DicomException {
        if (!SOPClass.SegmentationStorage.equals(DicomItems.text(list, TagFromName.SOPClassUID))) {
            throw new DicomException(file.getFileName() + " is not a DICOM segmentation (SEG)");
        }
        AttributeList series = item(list, TagFromName.ReferencedSeriesSequence, 0);
        String uid = series == null ? null : DicomItems.text(series, TagFromName.SeriesInstanceUID);
        if (uid == null || uid.isBlank()) {
            throw new DicomException("The segmentation " + file.getFileName() + " does not name the series it"
                    + " segments (no Referenced Series Sequence)");
        }
        List<String> segments = new ArrayList<>();
        SequenceAttribute s = (SequenceAttribute) list.get(TagFromName.SegmentSequence);
        for (int i = 0; s != null && i < s.getNumberOfItems(); i++) {
            String label = DicomItems.text(s.getItem(i).getAttributeList(), TagFromName.SegmentLabel);
            segments.add(label == null || label.isBlank() ? "segment " + (i + 1) : label.trim());
        }
        String description = DicomItems.text(list, TagFromName.SeriesDescription);
        return new Header(uid, description == null ? "" : description.trim(), segments);
    }

    /**
     * Reads the frames onto the series' grid.
     *
     * @param file the SEG
     * @param g the geometry of the series it segments
     * @param sourceUids the series' SOP Instance UIDs by slice (for frames without a plane position)
     * @return slice index to mask (1 inside), one entry per slice that has a frame
     * @throws DicomException in words when the frames cannot be put on the series
     */
    static Map<Integer, byte[]> frames(Path file, VolumeGeometry g, List<String> sourceUids) throws DicomException {
        AttributeList list = read(file, true);
        header(file, list);
        String syntax = DicomItems.text(list, TagFromName.TransferSyntaxUID);
        if (syntax != null && !List.of(UNCOMPRESSED).contains(syntax)) {
            throw new DicomException("The segmentation " + file.getFileName() + " is compressed (transfer syntax "
                    + syntax + "); only uncompressed segmentations can be shown");
        }
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        if (rows != g.height() || columns != g.width()) {
            throw new DicomException("The segmentation's frames are " + columns + " x " + rows + " pixels but its series'"
                    + " slices are " + g.width() + " x " + g.height());
        }
        int bits = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 0);
        String type = DicomItems.text(list, TagFromName.SegmentationType);
        if (!(bits == 1 && "BINARY".equalsIgnoreCase(type)) && !(bits == 8 && type != null)) {
            throw new DicomException("The segmentation has " + bits + "-bit " + (type == null ? "" : type.toLowerCase(Locale.ROOT))
                    + " frames; binary (1-bit) and 8-bit frames can be shown");
        }
        int threshold = "FRACTIONAL".equalsIgnoreCase(type)
                ? Math.max(1, (Attribute.getSingleIntegerValueOrDefault(list, TagFromName.MaximumFractionalValue, 255) + 1) / 2) : 1;
        int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
        Attribute pixelData = list.get(TagFromName.PixelData);
        if (pixelData == null) {
            throw new DicomException("The segmentation " + file.getFileName() + " has no pixel data");
        }
        byte[] pixels;
        try {
            pixels = pixelData.getByteValues();
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the segmentation's pixels: " + e.getMessage(), e);
        }
        int perFrame = rows * columns;
        long needed = bits == 1 ? ((long) frames * perFrame + 7) / 8 : (long) frames * perFrame;
        if (pixels.length < needed) {
            throw new DicomException("The segmentation's pixel data is shorter than its " + frames + " frames");
        }
        checkOrientation(list, g);
        AttributeList shared = item(list, TagFromName.SharedFunctionalGroupsSequence, 0);
        SequenceAttribute perFrameGroups = (SequenceAttribute) list.get(TagFromName.PerFrameFunctionalGroupsSequence);
        Map<Integer, byte[]> out = new HashMap<>();
        for (int f = 0; f < frames; f++) {
            AttributeList groups = perFrameGroups != null && f < perFrameGroups.getNumberOfItems()
                    ? perFrameGroups.getItem(f).getAttributeList() : null;
            int k = slice(groups, shared, g, sourceUids, f);
            byte[] mask = out.computeIfAbsent(k, x -> new byte[perFrame]);
            for (int i = 0; i < perFrame; i++) {
                boolean inside;
                if (bits == 1) {
                    long bit = (long) f * perFrame + i;
                    inside = ((pixels[(int) (bit >>> 3)] >> (bit & 7)) & 1) != 0;
                } else {
                    inside = (pixels[f * perFrame + i] & 0xff) >= threshold;
                }
                if (inside) {
                    mask[i] = 1;
                }
            }
        }
        return out;
    }

    /** The slice of the series frame f lies on: by its plane position, else by the source image it names. */
    private static int slice(AttributeList groups, AttributeList shared, VolumeGeometry g, List<String> sourceUids, int f)
            throws DicomException {
        AttributeList position = groups == null ? null : item(groups, TagFromName.PlanePositionSequence, 0);
        double[] p = position == null ? null : Attribute.getDoubleValues(position, TagFromName.ImagePositionPatient);
        if (p != null && p.length == 3) {
            double[] v = g.patientToVoxel(p);
            int k = (int) Math.round(v[2]);
            if (Math.abs(v[0]) > 0.5 || Math.abs(v[1]) > 0.5 || Math.abs(v[2] - k) > 0.25 || k < 0 || k >= g.depth()) {
                throw new DicomException(String.format(Locale.ROOT, "Frame %d of the segmentation is not on a slice of"
                        + " its series (at voxel %.1f, %.1f, %.1f)", f + 1, v[0], v[1], v[2]));
            }
            return k;
        }
        AttributeList derivation = groups == null ? null : item(groups, TagFromName.DerivationImageSequence, 0);
        AttributeList source = derivation == null ? null : item(derivation, TagFromName.SourceImageSequence, 0);
        String uid = source == null ? null : DicomItems.text(source, TagFromName.ReferencedSOPInstanceUID);
        int k = uid == null ? -1 : sourceUids.indexOf(uid);
        if (k < 0) {
            throw new DicomException("Frame " + (f + 1) + " of the segmentation has neither a plane position nor a source"
                    + " image of its series");
        }
        return k;
    }

    /** Refuses frames in another plane than the series' slices. */
    private static void checkOrientation(AttributeList list, VolumeGeometry g) throws DicomException {
        AttributeList shared = item(list, TagFromName.SharedFunctionalGroupsSequence, 0);
        AttributeList plane = shared == null ? null : item(shared, TagFromName.PlaneOrientationSequence, 0);
        double[] o = plane == null ? null : Attribute.getDoubleValues(plane, TagFromName.ImageOrientationPatient);
        if (o == null || o.length != 6) {
            return;   // per-frame orientations: each frame's position is checked instead
        }
        double row = o[0] * g.rowDirection()[0] + o[1] * g.rowDirection()[1] + o[2] * g.rowDirection()[2];
        double column = o[3] * g.columnDirection()[0] + o[4] * g.columnDirection()[1] + o[5] * g.columnDirection()[2];
        if (row < 0.999 || column < 0.999) {
            throw new DicomException("The segmentation's frames lie in another plane than its series' slices"
                    + " (a reformatted segmentation); it cannot be drawn on them");
        }
    }

    private static AttributeList item(AttributeList list, AttributeTag tag, int i) {
        Attribute a = list.get(tag);
        return a instanceof SequenceAttribute s && s.getNumberOfItems() > i ? s.getItem(i).getAttributeList() : null;
    }

    private static AttributeList read(Path file, boolean withPixels) throws DicomException {
        AttributeList list = new AttributeList();
        try {
            if (withPixels) {
                list.read(file.toFile());
            } else {
                list.read(file.toFile(), (l, tag, offset) -> TagFromName.PixelData.equals(tag));
            }
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the segmentation " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return list;
    }
}
