package org.pointlearn.imaging.api;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads a NIfTI-1 volume ({@code .nii} or {@code .nii.gz}) into patient (LPS) geometry.
 * Supports the scalar data types of brain templates and label maps; the affine comes from
 * the sform when set, else the qform, else the voxel size alone.
 */
public final class NiftiReader {

    private static final int HEADER_SIZE = 348;

    private NiftiReader() {
    }

    /**
     * Reads a whole volume.
     *
     * @param file a NIfTI-1 file, gzip-compressed or not
     * @return the volume with values after scl_slope/scl_inter
     * @throws IOException when the file is unreadable or not a NIfTI-1 volume we support,
     *                     with the reason
     */
    public static Volume read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             InputStream in = isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw) {
            byte[] hdr = in.readNBytes(HEADER_SIZE);
            if (hdr.length < HEADER_SIZE) {
                throw new IOException(file + " is too short to be a NIfTI file");
            }
            ByteBuffer h = ByteBuffer.wrap(hdr).order(ByteOrder.LITTLE_ENDIAN);
            if (h.getInt(0) != HEADER_SIZE) {
                h.order(ByteOrder.BIG_ENDIAN);
                if (h.getInt(0) != HEADER_SIZE) {
                    throw new IOException(file + " is not a NIfTI-1 file (header size is not 348)");
                }
            }
            String magic = new String(hdr, 344, 3, java.nio.charset.StandardCharsets.US_ASCII);
            if (!magic.equals("n+1") && !magic.equals("ni1")) {
                throw new IOException(file + " is not a NIfTI-1 file (magic '" + magic + "')");
            }
            int dims = h.getShort(40);
            int nx = h.getShort(42);
            int ny = dims >= 2 ? h.getShort(44) : 1;
            int nz = dims >= 3 ? h.getShort(46) : 1;
            for (int d = 4; d <= dims && d <= 7; d++) {
                if (h.getShort(40 + 2 * d) > 1) {
                    throw new IOException(file + " has more than three dimensions; only single volumes are supported");
                }
            }
            int datatype = h.getShort(70);
            float voxOffset = h.getFloat(108);
            float slope = h.getFloat(112);
            float inter = h.getFloat(116);
            if (slope == 0 || !Float.isFinite(slope)) {
                slope = 1;
                inter = 0;
            }
            VolumeGeometry geometry = geometry(h, nx, ny, nz);
            long skip = (long) voxOffset - HEADER_SIZE;
            if (magic.equals("n+1") && skip > 0) {
                in.skipNBytes(skip);
            } else if (!magic.equals("n+1")) {
                throw new IOException(file + " is a two-file NIfTI (.hdr/.img); convert it to .nii first");
            }
            float[][] slices = new float[nz][nx * ny];
            readVoxels(in, h.order(), datatype, slices, slope, inter, file);
            return new Volume(geometry, slices);
        } catch (EOFException e) {
            throw new IOException(file + " ends before all voxels were read", e);
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static void readVoxels(InputStream in, ByteOrder order, int datatype, float[][] slices,
            float slope, float inter, Path file) throws IOException {
        int bytes = switch (datatype) {
            case 2, 256 -> 1;      // uint8, int8
            case 4, 512 -> 2;      // int16, uint16
            case 8, 16 -> 4;       // int32, float32
            case 64 -> 8;          // float64
            default -> throw new IOException(file + " has NIfTI data type " + datatype + ", which is not supported");
        };
        DataInputStream data = new DataInputStream(in);
        for (float[] slice : slices) {
            byte[] buf = new byte[slice.length * bytes];
            data.readFully(buf);
            ByteBuffer b = ByteBuffer.wrap(buf).order(order);
            for (int i = 0; i < slice.length; i++) {
                double v = switch (datatype) {
                    case 2 -> b.get(i) & 0xff;
                    case 256 -> b.get(i);
                    case 4 -> b.getShort(2 * i);
                    case 512 -> b.getShort(2 * i) & 0xffff;
                    case 8 -> b.getInt(4 * i);
                    case 16 -> b.getFloat(4 * i);
                    default -> b.getDouble(8 * i);
                };
                slice[i] = (float) (v * slope + inter);
            }
        }
    }

    /** Builds LPS geometry from the sform (preferred), qform, or pixdim. */
    private static VolumeGeometry geometry(ByteBuffer h, int nx, int ny, int nz) {
        double[] pix = {Math.abs(h.getFloat(80)), Math.abs(h.getFloat(84)), Math.abs(h.getFloat(88))};
        for (int i = 0; i < 3; i++) {
            if (!(pix[i] > 0)) {
                pix[i] = 1;
            }
        }
        int qform = h.getShort(252);
        int sform = h.getShort(254);
        double[][] ras = new double[3][4];
        if (sform > 0) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    ras[r][c] = h.getFloat(280 + 16 * r + 4 * c);
                }
            }
        } else if (qform > 0) {
            ras = quaternionAffine(h, pix);
        } else {
            ras = new double[][] {{pix[0], 0, 0, 0}, {0, pix[1], 0, 0}, {0, 0, pix[2], 0}};
        }
        // NIfTI is RAS, DICOM is LPS: negate x and y.
        double[][] lps = new double[3][4];
        for (int c = 0; c < 4; c++) {
            lps[0][c] = -ras[0][c];
            lps[1][c] = -ras[1][c];
            lps[2][c] = ras[2][c];
        }
        double[] spacing = new double[3];
        double[][] dirs = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double n = Math.sqrt(lps[0][c] * lps[0][c] + lps[1][c] * lps[1][c] + lps[2][c] * lps[2][c]);
            spacing[c] = n > 0 ? n : pix[c];
            for (int r = 0; r < 3; r++) {
                dirs[c][r] = n > 0 ? lps[r][c] / n : (r == c ? 1 : 0);
            }
        }
        return new VolumeGeometry(new int[] {nx, ny, nz}, spacing,
                new double[] {lps[0][3], lps[1][3], lps[2][3]}, dirs[0], dirs[1], dirs[2]);
    }

    private static double[][] quaternionAffine(ByteBuffer h, double[] pix) {
        double b = h.getFloat(256);
        double c = h.getFloat(260);
        double d = h.getFloat(264);
        double qx = h.getFloat(268);
        double qy = h.getFloat(272);
        double qz = h.getFloat(276);
        double qfac = h.getFloat(76) < 0 ? -1 : 1;
        double a = Math.sqrt(Math.max(0, 1 - (b * b + c * c + d * d)));
        double[][] r = {
            {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
            {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
            {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}};
        double[][] m = new double[3][4];
        for (int row = 0; row < 3; row++) {
            m[row][0] = r[row][0] * pix[0];
            m[row][1] = r[row][1] * pix[1];
            m[row][2] = r[row][2] * pix[2] * qfac;
        }
        m[0][3] = qx;
        m[1][3] = qy;
        m[2][3] = qz;
        return m;
    }
}
