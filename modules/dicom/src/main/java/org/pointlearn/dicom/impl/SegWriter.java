package org.pointlearn.dicom.impl;

import static org.pointlearn.dicom.impl.DicomItems.code;
import static org.pointlearn.dicom.impl.DicomItems.copy;
import static org.pointlearn.dicom.impl.DicomItems.put;
import static org.pointlearn.dicom.impl.DicomItems.sequence;
import static org.pointlearn.dicom.impl.DicomItems.text;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.ShortTextAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pointlearn.dicom.api.CodedConcept;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.SegmentDescription;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * Writes a binary DICOM Segmentation (PS3.3 A.51) of one segment: one frame per reviewed
 * source slice (a slice with a mask, possibly empty: "looked at, nothing there"; slices not
 * reviewed have no frame, so "not annotated" is not mistaken for "no finding"), each frame's
 * plane and source image referenced, the segment's label, category and type, SEMIAUTOMATIC with
 * the algorithm's name, and the model version in SoftwareVersions.
 */
final class SegWriter {

    private static final CodedConcept SEGMENTATION_DERIVATION = new CodedConcept("113076", "DCM", "Segmentation");
    private static final CodedConcept SOURCE_PURPOSE = new CodedConcept("121322", "DCM",
            "Source image for image processing operation");
    /** (0062,0006) and (0062,0009): not in PixelMed's dictionary. */
    private static final AttributeTag SEGMENT_DESCRIPTION = new AttributeTag(0x0062, 0x0006);
    private static final AttributeTag SEGMENT_ALGORITHM_NAME = new AttributeTag(0x0062, 0x0009);
    private static final AttributeTag[] PATIENT_AND_STUDY = {TagFromName.PatientName, TagFromName.PatientID,
        TagFromName.PatientBirthDate, TagFromName.PatientSex, TagFromName.StudyInstanceUID, TagFromName.StudyDate,
        TagFromName.StudyTime, TagFromName.ReferringPhysicianName, TagFromName.StudyID, TagFromName.AccessionNumber,
        TagFromName.FrameOfReferenceUID};

    private SegWriter() {
    }

    /**
     * Writes the file.
     *
     * @throws DicomException when the mask does not fit the source or the file cannot be written
     */
    static void write(SegSource source, VolumeGeometry g, byte[][] mask, SegmentDescription segment, Path target)
            throws DicomException {
        if (mask.length != source.headers().size() || mask.length != g.depth()) {
            throw new DicomException("The mask has " + mask.length + " slices but the series has "
                    + source.headers().size());
        }
        try {
            AttributeList seg = new AttributeList();
            modules(seg, source, g, segment);
            List<Integer> reviewed = new ArrayList<>();
            for (int k = 0; k < mask.length; k++) {
                if (mask[k] != null) {
                    reviewed.add(k);
                }
            }
            if (reviewed.isEmpty()) {
                throw new DicomException("No slice of the series was reviewed: there is nothing to write");
            }
            perFrame(seg, source, reviewed);
            OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
            pixels.setValues(SegFrames.pack(reviewed.stream().map(k -> mask[k]).toArray(byte[][]::new),
                    g.width() * g.height()));
            seg.put(pixels);
            FileMetaInformation.addFileMetaInformation(seg, TransferSyntax.ExplicitVRLittleEndian, "POINTLEARN");
            seg.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot write the DICOM SEG " + target + ": " + e.getMessage(), e);
        }
    }

