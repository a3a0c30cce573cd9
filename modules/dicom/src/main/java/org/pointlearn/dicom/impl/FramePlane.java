package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;

/**
 * Where one frame lies and how its values scale. Enhanced (multi-frame) objects keep these
 * in functional groups, per frame or shared by all; classic images at the top level. The
 * lookup goes per-frame group, shared group, top level.
 *
 * @param orientation ImageOrientationPatient, or null
 * @param position ImagePositionPatient, or null
 * @param pixelSpacing PixelSpacing, or null
 * @param sliceThickness SliceThickness, or 0
 * @param spacingBetweenSlices SpacingBetweenSlices, or 0
 * @param slope RescaleSlope (1 when absent)
 * @param intercept RescaleIntercept (0 when absent)
 */
record FramePlane(double[] orientation, double[] position, double[] pixelSpacing, double sliceThickness,
        double spacingBetweenSlices, double slope, double intercept) {

    /** The plane of frame {@code frame} (0-based) of an image. */
    static FramePlane of(AttributeList list, int frame) {
        AttributeList perFrame = item(list, TagFromName.PerFrameFunctionalGroupsSequence, frame);
        AttributeList shared = item(list, TagFromName.SharedFunctionalGroupsSequence, 0);
        Groups groups = new Groups(list, perFrame, shared);
        return new FramePlane(
                groups.numbers(TagFromName.PlaneOrientationSequence, TagFromName.ImageOrientationPatient, 6),
                groups.numbers(TagFromName.PlanePositionSequence, TagFromName.ImagePositionPatient, 3),
                groups.numbers(TagFromName.PixelMeasuresSequence, TagFromName.PixelSpacing, 2),
                groups.number(TagFromName.PixelMeasuresSequence, TagFromName.SliceThickness, 0),
                groups.number(TagFromName.PixelMeasuresSequence, TagFromName.SpacingBetweenSlices, 0),
                groups.number(TagFromName.PixelValueTransformationSequence, TagFromName.RescaleSlope, 1),
                groups.number(TagFromName.PixelValueTransformationSequence, TagFromName.RescaleIntercept, 0));
    }

    /** The attribute list of one item of a sequence, or null. */
    static AttributeList item(AttributeList list, AttributeTag sequence, int index) {
        if (list != null && list.get(sequence) instanceof SequenceAttribute s && index < s.getNumberOfItems()) {
            return s.getItem(index).getAttributeList();
        }
        return null;
    }

    /** The three places an attribute of a frame can be. */
    private record Groups(AttributeList top, AttributeList perFrame, AttributeList shared) {

        double[] numbers(AttributeTag macro, AttributeTag tag, int count) {
            for (AttributeList group : new AttributeList[] {perFrame, shared}) {
                double[] v = values(item(group, macro, 0), tag, count);
                if (v != null) {
                    return v;
                }
            }
            return values(top, tag, count);
        }

        double number(AttributeTag macro, AttributeTag tag, double absent) {
            double[] v = numbers(macro, tag, 1);
            return v != null ? v[0] : absent;
        }

        private static double[] values(AttributeList list, AttributeTag tag, int count) {
            if (list == null) {
                return null;
            }
            double[] v = Attribute.getDoubleValues(list, tag);
            return v != null && v.length == count ? v : null;
        }
    }
}
