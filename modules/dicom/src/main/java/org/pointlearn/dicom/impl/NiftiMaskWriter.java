package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * Writes a mask as NIfTI-1, gzipped: unsigned 8-bit voxels in the volume's i, j, k order and
 * an sform (scanner coordinates) that is the volume's patient geometry turned from DICOM's
 * LPS into NIfTI's RAS (x and y negated).
 */
final class NiftiMaskWriter {

    private static final int HEADER_SIZE = 348;
    private static final int VOX_OFFSET = 352;
    private static final short UINT8 = 2;
    private static final short NIFTI_XFORM_SCANNER_ANAT = 1;
    private static final short MM = 2;

    private NiftiMaskWriter() {
    }

    /** Writes the file (any existing file is replaced). */
    static void write(VolumeGeometry g, byte[][] mask, Path target) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(header(g).array());
            for (byte[] slice : mask) {
                if (slice == null) {
                    out.write(new byte[g.width() * g.height()]);   // not reviewed: nothing drawn
                    continue;
                }
                for (byte v : slice) {
                    out.write(v != 0 ? 1 : 0);
                }
            }
        }
    }

    private static ByteBuffer header(VolumeGeometry g) {
        ByteBuffer h = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0, HEADER_SIZE);
        short[] dim = {3, (short) g.width(), (short) g.height(), (short) g.depth(), 1, 1, 1, 1};
        for (int i = 0; i < dim.length; i++) {
            h.putShort(40 + 2 * i, dim[i]);
        }
        h.putShort(70, UINT8);
        h.putShort(72, (short) 8);
        double[] spacing = g.spacing();
        h.putFloat(76, 1);
        for (int i = 0; i < 3; i++) {
            h.putFloat(80 + 4 * i, (float) spacing[i]);
        }
        h.putFloat(108, VOX_OFFSET);
        h.putFloat(112, 1);
        h.put(123, (byte) MM);
        h.putShort(252, (short) 0);
        h.putShort(254, NIFTI_XFORM_SCANNER_ANAT);
        double[][] axes = {scaled(g.rowDirection(), spacing[0]), scaled(g.columnDirection(), spacing[1]),
            scaled(g.sliceDirection(), spacing[2])};
        double[] origin = g.origin();
        for (int row = 0; row < 3; row++) {
            double sign = row < 2 ? -1 : 1;
            for (int col = 0; col < 3; col++) {
                h.putFloat(280 + 16 * row + 4 * col, (float) (sign * axes[col][row]));
            }
            h.putFloat(280 + 16 * row + 12, (float) (sign * origin[row]));
        }
        h.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    private static double[] scaled(double[] v, double s) {
        return new double[] {v[0] * s, v[1] * s, v[2] * s};
    }
}
