package org.pointlearn.dicom.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * Stacks the images of a series into a volume: sorted by position along the slice normal,
 * slice spacing and direction taken from the positions, after checking that the images
 * form one regular stack.
 */
final class SliceStack {

    private static final double DIRECTION_TOLERANCE = 1e-4;
    private static final double SPACING_TOLERANCE_MM = 1e-3;
    private static final double UNEVEN_FRACTION = 0.02;

    private SliceStack() {
    }

    /**
     * The volumes of a series: one, or, when every slice position holds the same number of
     * images (time points, echoes, acquisitions), one volume per image at each position, in
     * instance-number order (the first volume holds the first image of every position).
     *
     * @throws DicomException as {@link #stack}, or when the positions hold different numbers of images
     */
    static List<Volume> volumes(List<SliceImage> images) throws DicomException {
        if (images.isEmpty() || images.stream().noneMatch(SliceImage::hasPlane)) {
            return List.of(stack(images));
        }
        SliceImage first = images.get(0);
        for (SliceImage image : images) {
            requireSamePlane(first, image);
        }
        double[] normal = SlicePlane.normal(first.rowDirection(), first.columnDirection());
        java.util.TreeMap<Long, List<SliceImage>> byPosition = new java.util.TreeMap<>();
        for (SliceImage image : images) {
            long key = Math.round(SlicePlane.dot(image.position(), normal) / SPACING_TOLERANCE_MM / 10);
            byPosition.computeIfAbsent(key, k -> new ArrayList<>()).add(image);
        }
        int count = byPosition.firstEntry().getValue().size();
        if (count == 1) {
            return List.of(stack(images));
        }
        for (List<SliceImage> at : byPosition.values()) {
            if (at.size() != count) {
                throw new DicomException(String.format(Locale.ROOT, "The series holds more than one volume, but its"
                        + " %d slice positions hold from %d to %d images each: it cannot be split into volumes",
                        byPosition.size(), byPosition.values().stream().mapToInt(List::size).min().orElse(0),
                        byPosition.values().stream().mapToInt(List::size).max().orElse(0)));
            }
            at.sort(Comparator.comparingInt(SliceImage::instanceNumber));
        }
        List<Volume> out = new ArrayList<>(count);
        for (int v = 0; v < count; v++) {
            List<SliceImage> one = new ArrayList<>(byPosition.size());
            for (List<SliceImage> at : byPosition.values()) {
                one.add(at.get(v));
            }
            out.add(stack(one));
        }
        return out;
    }

