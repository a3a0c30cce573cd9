package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Siemens mosaic images (fMRI, diffusion): one stored image tiling the slices of a volume in a
 * square grid. The number of slices is Siemens' private "NumberOfImagesInMosaic" (0019,100A); the
 * slice normal, with its sign (the order of the tiles), is "SliceNormalVector" of the CSA image
 * header (0029,1010) (row x column when absent). The mosaic's ImagePositionPatient is the corner of
 * the whole grid as if it were one image: the first tile's corner is half the extra width and
 * height further along the rows and columns, and each next tile one slice spacing along the normal.
 * Our own reading of the CSA layout ("SV10", tags of name, VM, VR, item count, items of
 * length-prefixed text), kept to the one element needed.
 */
final class Mosaic {

    private static final AttributeTag IMAGES_IN_MOSAIC = new AttributeTag(0x0019, 0x100a);
    private static final AttributeTag CSA_IMAGE_HEADER = new AttributeTag(0x0029, 0x1010);

    private Mosaic() {
    }

    /** The number of slices tiled in the image, or 0 when it is not a mosaic. */
    static int slices(AttributeList list) {
        String[] type = attributeStrings(list, TagFromName.ImageType);
        boolean mosaic = false;
        for (String t : type) {
            mosaic |= "MOSAIC".equalsIgnoreCase(t.trim());
        }
        if (!mosaic) {
            return 0;
        }
        Attribute a = list.get(IMAGES_IN_MOSAIC);
        if (a == null) {
            return 0;
        }
        try {
            int[] v = a.getIntegerValues();
            if (v != null && v.length == 1 && v[0] > 0) {
                return v[0];
            }
        } catch (com.pixelmed.dicom.DicomException | RuntimeException e) {
            // implicit VR: PixelMed does not know the private element's VR; read its two bytes below
        }
        try {
            byte[] b = a.getByteValues();
            return b != null && b.length >= 2 ? (b[0] & 0xff) | (b[1] & 0xff) << 8 : 0;
        } catch (com.pixelmed.dicom.DicomException e) {
            return 0;
        }
    }

    /** SliceNormalVector of the CSA image header, or null when there is none to read. */
    static double[] sliceNormal(AttributeList list) {
        Attribute a = list.get(CSA_IMAGE_HEADER);
        byte[] csa;
        try {
            csa = a == null ? null : a.getByteValues();
        } catch (com.pixelmed.dicom.DicomException e) {
            return null;
        }
        List<String> items = csaItems(csa, "SliceNormalVector");
        if (items == null || items.size() < 3) {
            return null;
        }
        try {
            double[] n = {Double.parseDouble(items.get(0)), Double.parseDouble(items.get(1)),
                Double.parseDouble(items.get(2))};
            double length = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            return length > 0.5 ? new double[] {n[0] / length, n[1] / length, n[2] / length} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The items of one element of a CSA2 header ("SV10"), as text, or null when the header or the
     * element is not there.
     */
    static List<String> csaItems(byte[] csa, String wanted) {
        if (csa == null || csa.length < 16 || csa[0] != 'S' || csa[1] != 'V' || csa[2] != '1' || csa[3] != '0') {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(csa).order(ByteOrder.LITTLE_ENDIAN);
        in.position(8);
        int tags = in.getInt();
        in.getInt();   // 77
        try {
            for (int t = 0; t < tags; t++) {
                byte[] nameBytes = new byte[64];
                in.get(nameBytes);
                int end = 0;
                while (end < 64 && nameBytes[end] != 0) {
                    end++;
                }
                String name = new String(nameBytes, 0, end, StandardCharsets.US_ASCII);
                in.getInt();                  // VM
                in.position(in.position() + 4);   // VR
                in.getInt();                  // SyngoDT
                int count = in.getInt();
                in.getInt();                  // 77 or 205
                List<String> items = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    in.getInt();
                    int length = in.getInt();
                    in.getInt();
                    in.getInt();
                    if (length < 0 || length > in.remaining()) {
                        return null;
                    }
                    byte[] text = new byte[length];
                    in.get(text);
                    int stop = 0;
                    while (stop < length && text[stop] != 0) {
                        stop++;
                    }
                    items.add(new String(text, 0, stop, StandardCharsets.US_ASCII).trim());
                    in.position(in.position() + (4 - length % 4) % 4);
                }
                if (name.equals(wanted)) {
                    return items;
                }
            }
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            return null;   // a header cut short: as if it were not there
        }
        return null;
    }

    /**
     * The slices of a mosaic image, each placed in the patient.
     *
     * @param mosaic the image as stored (the whole grid)
     * @param count slices tiled in it
     * @param normal the slice normal (with the tiles' order), or null for row x column
     * @return one image per slice, first tile first
     */
    static List<SliceImage> split(SliceImage mosaic, int count, double[] normal) {
        int grid = (int) Math.ceil(Math.sqrt(count));
        int rows = mosaic.rows() / grid;
        int columns = mosaic.columns() / grid;
        double[] r = mosaic.hasPlane() ? mosaic.rowDirection() : new double[] {1, 0, 0};
        double[] c = mosaic.hasPlane() ? mosaic.columnDirection() : new double[] {0, 1, 0};
        double[] n = normal != null ? normal : SlicePlane.normal(r, c);
        double rowSpacing = mosaic.pixelSpacing() != null ? mosaic.pixelSpacing()[0] : 1;
        double columnSpacing = mosaic.pixelSpacing() != null ? mosaic.pixelSpacing()[1] : 1;
        double step = mosaic.spacingBetweenSlices() > 0 ? mosaic.spacingBetweenSlices()
                : mosaic.sliceThickness() > 0 ? mosaic.sliceThickness() : 1;
        double[] corner = mosaic.position() != null ? mosaic.position() : new double[3];
        double across = (mosaic.columns() - columns) / 2.0 * columnSpacing;
        double down = (mosaic.rows() - rows) / 2.0 * rowSpacing;
        List<SliceImage> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            float[] values = new float[rows * columns];
            int x0 = (k % grid) * columns;
            int y0 = (k / grid) * rows;
            for (int y = 0; y < rows; y++) {
                System.arraycopy(mosaic.values(), (y0 + y) * mosaic.columns() + x0, values, y * columns, columns);
            }
            double[] p = new double[3];
            for (int a = 0; a < 3; a++) {
                p[a] = corner[a] + r[a] * across + c[a] * down + n[a] * step * k;
            }
            out.add(new SliceImage(mosaic.file(), k + 1, rows, columns, mosaic.orientation(), p, mosaic.pixelSpacing(),
                    mosaic.sliceThickness(), step, mosaic.instanceNumber(), values));
        }
        return out;
    }

    private static String[] attributeStrings(AttributeList list, AttributeTag tag) {
        String[] v = Attribute.getStringValues(list, tag);
        return v == null ? new String[0] : v;
    }
}
