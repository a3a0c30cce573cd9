package org.pointlearn.dicom.impl;

import java.util.Comparator;
import java.util.List;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * The first slice of a series without decoding the rest: the instance lowest along the
 * slice normal (from the positions kept in the index), or the first by instance number
 * when the images carry no plane. A multi-frame instance contributes its first frame in stack order.
 */
final class FirstSlice {

    private FirstSlice() {
    }

    /**
     * Loads it as a volume of depth 1.
     *
     * @throws DicomException when the series has no images or the chosen one cannot be decoded
     */
    static Volume load(List<IndexedInstance> instances, String seriesName) throws DicomException {
        if (instances.isEmpty()) {
            throw new DicomException("The series " + seriesName + " is not in the study index");
        }
        IndexedInstance first = instances.get(0);
        double[] orientation = IndexedInstance.numbers(first.orientation(), 6);
        if (orientation != null && instances.stream().allMatch(i -> IndexedInstance.numbers(i.position(), 3) != null)) {
            double[] normal = SlicePlane.normal(new double[] {orientation[0], orientation[1], orientation[2]},
                    new double[] {orientation[3], orientation[4], orientation[5]});
            first = instances.stream().min(Comparator.comparingDouble(
                    i -> SlicePlane.dot(IndexedInstance.numbers(i.position(), 3), normal))).orElseThrow();
        }
        Volume stack = SliceStack.stack(SliceReader.readFrames(first.file()));
        VolumeGeometry g = stack.geometry();
        return new Volume(new VolumeGeometry(new int[] {g.width(), g.height(), 1}, g.spacing(), g.origin(),
                g.rowDirection(), g.columnDirection(), g.sliceDirection()), new float[][] {stack.slice(0)});
    }
}