    private static void modules(AttributeList seg, SegSource source, VolumeGeometry g, SegmentDescription segment)
            throws com.pixelmed.dicom.DicomException {
        AttributeList first = source.first();
        for (AttributeTag tag : PATIENT_AND_STUDY) {
            copy(seg, first, tag);
        }
        copy(seg, first, TagFromName.SpecificCharacterSet);
        LocalDateTime now = LocalDateTime.now();
        put(seg, TagFromName.SOPClassUID, SOPClass.SegmentationStorage);
        put(seg, TagFromName.SOPInstanceUID, Uids.fresh());
        put(seg, TagFromName.Modality, "SEG");
        put(seg, TagFromName.SeriesInstanceUID, Uids.fresh());
        put(seg, TagFromName.SeriesNumber, "300");
        put(seg, TagFromName.SeriesDescription, "Segmentation: " + segment.label());
        put(seg, TagFromName.InstanceNumber, "1");
        put(seg, TagFromName.PositionReferenceIndicator);
        put(seg, TagFromName.Manufacturer, "Pointlearn");
        put(seg, TagFromName.ManufacturerModelName, segment.algorithmName());
        put(seg, TagFromName.DeviceSerialNumber, "1");
        put(seg, TagFromName.SoftwareVersions, segment.modelVersionId());
        put(seg, TagFromName.ContentDate, now.format(DateTimeFormatter.BASIC_ISO_DATE));
        put(seg, TagFromName.ContentTime, now.format(DateTimeFormatter.ofPattern("HHmmss")));
        put(seg, TagFromName.ContentLabel, "SEGMENTATION");
        put(seg, TagFromName.ContentDescription, segment.label());
        put(seg, TagFromName.ContentCreatorName);
        put(seg, TagFromName.ImageType, "DERIVED", "PRIMARY");
        imagePixel(seg, g);
        sequence(seg, TagFromName.SegmentSequence, segmentItem(segment));
        dimensions(seg);
        shared(seg, first, g);
        references(seg, source);
    }

