package org.pointlearn.viewer.impl;

import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * The patient directions at the four edges of a displayed slice (R/L, A/P, S/I), as radiologists
 * read them: the slice is drawn with increasing columns to the right and increasing rows
 * downwards, so the right edge names where the row direction points and the bottom edge where
 * the column direction points (patient coordinates LPS: +x left, +y posterior, +z superior).
 * An oblique direction is named by its one or two largest components ("LA" when the second is at
 * least half the first).
 *
 * @param left the letters at the left edge
 * @param right the letters at the right edge
 * @param top the letters at the top edge
 * @param bottom the letters at the bottom edge
 */
public record Orientation(String left, String right, String top, String bottom) {

    /** The edges of a slice of this geometry. */
    public static Orientation of(VolumeGeometry g) {
        double[] row = g.rowDirection();
        double[] col = g.columnDirection();
        return new Orientation(letters(row, -1), letters(row, 1), letters(col, -1), letters(col, 1));
    }

    private static String letters(double[] d, int sign) {
        int first = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(d[a]) > Math.abs(d[first])) {
                first = a;
            }
        }
        int second = -1;
        for (int a = 0; a < 3; a++) {
            if (a != first && (second < 0 || Math.abs(d[a]) > Math.abs(d[second]))) {
                second = a;
            }
        }
        String out = letter(first, sign * d[first]);
        if (Math.abs(d[second]) >= 0.5 * Math.abs(d[first]) && Math.abs(d[second]) > 1e-6) {
            out += letter(second, sign * d[second]);
        }
        return out;
    }

    private static String letter(int axis, double value) {
        return switch (axis) {
            case 0 -> value > 0 ? "L" : "R";
            case 1 -> value > 0 ? "P" : "A";
            default -> value > 0 ? "S" : "I";
        };
    }
}
