package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Builds an Enhanced MR (multi-frame) object from single-frame MR files: geometry in functional groups. */
final class EnhancedMrFixture {

    private static final AttributeTag[] COPIED = {
        TagFromName.PatientName, TagFromName.PatientID, TagFromName.StudyInstanceUID, TagFromName.StudyDate,
        TagFromName.Modality, TagFromName.FrameOfReferenceUID, TagFromName.Rows, TagFromName.Columns,
        TagFromName.BitsAllocated, TagFromName.BitsStored, TagFromName.HighBit, TagFromName.PixelRepresentation,
        TagFromName.SamplesPerPixel, TagFromName.PhotometricInterpretation,
    };

    private EnhancedMrFixture() {
    }

    /** Writes the frames of {@code files}, in the given order, as one explicit little endian file. */
    static Path write(List<Path> files, Path target) throws Exception {
        AttributeList first = read(files.get(0));
        AttributeList mf = new AttributeList();
        for (AttributeTag tag : COPIED) {
            mf.put(first.get(tag));
        }
        put(mf, TagFromName.SOPClassUID, SOPClass.EnhancedMRImageStorage);
        put(mf, TagFromName.SOPInstanceUID, Uids.fresh());
        put(mf, TagFromName.SeriesInstanceUID, Uids.fresh());
        put(mf, TagFromName.NumberOfFrames, Integer.toString(files.size()));
        SequenceAttribute shared = new SequenceAttribute(TagFromName.SharedFunctionalGroupsSequence);
        AttributeList sharedItem = new AttributeList();
        sharedItem.put(macro(TagFromName.PixelMeasuresSequence, first, TagFromName.PixelSpacing, TagFromName.SliceThickness));
        sharedItem.put(macro(TagFromName.PlaneOrientationSequence, first, TagFromName.ImageOrientationPatient));
        shared.addItem(sharedItem);
        mf.put(shared);
        SequenceAttribute perFrame = new SequenceAttribute(TagFromName.PerFrameFunctionalGroupsSequence);
        short[] pixels = new short[0];
        for (Path file : files) {
            AttributeList frame = read(file);
            AttributeList item = new AttributeList();
            item.put(macro(TagFromName.PlanePositionSequence, frame, TagFromName.ImagePositionPatient));
            perFrame.addItem(item);
            pixels = concat(pixels, frame.get(TagFromName.PixelData).getShortValues());
        }
        mf.put(perFrame);
        OtherWordAttribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(pixels);
        mf.put(pixelData);
        FileMetaInformation.addFileMetaInformation(mf, TransferSyntax.ExplicitVRLittleEndian, "TEST");
        mf.write(target.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return target;
    }

    private static SequenceAttribute macro(AttributeTag sequence, AttributeList from, AttributeTag... tags) {
        SequenceAttribute s = new SequenceAttribute(sequence);
        AttributeList item = new AttributeList();
        for (AttributeTag tag : tags) {
            item.put(from.get(tag));
        }
        s.addItem(item);
        return s;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws Exception {
        Attribute a = list.putNewAttribute(tag);
        a.addValue(value);
    }

    private static short[] concat(short[] a, short[] b) {
        short[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.read(file.toFile());
        return list;
    }
}