    private static void imagePixel(AttributeList seg, VolumeGeometry g) throws com.pixelmed.dicom.DicomException {
        put(seg, TagFromName.SamplesPerPixel, "1");
        put(seg, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(seg, TagFromName.Rows, Integer.toString(g.height()));
        put(seg, TagFromName.Columns, Integer.toString(g.width()));
        put(seg, TagFromName.BitsAllocated, "1");
        put(seg, TagFromName.BitsStored, "1");
        put(seg, TagFromName.HighBit, "0");
        put(seg, TagFromName.PixelRepresentation, "0");
        put(seg, TagFromName.LossyImageCompression, "00");
        put(seg, TagFromName.SegmentationType, "BINARY");
    }

    private static AttributeList segmentItem(SegmentDescription segment) throws com.pixelmed.dicom.DicomException {
        AttributeList item = new AttributeList();
        put(item, TagFromName.SegmentNumber, "1");
        put(item, TagFromName.SegmentLabel, segment.label());
        ShortTextAttribute description = new ShortTextAttribute(SEGMENT_DESCRIPTION);
        description.addValue("model version " + segment.modelVersionId());
        item.put(description);
        put(item, TagFromName.SegmentAlgorithmType, "SEMIAUTOMATIC");
        LongStringAttribute algorithm = new LongStringAttribute(SEGMENT_ALGORITHM_NAME);
        algorithm.addValue(segment.algorithmName());
        item.put(algorithm);
        code(item, TagFromName.SegmentedPropertyCategoryCodeSequence, segment.category());
        code(item, TagFromName.SegmentedPropertyTypeCodeSequence, segment.type());
        return item;
    }

    /** Frames are indexed by segment number, then by position. */
    private static void dimensions(AttributeList seg) throws com.pixelmed.dicom.DicomException {
        String organization = Uids.fresh();
        AttributeList org = new AttributeList();
        put(org, TagFromName.DimensionOrganizationUID, organization);
        sequence(seg, TagFromName.DimensionOrganizationSequence, org);
        put(seg, TagFromName.DimensionOrganizationType, "3D");
        sequence(seg, TagFromName.DimensionIndexSequence,
                dimension(organization, TagFromName.ReferencedSegmentNumber, TagFromName.SegmentIdentificationSequence),
                dimension(organization, TagFromName.ImagePositionPatient, TagFromName.PlanePositionSequence));
    }

    private static AttributeList dimension(String organization, AttributeTag index, AttributeTag group)
            throws com.pixelmed.dicom.DicomException {
        AttributeList item = new AttributeList();
        put(item, TagFromName.DimensionOrganizationUID, organization);
        AttributeTagAttribute pointer = new AttributeTagAttribute(TagFromName.DimensionIndexPointer);
        pointer.addValue(index);
        item.put(pointer);
        AttributeTagAttribute groupPointer = new AttributeTagAttribute(TagFromName.FunctionalGroupPointer);
        groupPointer.addValue(group);
        item.put(groupPointer);
        return item;
    }

    private static void shared(AttributeList seg, AttributeList first, VolumeGeometry g)
            throws com.pixelmed.dicom.DicomException {
        AttributeList measures = new AttributeList();
        copy(measures, first, TagFromName.PixelSpacing);
        put(measures, TagFromName.SliceThickness, String.format(Locale.ROOT, "%.6f", g.spacing()[2]));
        put(measures, TagFromName.SpacingBetweenSlices, String.format(Locale.ROOT, "%.6f", g.spacing()[2]));
        AttributeList orientation = new AttributeList();
        copy(orientation, first, TagFromName.ImageOrientationPatient);
        AttributeList sharedItem = new AttributeList();
        sequence(sharedItem, TagFromName.PixelMeasuresSequence, measures);
        sequence(sharedItem, TagFromName.PlaneOrientationSequence, orientation);
        AttributeList segmentId = new AttributeList();
        put(segmentId, TagFromName.ReferencedSegmentNumber, "1");
        sequence(sharedItem, TagFromName.SegmentIdentificationSequence, segmentId);
        sequence(seg, TagFromName.SharedFunctionalGroupsSequence, sharedItem);
    }

    private static void perFrame(AttributeList seg, SegSource source, List<Integer> slices)
            throws com.pixelmed.dicom.DicomException {
        int frames = slices.size();
        AttributeList[] items = new AttributeList[frames];
        for (int f = 0; f < frames; f++) {
            int k = slices.get(f);
            AttributeList header = source.headers().get(k);
            AttributeList content = new AttributeList();
            put(content, TagFromName.DimensionIndexValues, "1", Integer.toString(k + 1));
            AttributeList position = new AttributeList();
            copy(position, header, TagFromName.ImagePositionPatient);
            AttributeList derivation = new AttributeList();
            code(derivation, TagFromName.DerivationCodeSequence, SEGMENTATION_DERIVATION);
            AttributeList sourceImage = DicomItems.reference(text(header, TagFromName.SOPClassUID),
                    text(header, TagFromName.SOPInstanceUID));
            code(sourceImage, TagFromName.PurposeOfReferenceCodeSequence, SOURCE_PURPOSE);
            sequence(derivation, TagFromName.SourceImageSequence, sourceImage);
            items[f] = new AttributeList();
            sequence(items[f], TagFromName.FrameContentSequence, content);
            sequence(items[f], TagFromName.PlanePositionSequence, position);
            sequence(items[f], TagFromName.DerivationImageSequence, derivation);
        }
        sequence(seg, TagFromName.PerFrameFunctionalGroupsSequence, items);
        put(seg, TagFromName.NumberOfFrames, Integer.toString(frames));
    }

    /** The Common Instance Reference module: the source series and every instance. */
    private static void references(AttributeList seg, SegSource source) throws com.pixelmed.dicom.DicomException {
        AttributeList[] instances = new AttributeList[source.headers().size()];
        for (int k = 0; k < instances.length; k++) {
            AttributeList h = source.headers().get(k);
            instances[k] = DicomItems.reference(text(h, TagFromName.SOPClassUID), text(h, TagFromName.SOPInstanceUID));
        }
        AttributeList series = new AttributeList();
        put(series, TagFromName.SeriesInstanceUID, text(source.first(), TagFromName.SeriesInstanceUID));
        sequence(series, TagFromName.ReferencedInstanceSequence, instances);
        sequence(seg, TagFromName.ReferencedSeriesSequence, series);
    }
}
