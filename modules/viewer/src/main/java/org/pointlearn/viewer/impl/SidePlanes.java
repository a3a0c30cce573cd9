package org.pointlearn.viewer.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Planes;
import org.pointlearn.imaging.api.Planes.Plane;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;

/**
 * The two other anatomical planes beside the plane being annotated, and how a voxel of one is
 * found in the others. Every plane is a reformat of the same voxels (axis permutations and flips),
 * so a voxel's patient position names exactly one voxel in each: the cursor, the slice through it
 * and the annotated plane's masks are carried across by patient position, without interpolation.
 */
public final class SidePlanes {

    private final Volume main;
    private final List<Plane> planes;
    private final List<Volume> volumes;

    /**
     * @param acquired the volume as acquired
     * @param annotated the plane being annotated (its volume is {@code Planes.of(acquired, annotated)})
     */
    public SidePlanes(Volume acquired, Plane annotated) {
        main = Planes.of(acquired, annotated);
        Plane shown = annotated == Plane.ACQUIRED ? nearest(acquired.geometry()) : annotated;
        List<Plane> p = new ArrayList<>();
        List<Volume> v = new ArrayList<>();
        for (Plane each : new Plane[] {Plane.AXIAL, Plane.CORONAL, Plane.SAGITTAL}) {
            if (each != shown) {
                p.add(each);
                v.add(Planes.of(acquired, each));
            }
        }
        planes = List.copyOf(p);
        volumes = List.copyOf(v);
    }

    /** The anatomical plane closest to a volume's slices (by the largest component of its slice normal, LPS). */
    static Plane nearest(VolumeGeometry g) {
        double[] n = g.sliceDirection();
        int a = Math.abs(n[0]) >= Math.abs(n[1]) && Math.abs(n[0]) >= Math.abs(n[2]) ? 0
                : Math.abs(n[1]) >= Math.abs(n[2]) ? 1 : 2;
        return a == 0 ? Plane.SAGITTAL : a == 1 ? Plane.CORONAL : Plane.AXIAL;
    }

    /** The annotated plane's volume. */
    public Volume main() {
        return main;
    }

    /** The two side planes, in the order axial, coronal, sagittal. */
    public List<Plane> planes() {
        return planes;
    }

    /** Side plane s's volume (0 or 1). */
    public Volume volume(int s) {
        return volumes.get(s);
    }

    /**
     * Where a voxel of the annotated plane lies in side plane s.
     *
     * @return {column, row, slice} of side plane s
     */
    public int[] toSide(int s, int i, int j, int k) {
        return map(main.geometry(), volumes.get(s).geometry(), i, j, k);
    }

    /**
     * Where a voxel of side plane s lies in the annotated plane.
     *
     * @return {column, row, slice} of the annotated plane
     */
    public int[] toMain(int s, int u, int v, int w) {
        return map(volumes.get(s).geometry(), main.geometry(), u, v, w);
    }

    /**
     * The annotated plane's masks seen on slice w of side plane s.
     *
     * @param maskAt the annotated plane's mask of a slice, or null where it has none
     * @return the mask on side slice w's grid (empty where no slice it crosses has a mask)
     */
    public Mask2D sideMask(int s, int w, IntFunction<Mask2D> maskAt) {
        VolumeGeometry side = volumes.get(s).geometry();
        int width = side.width();
        int height = side.height();
        float[] inside = new float[width * height];
        boolean any = false;
        Mask2D[] cache = new Mask2D[main.geometry().depth()];
        boolean[] looked = new boolean[cache.length];
        // The planes are permutations and flips of one voxel grid: a side voxel's annotated voxel is
        // linear in (u, v), so three mappings give all of them (no solve per pixel on the event thread).
        int[] origin = toMain(s, 0, 0, w);
        int[] alongU = width > 1 ? toMain(s, 1, 0, w) : origin;
        int[] alongV = height > 1 ? toMain(s, 0, 1, w) : origin;
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                int[] m = new int[3];
                for (int a = 0; a < 3; a++) {
                    m[a] = origin[a] + u * (alongU[a] - origin[a]) + v * (alongV[a] - origin[a]);
                }
                if (!looked[m[2]]) {
                    looked[m[2]] = true;
                    cache[m[2]] = maskAt.apply(m[2]);
                }
                Mask2D mask = cache[m[2]];
                if (mask != null && mask.get(m[0], m[1])) {
                    inside[v * width + u] = 1f;
                    any = true;
                }
            }
        }
        return any ? Mask2D.threshold(inside, width, height, 0.5f) : null;
    }

    private static int[] map(VolumeGeometry from, VolumeGeometry to, int i, int j, int k) {
        double[] x = to.patientToVoxel(from.voxelToPatient(i, j, k));
        int a = (int) Math.round(x[0]);
        int b = (int) Math.round(x[1]);
        int c = (int) Math.round(x[2]);
        return a < 0 || b < 0 || c < 0 || a >= to.width() || b >= to.height() || c >= to.depth() ? null
                : new int[] {a, b, c};
    }
}
