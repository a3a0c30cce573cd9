package org.pointlearn.dicom.impl;

import gdcm.Image;
import gdcm.ImageReader;
import gdcm.PixelFormat;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.lib.dicom.GdcmRuntime;

/**
 * Decodes the compressions no Java codec here handles (JPEG-LS, 12-bit lossy JPEG, JPEG
 * 2000) through GDCM's Java bindings, or refuses them naming the transfer syntax when GDCM
 * is not installed.
 */
final class GdcmFrames {

    private static final Map<String, String> SYNTAX_NAMES = Map.of(
            "1.2.840.10008.1.2.4.51", "JPEG Extended (12-bit lossy)",
            "1.2.840.10008.1.2.4.80", "JPEG-LS Lossless",
            "1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless",
            "1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless",
            "1.2.840.10008.1.2.4.91", "JPEG 2000");
    private static final Set<String> HANDLED = SYNTAX_NAMES.keySet();

    private GdcmFrames() {
    }

    /** Whether this transfer syntax is decoded through GDCM. */
    static boolean handles(String transferSyntaxUid) {
        return HANDLED.contains(transferSyntaxUid);
    }

    /**
     * The raw samples of every frame, row by row.
     *
     * @throws DicomException when GDCM is missing or cannot decode the file
     */
    static int[][] decode(Path file, String syntax, int frames, int rows, int columns) throws DicomException {
        if (!GdcmRuntime.available()) {
            throw new DicomException(file.getFileName() + " is compressed as " + name(syntax)
                    + " which only GDCM decodes here, and " + GdcmRuntime.failure());
        }
        ImageReader reader = new ImageReader();
        try {
            reader.SetFileName(file.toString());
            if (!reader.Read()) {
                throw new DicomException("GDCM cannot read " + file.getFileName() + " (" + name(syntax) + ")");
            }
            Image image = reader.GetImage();
            byte[] buffer = new byte[Math.toIntExact(image.GetBufferLength())];
            if (!image.GetBuffer(buffer)) {
                throw new DicomException("GDCM cannot decode the pixel data of " + file.getFileName() + " ("
                        + name(syntax) + ")");
            }
            PixelFormat format = image.GetPixelFormat();
            return split(buffer, format.GetBitsAllocated(), frames, rows * columns, file);
        } finally {
            reader.delete();
        }
    }

    /** "JPEG-LS Lossless (1.2.840.10008.1.2.4.80)", for messages. */
    static String name(String syntax) {
        return SYNTAX_NAMES.getOrDefault(syntax, "transfer syntax") + " (" + syntax + ")";
    }

    private static int[][] split(byte[] buffer, int bitsAllocated, int frames, int pixels, Path file)
            throws DicomException {
        int bytes = bitsAllocated / 8;
        if (buffer.length < (long) frames * pixels * bytes) {
            throw new DicomException("GDCM decoded " + buffer.length + " bytes from " + file.getFileName()
                    + " where " + frames + " frames of " + pixels + " pixels need " + frames * pixels * bytes);
        }
        int[][] raw = new int[frames][pixels];
        for (int f = 0; f < frames; f++) {
            int base = f * pixels * bytes;
            for (int i = 0; i < pixels; i++) {
                int at = base + i * bytes;
                raw[f][i] = bytes == 1 ? buffer[at] & 0xff : (buffer[at] & 0xff) | (buffer[at + 1] & 0xff) << 8;
            }
        }
        return raw;
    }
}
