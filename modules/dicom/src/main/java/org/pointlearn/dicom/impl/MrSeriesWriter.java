package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.imaging.api.WindowLevel;

/**
 * Writes a volume as a DICOM MR Image Storage series: one Explicit VR Little Endian file per
 * slice, 16-bit unsigned MONOCHROME2 pixels, positioned by the volume's geometry.
 */
final class MrSeriesWriter {

    private static final String SOURCE_AE_TITLE = "POINTLEARN";
    // PixelMed's dictionary knows these MR tags but TagFromName has no constants for them.
    private static final AttributeTag SCANNING_SEQUENCE = new AttributeTag(0x0018, 0x0020);
    private static final AttributeTag SEQUENCE_VARIANT = new AttributeTag(0x0018, 0x0021);
    private static final AttributeTag SCAN_OPTIONS = new AttributeTag(0x0018, 0x0022);

    private MrSeriesWriter() {
    }

    /**
     * Writes every slice of the volume into the folder (created when missing).
     *
     * @return the files written, in slice order
     * @throws DicomException when a file cannot be written
     */
    static List<Path> write(Volume volume, SeriesMetadata metadata, Path folder) throws DicomException {
        return write(volume, metadata, folder, written -> { });
    }

    /**
     * Writes every slice, telling {@code afterSlice} how many slices are done after each.
     *
     * @return the files written, in slice order
     * @throws DicomException when a file cannot be written
     */
    static List<Path> write(Volume volume, SeriesMetadata metadata, Path folder, IntConsumer afterSlice)
            throws DicomException {
        PixelScaling scaling = PixelScaling.of(volume);
        AttributeList shared = sharedAttributes(volume, metadata, scaling);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int k = 0; k < volume.geometry().depth(); k++) {
                Path file = folder.resolve(String.format("IM%04d.dcm", k + 1));
                sliceAttributes(shared, volume, k, scaling).write(file.toFile(),
                        TransferSyntax.ExplicitVRLittleEndian, true, true);
                files.add(file);
                afterSlice.accept(k + 1);
            }
        } catch (IOException e) {
            throw new DicomException("Could not write the DICOM series into " + folder + ": " + e.getMessage(), e);
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Could not encode the DICOM series for " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static AttributeList sharedAttributes(Volume volume, SeriesMetadata metadata, PixelScaling scaling)
            throws DicomException {
        try {
            AttributeList list = new AttributeList();
            putPatientAndStudy(list, metadata);
            putSeriesAndEquipment(list, metadata);
            putMrImage(list);
            putImagePlane(list, volume.geometry());
            putPixelDescription(list, volume.geometry(), scaling, WindowLevel.robust(volume));
            list.insertSuitableSpecificCharacterSetForAllStringValues();
            return list;
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Could not build the DICOM attributes of series "
                    + metadata.seriesDescription() + ": " + e.getMessage(), e);
        }
    }

    private static AttributeList sliceAttributes(AttributeList shared, Volume volume, int k, PixelScaling scaling)
            throws com.pixelmed.dicom.DicomException {
        VolumeGeometry g = volume.geometry();
        AttributeList list = new AttributeList();
        list.putAll(shared);
        String sopInstanceUid = Uids.fresh();
        put(list, TagFromName.SOPInstanceUID, sopInstanceUid);
        put(list, TagFromName.InstanceNumber, Integer.toString(k + 1));
        double[] position = g.slicePosition(k);
        putNumbers(list, TagFromName.ImagePositionPatient, position);
        putNumbers(list, TagFromName.SliceLocation, SlicePlane.dot(position, SlicePlane.normal(g)));
        list.put(pixelData(volume.slice(k), scaling));
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, SOURCE_AE_TITLE);
        return list;
    }

    private static void putPatientAndStudy(AttributeList list, SeriesMetadata m)
            throws com.pixelmed.dicom.DicomException {
        put(list, TagFromName.PatientName, m.patientName());
        put(list, TagFromName.PatientID, m.patientId());
        put(list, TagFromName.PatientBirthDate);
        put(list, TagFromName.PatientSex);
        put(list, TagFromName.StudyInstanceUID, m.studyInstanceUid());
        put(list, TagFromName.StudyDate, m.studyDate());
        put(list, TagFromName.StudyTime, m.studyTime());
        put(list, TagFromName.StudyDescription, m.studyDescription());
        put(list, TagFromName.StudyID, "1");
        put(list, TagFromName.AccessionNumber);
        put(list, TagFromName.ReferringPhysicianName);
    }

    private static void putSeriesAndEquipment(AttributeList list, SeriesMetadata m)
            throws com.pixelmed.dicom.DicomException {
        put(list, TagFromName.SOPClassUID, SOPClass.MRImageStorage);
        put(list, TagFromName.Modality, "MR");
        put(list, TagFromName.SeriesInstanceUID, m.seriesInstanceUid());
        put(list, TagFromName.SeriesNumber, Integer.toString(m.seriesNumber()));
        put(list, TagFromName.SeriesDescription, m.seriesDescription());
        put(list, TagFromName.SeriesDate, m.studyDate());
        put(list, TagFromName.SeriesTime, m.studyTime());
        put(list, TagFromName.ContentDate, m.studyDate());
        put(list, TagFromName.ContentTime, m.studyTime());
        put(list, TagFromName.PatientPosition, "HFS");
        put(list, TagFromName.Manufacturer, "Pointlearn");
        put(list, TagFromName.FrameOfReferenceUID, m.frameOfReferenceUid());
        put(list, TagFromName.PositionReferenceIndicator);
    }

    /** The MR Image module: a derived image with no acquisition of its own (research mode). */
    private static void putMrImage(AttributeList list) throws com.pixelmed.dicom.DicomException {
        put(list, TagFromName.ImageType, "DERIVED", "SECONDARY", "OTHER");
        put(list, SCANNING_SEQUENCE, "RM");
        put(list, SEQUENCE_VARIANT, "NONE");
        put(list, SCAN_OPTIONS);
        put(list, TagFromName.MRAcquisitionType, "3D");
        put(list, TagFromName.RepetitionTime);
        put(list, TagFromName.EchoTime);
        put(list, TagFromName.EchoTrainLength);
    }

    private static void putImagePlane(AttributeList list, VolumeGeometry g) throws com.pixelmed.dicom.DicomException {
        double[] row = g.rowDirection();
        double[] column = g.columnDirection();
        double[] spacing = g.spacing();
        putNumbers(list, TagFromName.ImageOrientationPatient, row[0], row[1], row[2], column[0], column[1], column[2]);
        putNumbers(list, TagFromName.PixelSpacing, spacing[1], spacing[0]);
        putNumbers(list, TagFromName.SliceThickness, spacing[2]);
        putNumbers(list, TagFromName.SpacingBetweenSlices, spacing[2]);
    }

    private static void putPixelDescription(AttributeList list, VolumeGeometry g, PixelScaling scaling,
            WindowLevel window) throws com.pixelmed.dicom.DicomException {
        putUnsignedShort(list, TagFromName.Rows, g.height());
        putUnsignedShort(list, TagFromName.Columns, g.width());
        putUnsignedShort(list, TagFromName.SamplesPerPixel, 1);
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        putUnsignedShort(list, TagFromName.BitsAllocated, 16);
        putUnsignedShort(list, TagFromName.BitsStored, 16);
        putUnsignedShort(list, TagFromName.HighBit, 15);
        putUnsignedShort(list, TagFromName.PixelRepresentation, 0);
        if (!scaling.isIdentity()) {
            putNumbers(list, TagFromName.RescaleSlope, scaling.slope());
            putNumbers(list, TagFromName.RescaleIntercept, scaling.intercept());
            put(list, TagFromName.RescaleType, "US");
        }
        putNumbers(list, TagFromName.WindowCenter, window.center());
        putNumbers(list, TagFromName.WindowWidth, window.width());
        put(list, TagFromName.WindowCenterWidthExplanation, "1st to 99th percentile");
    }

    private static Attribute pixelData(float[] values, PixelScaling scaling) throws com.pixelmed.dicom.DicomException {
        short[] stored = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            stored[i] = (short) scaling.stored(values[i]);
        }
        Attribute pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(stored);
        return pixels;
    }

    private static void put(AttributeList list, AttributeTag tag, String... values)
            throws com.pixelmed.dicom.DicomException {
        Attribute a = list.putNewAttribute(tag);
        for (String v : values) {
            a.addValue(v);
        }
    }

    private static void putNumbers(AttributeList list, AttributeTag tag, double... values)
            throws com.pixelmed.dicom.DicomException {
        Attribute a = list.putNewAttribute(tag);
        for (double v : values) {
            a.addValue(v == 0 ? 0.0 : v); // no "-0" in the file
        }
    }

    private static void putUnsignedShort(AttributeList list, AttributeTag tag, int value)
            throws com.pixelmed.dicom.DicomException {
        list.putNewAttribute(tag).addValue(value);
    }
}
