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
        String bareSyntax = requireDicomStart(file);
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
        requireCompletePixelData(list, bareSyntax, stop.offset(), size);
        return header(file, list);
    }

    /**
     * A Part-10 file (preamble and "DICM"), or a bare little-endian data set as old archives
     * keep them (no preamble, no file meta information): dcmtk and PixelMed read both.
     *
     * @return for a bare data set its transfer syntax (implicit or explicit VR little endian),
     *         for a Part-10 file null (its meta information names it)
     */
    private static String requireDicomStart(Path file) throws DicomException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(START_READ);
        } catch (IOException e) {
            throw new DicomException("cannot be read (" + e.getMessage() + ")", e);
        }
        boolean part10 = start.length >= PREAMBLE_LENGTH + MAGIC.length
                && Arrays.equals(start, PREAMBLE_LENGTH, PREAMBLE_LENGTH + MAGIC.length, MAGIC, 0, MAGIC.length);
        if (part10) {
            return null;
        }
        if (!startsLikeADataSet(start, size(file))) {
            throw new DicomException("not a DICOM file (no \"DICM\" marker after the 128-byte preamble, and it does not "
                    + "start as a DICOM data set)");
        }
        return new String(start, 4, 2, StandardCharsets.US_ASCII).matches("[A-Z]{2}")
                ? TransferSyntax.ExplicitVRLittleEndian : TransferSyntax.ImplicitVRLittleEndian;
    }

    /** Bytes read to recognise the start of a file. */
    private static final int START_READ = 4096;

    /** Value representations whose explicit-VR length field is 4 bytes after 2 reserved ones. */
    private static final java.util.Set<String> LONG_VRS = java.util.Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ",
            "SV", "UC", "UN", "UR", "UT", "UV");

    /**
     * Whether bytes start as a little-endian data set, implicit or explicit VR: a first element
     * of group 0008 (identification, where every image's data set begins) or a group length, then
     * elements in ascending tag order whose lengths stay inside the file.
     */
    static boolean startsLikeADataSet(byte[] b, long fileSize) {
        int pos = 0;
        long previous = -1;
        for (int k = 0; k < 4; k++) {
            if (pos + 8 > b.length) {
                return k > 0;
            }
            int group = u16(b, pos);
            long tag = (long) group << 16 | u16(b, pos + 2);
            if ((k == 0 && group != 0x0008 && group != 0x0000) || tag <= previous) {
                return false;
            }
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            long length;
            int header;
            if (vr.matches("[A-Z]{2}")) {
                boolean longForm = LONG_VRS.contains(vr);
                if (longForm && pos + 12 > b.length) {
                    return true;
                }
                length = longForm ? u32(b, pos + 8) : u16(b, pos + 6);
                header = longForm ? 12 : 8;
            } else {
                length = u32(b, pos + 4);
                header = 8;
            }
            if (length == 0xFFFFFFFFL) {
                return true; // a sequence of undefined length: its items follow
            }
            long next = pos + header + length;
            if (next > fileSize || length % 2 != 0) {
                return false;
            }
            if (next > b.length) {
                return true;
            }
            pos = (int) next;
            previous = tag;
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
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
    private static void requireCompletePixelData(AttributeList list, String bareSyntax, long pixelDataOffset, long size)
            throws DicomException {
        String uid = text(list, TagFromName.TransferSyntaxUID);
        TransferSyntax syntax = new TransferSyntax(!uid.isEmpty() ? uid
                : bareSyntax != null ? bareSyntax : TransferSyntax.ExplicitVRLittleEndian);
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
