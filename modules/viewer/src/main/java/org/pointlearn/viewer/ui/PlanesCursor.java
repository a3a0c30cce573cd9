package org.pointlearn.viewer.ui;

import org.pointlearn.imaging.api.Planes;
import org.pointlearn.imaging.api.Volume;

/**
 * Where the other two planes cross the annotated one: a column and row of the annotated plane, and
 * the volume and plane it was put on. Owned by the viewer from its first click, so a click made
 * before the side views exist places them when they open.
 */
final class PlanesCursor {

    private int x;
    private int y;
    private Volume of;
    private Planes.Plane in;

    /** Puts the cursor on a pixel of a volume seen in a plane. */
    void put(int column, int row, Volume volume, Planes.Plane plane) {
        x = column;
        y = row;
        of = volume;
        in = plane;
    }

    /** Whether it was put on this volume in this plane (else it means nothing there). */
    boolean on(Volume volume, Planes.Plane plane) {
        return of == volume && in == plane;
    }

    int x() {
        return x;
    }

    int y() {
        return y;
    }
}
