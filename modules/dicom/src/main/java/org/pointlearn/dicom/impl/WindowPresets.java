package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.WindowLevel;

/**
 * The display windows an image file suggests (WindowCenter/WindowWidth pairs, in rescaled
 * values): at the top level, or for enhanced objects in the Frame VOI LUT functional group.
 */
final class WindowPresets {

    private WindowPresets() {
    }

    /**
     * The windows of a file, in the order the file lists them; none when it suggests none.
     *
     * @throws DicomException when the file cannot be read
     */
    static List<WindowLevel> read(Path file) throws DicomException {
        AttributeList list = new AttributeList();
        try {
            list.read(file.toFile(), (l, tag, offset) -> TagFromName.PixelData.equals(tag));
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the image file " + file + ": " + e.getMessage(), e);
        }
        List<WindowLevel> windows = pairs(list);
        if (windows.isEmpty()) {
            AttributeList group = FramePlane.item(list, TagFromName.SharedFunctionalGroupsSequence, 0);
            if (group == null || group.get(TagFromName.FrameVOILUTSequence) == null) {
                group = FramePlane.item(list, TagFromName.PerFrameFunctionalGroupsSequence, 0);
            }
            windows = pairs(FramePlane.item(group, TagFromName.FrameVOILUTSequence, 0));
        }
        return windows;
    }

    private static List<WindowLevel> pairs(AttributeList list) {
        List<WindowLevel> windows = new ArrayList<>();
        if (list == null) {
            return windows;
        }
        double[] centers = Attribute.getDoubleValues(list, TagFromName.WindowCenter);
        double[] widths = Attribute.getDoubleValues(list, TagFromName.WindowWidth);
        if (centers == null || widths == null) {
            return windows;
        }
        for (int i = 0; i < Math.min(centers.length, widths.length); i++) {
            if (widths[i] > 0) {
                windows.add(new WindowLevel(centers[i], widths[i]));
            }
        }
        return windows;
    }
}
