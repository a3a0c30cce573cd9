package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SOPClassDescriptions;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.pointlearn.dicom.api.DicomException;

/**
 * Reads the header of a DICOM image file, stopping before its pixel data, and rejects what
 * cannot be indexed: non-DICOM files, truncated or corrupt files, objects that are not images.
 */
final class HeaderReader {

    private static final int PREAMBLE_LENGTH = 128;
    private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

    private HeaderReader() {
    }

    /**
     * Reads one file's header.
     *
     * @throws DicomException when the file cannot be indexed; the message is the reason,
     *                        without the file name
     */
    static InstanceHeader read(Path file) throws DicomException {
        requirePart10(file);
        AttributeList list = new AttributeList();
        PixelDataStop stop = new PixelDataStop();
        long stoppedAt;
        try {
            stoppedAt = list.read(file.toFile(), stop);
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("unreadable DICOM (" + e.getMessage() + ")", e);
        }
        long size = size(file);
        if (stoppedAt > size) {
            throw new DicomException("truncated: the file ends inside its header");
        }
        requireUids(list, stop.reached());
        requireImage(list, stop.reached());
        requireCompletePixelData(list, stop.offset(), size);
        return header(file, list);
    }

    private static void requirePart10(Path file) throws DicomException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(PREAMBLE_LENGTH + MAGIC.length);
        } catch (IOException e) {
            throw new DicomException("cannot be read (" + e.getMessage() + ")", e);
        }
        if (start.length < PREAMBLE_LENGTH + MAGIC.length
                || !Arrays.equals(start, PREAMBLE_LENGTH, start.length, MAGIC, 0, MAGIC.length)) {
            throw new DicomException("not a DICOM file (no \"DICM\" marker after the 128-byte preamble)");
        }
    }

    private static void requireUids(AttributeList list, boolean pixelDataReached) throws DicomException {
        requireUid(list, TagFromName.SOPInstanceUID, "SOPInstanceUID", pixelDataReached);
        requireUid(list, TagFromName.SeriesInstanceUID, "SeriesInstanceUID", pixelDataReached);
        requireUid(list, TagFromName.StudyInstanceUID, "StudyInstanceUID", pixelDataReached);
    }

    private static void requireUid(AttributeList list, AttributeTag tag, String name, boolean pixelDataReached)
            throws DicomException {
        if (text(list, tag).isEmpty()) {
            throw new DicomException(pixelDataReached
                    ? "has no " + name
                    : "truncated or corrupt: the header breaks off before " + name);
        }
    }

    private static void requireImage(AttributeList list, boolean pixelDataReached) throws DicomException {
        if (pixelDataReached) {
            return;
        }
        String sopClass = text(list, TagFromName.SOPClassUID);
        if (SOPClass.isImageStorage(sopClass)) {
            throw new DicomException("truncated or corrupt: the file ends before its pixel data");
        }
        throw new DicomException("not an image (" + SOPClassDescriptions.getDescriptionFromUID(sopClass)
                + "); only images are indexed");
    }

    /** For uncompressed pixel data the length is known: a shorter file was cut off. */
    private static void requireCompletePixelData(AttributeList list, long pixelDataOffset, long size)
            throws DicomException {
        String uid = text(list, TagFromName.TransferSyntaxUID);
        TransferSyntax syntax = new TransferSyntax(uid.isEmpty() ? TransferSyntax.ExplicitVRLittleEndian : uid);
        if (syntax.isEncapsulated() || syntax.isDeflated() || syntax.isBzip2ed()) {
            return;
        }
        long needed = (long) integer(list, TagFromName.Rows) * integer(list, TagFromName.Columns)
                * Math.max(1, integer(list, TagFromName.NumberOfFrames))
                * Math.max(1, integer(list, TagFromName.SamplesPerPixel))
                * integer(list, TagFromName.BitsAllocated) / 8;
        long lengthField = syntax.isExplicitVR() ? 8 : 4;
        long available = size - pixelDataOffset - lengthField;
        if (available < needed) {
            throw new DicomException("truncated: its pixel data needs " + needed + " bytes but the file holds only "
                    + Math.max(0, available));
        }
    }

    private static InstanceHeader header(Path file, AttributeList list) {
        return new InstanceHeader(file,
                new InstanceHeader.Patient(text(list, TagFromName.PatientID), text(list, TagFromName.PatientName),
                        text(list, TagFromName.PatientBirthDate), text(list, TagFromName.PatientSex)),
                new InstanceHeader.Study(text(list, TagFromName.StudyInstanceUID), text(list, TagFromName.StudyDate),
                        text(list, TagFromName.StudyTime), text(list, TagFromName.StudyDescription),
                        text(list, TagFromName.AccessionNumber)),
                new InstanceHeader.Series(text(list, TagFromName.SeriesInstanceUID), text(list, TagFromName.Modality),
                        integer(list, TagFromName.SeriesNumber), text(list, TagFromName.SeriesDescription),
                        text(list, TagFromName.FrameOfReferenceUID)),
                text(list, TagFromName.SOPInstanceUID), text(list, TagFromName.SOPClassUID),
                text(list, TagFromName.TransferSyntaxUID), integer(list, TagFromName.InstanceNumber),
                integer(list, TagFromName.Rows), integer(list, TagFromName.Columns),
                Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.ImagePositionPatient),
                Attribute.getDelimitedStringValuesOrEmptyString(list, TagFromName.ImageOrientationPatient));
    }

    private static long size(Path file) throws DicomException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DicomException("cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private static int integer(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(list, tag, 0);
    }

    /** Stops reading at the pixel data and remembers where it starts. */
    private static final class PixelDataStop implements AttributeList.ReadTerminationStrategy {

        private long offset = -1;

        @Override
        public boolean terminate(AttributeList list, AttributeTag tag, long byteOffset) {
            if (TagFromName.PixelData.equals(tag)) {
                offset = byteOffset;
                return true;
            }
            return false;
        }

        boolean reached() {
            return offset >= 0;
        }

        /** Bytes read when reading stopped: just past the pixel data tag. */
        long offset() {
            return offset;
        }
    }
}