    /**
     * Builds the volume.
     *
     * @throws DicomException when the images differ in size, orientation or pixel spacing,
     *                        share a position, or are unevenly spaced
     */
    static Volume stack(List<SliceImage> images) throws DicomException {
        if (images.isEmpty()) {
            throw new DicomException("The series has no images");
        }
        SliceImage first = images.get(0);
        for (SliceImage image : images) {
            requireSameSize(first, image);
        }
        if (images.stream().noneMatch(SliceImage::hasPlane)) {
            return withoutPlane(images);
        }
        for (SliceImage image : images) {
            requireSamePlane(first, image);
        }
        double[] normal = SlicePlane.normal(first.rowDirection(), first.columnDirection());
        List<SliceImage> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.comparingDouble(image -> SlicePlane.dot(image.position(), normal)));
        double[] spacing = inPlaneSpacing(first);
        double[] slice = sliceStep(sorted, normal);
        double length = Math.sqrt(SlicePlane.dot(slice, slice));
        VolumeGeometry geometry = new VolumeGeometry(new int[] {first.columns(), first.rows(), sorted.size()},
                new double[] {spacing[0], spacing[1], length}, sorted.get(0).position(),
                first.rowDirection(), first.columnDirection(), slice);
        return new Volume(geometry, sorted.stream().map(SliceImage::values).toArray(float[][]::new));
    }

    /** Images without patient geometry: in instance number order, as an axial stack. */
    private static Volume withoutPlane(List<SliceImage> images) {
        List<SliceImage> sorted = new ArrayList<>(images);
        sorted.sort(Comparator.comparingInt(SliceImage::instanceNumber));
        SliceImage first = sorted.get(0);
        double[] spacing = inPlaneSpacing(first);
        VolumeGeometry geometry = VolumeGeometry.axial(first.columns(), first.rows(), sorted.size(),
                spacing[0], spacing[1], singleSliceSpacing(first));
        return new Volume(geometry, sorted.stream().map(SliceImage::values).toArray(float[][]::new));
    }

    /**
     * The step from one slice to the next: the mean step between the sorted positions, or
     * the slice normal times the nominal spacing for a single image.
     */
    private static double[] sliceStep(List<SliceImage> sorted, double[] normal) throws DicomException {
        int n = sorted.size();
        if (n == 1) {
            double s = singleSliceSpacing(sorted.get(0));
            return new double[] {normal[0] * s, normal[1] * s, normal[2] * s};
        }
        double[] gaps = new double[n - 1];
        for (int k = 1; k < n; k++) {
            gaps[k - 1] = SlicePlane.dot(sorted.get(k).position(), normal)
                    - SlicePlane.dot(sorted.get(k - 1).position(), normal);
            if (gaps[k - 1] < SPACING_TOLERANCE_MM) {
                throw new DicomException(String.format(Locale.ROOT, "%s and %s lie at the same position (%.2f mm"
                        + " along the slice normal): the series holds more than one volume (several time points,"
                        + " echoes or acquisitions)", sorted.get(k - 1).name(), sorted.get(k).name(),
                        SlicePlane.dot(sorted.get(k).position(), normal)));
            }
        }
        requireEvenGaps(gaps);
        double[] from = sorted.get(0).position();
        double[] to = sorted.get(n - 1).position();
        return new double[] {(to[0] - from[0]) / (n - 1), (to[1] - from[1]) / (n - 1), (to[2] - from[2]) / (n - 1)};
    }

    private static void requireEvenGaps(double[] gaps) throws DicomException {
        double min = Arrays.stream(gaps).min().orElseThrow();
        double max = Arrays.stream(gaps).max().orElseThrow();
        double mean = Arrays.stream(gaps).average().orElseThrow();
        if (max - min > UNEVEN_FRACTION * mean + SPACING_TOLERANCE_MM) {
            throw new DicomException(String.format(Locale.ROOT, "The slices are unevenly spaced (%.3f to %.3f mm"
                    + " apart): images are missing or the series mixes stacks", min, max));
        }
    }

    private static double singleSliceSpacing(SliceImage image) {
        if (image.spacingBetweenSlices() > 0) {
            return image.spacingBetweenSlices();
        }
        return image.sliceThickness() > 0 ? image.sliceThickness() : 1;
    }

    /** Spacing along i (between columns) and j (between rows); 1 mm when not given. */
    private static double[] inPlaneSpacing(SliceImage image) {
        double[] ps = image.pixelSpacing();
        return ps != null && ps[0] > 0 && ps[1] > 0 ? new double[] {ps[1], ps[0]} : new double[] {1, 1};
    }

    private static void requireSameSize(SliceImage first, SliceImage image) throws DicomException {
        if (image.rows() != first.rows() || image.columns() != first.columns()) {
            throw new DicomException("The images of the series differ in size: " + first.name() + " has "
                    + first.columns() + "x" + first.rows() + " pixels, " + image.name() + " has "
                    + image.columns() + "x" + image.rows());
        }
    }

    private static void requireSamePlane(SliceImage first, SliceImage image) throws DicomException {
        if (!image.hasPlane()) {
            throw new DicomException(image.name() + " lacks ImagePositionPatient or ImageOrientationPatient while "
                    + first.name() + " has them: the series cannot be stacked");
        }
        if (!close(first.orientation(), image.orientation(), DIRECTION_TOLERANCE)) {
            throw new DicomException("The images of the series have different orientations: "
                    + Arrays.toString(first.orientation()) + " in " + first.name() + ", "
                    + Arrays.toString(image.orientation()) + " in " + image.name()
                    + " (e.g. a localizer with several planes)");
        }
        if (!close(inPlaneSpacing(first), inPlaneSpacing(image), SPACING_TOLERANCE_MM)) {
            throw new DicomException("The images of the series have different pixel spacings: "
                    + Arrays.toString(first.pixelSpacing()) + " mm in " + first.name() + ", "
                    + Arrays.toString(image.pixelSpacing()) + " mm in " + image.name());
        }
    }

    private static boolean close(double[] a, double[] b, double tolerance) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
