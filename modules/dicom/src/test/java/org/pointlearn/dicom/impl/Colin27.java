package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Reorientation;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/** The Colin27 template of Debian's mricron-data in axial order, read once per test run. */
final class Colin27 {

    /** Installed by scripts/setup (Debian mricron-data). */
    static final Path TEMPLATE = Path.of("/usr/share/mricron/templates/ch2.nii.gz");

    private static Volume axial;

    private Colin27() {
    }

    /** The whole template, axial: 181 x 217 x 181 at 1 mm. */
    static synchronized Volume axial() throws IOException {
        if (axial == null) {
            axial = Reorientation.toAxial(NiftiReader.read(TEMPLATE));
        }
        return axial;
    }

    /** {@code count} axial slices from {@code first} on, with the geometry of that part of the template. */
    static Volume slab(int first, int count) throws IOException {
        Volume all = axial();
        VolumeGeometry g = all.geometry();
        VolumeGeometry part = new VolumeGeometry(new int[] {g.width(), g.height(), count}, g.spacing(),
                g.slicePosition(first), g.rowDirection(), g.columnDirection(), g.sliceDirection());
        float[][] slices = new float[count][];
        for (int k = 0; k < count; k++) {
            slices[k] = Arrays.copyOf(all.slice(first + k), all.slice(first + k).length);
        }
        return new Volume(part, slices);
    }
}
