package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherByteAttributeCompressedSeparateFramesOnDisk;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.display.SourceImage;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.pointlearn.dicom.api.DicomException;

/**
 * Decodes the stored pixel values of every frame of a greyscale image: uncompressed data
 * (little or big endian, deflated) straight from the PixelData attribute, RLE and JPEG
 * baseline/lossless through PixelMed, JPEG-LS, 12-bit JPEG and JPEG 2000 through GDCM.
 * Bits outside BitsStored are masked off and signed values sign-extended at HighBit.
 */
final class StoredPixels {

    private StoredPixels() {
    }

    /**
     * The stored values, one array per frame, row by row.
     *
     * @throws DicomException when the pixel data is missing, of an unsupported kind or undecodable
     */
    static int[][] decode(AttributeList list, Path file) throws DicomException {
        int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
        int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1));
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new DicomException(file.getFileName() + " has " + bitsAllocated
                    + "-bit pixels; only 8- and 16-bit images are supported");
        }
        Attribute pixelData = list.get(TagFromName.PixelData);
        if (pixelData == null) {
            throw new DicomException(file.getFileName() + " has no pixel data");
        }
        String syntax = Attribute.getSingleStringValueOrDefault(list, TagFromName.TransferSyntaxUID,
                TransferSyntax.ExplicitVRLittleEndian).trim();
        int[][] raw;
        if (!isEncapsulated(syntax, pixelData)) {
            raw = uncompressed(pixelData, bitsAllocated, frames, rows * columns, file);
        } else if (GdcmFrames.handles(syntax)) {
            raw = GdcmFrames.decode(file, syntax, frames, rows, columns);
        } else {
            raw = decompressed(list, file, frames, rows, columns);
        }
        for (int[] frame : raw) {
            toStoredValues(frame, list);
        }
        return raw;
    }

    /** By the syntax when PixelMed knows it, else by how the pixel data was read (as compressed fragments). */
    private static boolean isEncapsulated(String syntax, Attribute pixelData) {
        return new TransferSyntax(syntax).isEncapsulated()
                || pixelData instanceof OtherByteAttributeMultipleCompressedFrames
                || pixelData instanceof OtherByteAttributeCompressedSeparateFramesOnDisk;
    }

    private static int[][] uncompressed(Attribute pixelData, int bitsAllocated, int frames, int count, Path file)
            throws DicomException {
        int[][] raw = new int[frames][count];
        try {
            if (bitsAllocated == 8) {
                byte[] bytes = pixelData.getByteValues();
                requireLength(bytes.length, frames * count, file);
                for (int i = 0; i < frames * count; i++) {
                    raw[i / count][i % count] = bytes[i] & 0xff;
                }
            } else {
                short[] words = pixelData.getShortValues();
                requireLength(words.length, frames * count, file);
                for (int i = 0; i < frames * count; i++) {
                    raw[i / count][i % count] = words[i] & 0xffff;
                }
            }
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the pixel data of " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return raw;
    }

    private static int[][] decompressed(AttributeList list, Path file, int frames, int rows, int columns)
            throws DicomException {
        SourceImage source;
        try {
            source = new SourceImage(list);
        } catch (com.pixelmed.dicom.DicomException | RuntimeException e) {
            throw undecodable(list, file, e);
        }
        int[][] raw = new int[frames][];
        for (int f = 0; f < frames; f++) {
            BufferedImage image;
            try {
                image = source.getBufferedImage(f);
            } catch (RuntimeException e) {
                throw undecodable(list, file, e);
            }
            if (image == null) {
                throw undecodable(list, file, null);
            }
            if (image.getWidth() != columns || image.getHeight() != rows) {
                throw new DicomException(file.getFileName() + " decodes to " + image.getWidth() + "x"
                        + image.getHeight() + " pixels instead of " + columns + "x" + rows);
            }
            raw[f] = image.getRaster().getSamples(0, 0, columns, rows, 0, new int[rows * columns]);
        }
        return raw;
    }

    /** Keeps the BitsStored bits ending at HighBit, sign-extended for PixelRepresentation 1. */
    private static void toStoredValues(int[] raw, AttributeList list) {
        int bitsAllocated = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, bitsAllocated);
        int highBit = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.HighBit, bitsStored - 1);
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        int shift = Math.max(0, highBit + 1 - bitsStored);
        int mask = (1 << bitsStored) - 1;
        int signBit = 1 << (bitsStored - 1);
        for (int i = 0; i < raw.length; i++) {
            int v = (raw[i] >> shift) & mask;
            raw[i] = signed && (v & signBit) != 0 ? v - (1 << bitsStored) : v;
        }
    }

    private static void requireLength(int length, int count, Path file) throws DicomException {
        if (length < count) {
            throw new DicomException(file.getFileName() + " holds " + length + " pixels instead of " + count
                    + ": the file is truncated");
        }
    }

    private static DicomException undecodable(AttributeList list, Path file, Exception cause) {
        String syntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID);
        String message = "Cannot decode the compressed pixel data of " + file.getFileName() + " (transfer syntax "
                + syntax + "): " + (cause == null ? "no installed decoder produced an image" : cause.getMessage());
        return new DicomException(message, cause);
    }
}
