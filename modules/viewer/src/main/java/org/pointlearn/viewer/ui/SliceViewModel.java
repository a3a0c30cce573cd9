package org.pointlearn.viewer.ui;

import java.util.List;
import java.util.Locale;
import javax.swing.event.ChangeListener;
import org.openide.util.ChangeSupport;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.ImageFit;
import org.pointlearn.viewer.impl.ViewTransform;

/**
 * What the viewer shows: a volume, the current slice, the display window, zoom and pan.
 * Starts at the middle slice with a robust window, the whole slice fitted; the slice index is
 * always clamped to the volume.
 * Used on the event thread.
 */
final class SliceViewModel {

    private final ChangeSupport changes = new ChangeSupport(this);
    private Volume volume;
    private int slice;
    private WindowLevel window;
    private WindowLevel initialWindow;
    /**
     * The windows keys 1-9 choose: those stored with the images, then "auto" (1st-99th percentile),
     * "MR contrast" (10th-90th: grey against white matter), "MR bright" (50th-99.9th: fluid, oedema
     * and enhancing lesions) and "full range".
     */
    private List<Preset> presets = List.of();
    private boolean infoShown = true;

    /** A named window. */
    record Preset(String name, WindowLevel window) {
    }
    private ViewTransform transform = ViewTransform.FIT;

    /** Smallest and largest zoom. */
    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 16;

    /** Shows a new volume at its middle slice, windowed robustly from its values. */
    void show(Volume newVolume) {
        show(newVolume, List.of());
    }

    /**
     * Shows a new volume at its middle slice.
     *
     * @param newVolume the volume
     * @param preset the window stored with the images, or null to derive one from the values
     */
    void show(Volume newVolume, WindowLevel preset) {
        show(newVolume, preset == null ? List.of() : List.of(preset));
    }

    /**
     * Shows a new volume at its middle slice in the first window stored with the images, or a
     * robust one derived from its values when none was stored.
     *
     * @param newVolume the volume
     * @param stored the windows stored with the images, first the one to use
     */
    void show(Volume newVolume, List<WindowLevel> stored) {
        slice = newVolume.geometry().depth() / 2;
        List<Preset> all = new java.util.ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            all.add(new Preset(stored.size() == 1 ? "stored" : "stored " + (i + 1), stored.get(i)));
        }
        // MR has no fixed units: its presets are percentiles of the tissue's values (one sample for all three)
        List<WindowLevel> tissue = WindowLevel.percentiles(newVolume, new double[] {0.01, 0.99},
                new double[] {0.10, 0.90}, new double[] {0.50, 0.999});
        all.add(new Preset("auto", tissue.get(0)));
        all.add(new Preset("MR contrast", tissue.get(1)));
        all.add(new Preset("MR bright", tissue.get(2)));
        float[] range = newVolume.range();
        all.add(new Preset("full range", new WindowLevel((range[0] + range[1]) / 2.0,
                Math.max(1e-6, range[1] - range[0]))));
        presets = List.copyOf(all);
        window = presets.get(0).window();
        initialWindow = window;
        if (volume == null || newVolume.geometry().width() != volume.geometry().width()
                || newVolume.geometry().height() != volume.geometry().height()) {
            transform = ViewTransform.FIT;
        }
        volume = newVolume;
        changes.fireChange();
    }

    /** The volume shown, or null. */
    Volume volume() {
        return volume;
    }

    boolean hasVolume() {
        return volume != null;
    }

    /** The current slice index, 0-based. */
    int slice() {
        return slice;
    }

    int sliceCount() {
        return volume == null ? 0 : volume.geometry().depth();
    }

    WindowLevel window() {
        return window;
    }

    /** Moves by a number of slices, stopping at the first and last. */
    void moveSlices(int delta) {
        goToSlice(slice + delta);
    }

    /**
     * Shows another volume of the same series (another time point or echo) at the same slice,
     * window, zoom and pan.
     */
    void replaceVolume(Volume other) {
        if (volume == null) {
            show(other);
            return;
        }
        volume = other;
        slice = Math.max(0, Math.min(other.geometry().depth() - 1, slice));
        changes.fireChange();
    }

    /** Goes to slice k, clamped to the volume. */
    void goToSlice(int k) {
        if (volume == null) {
            return;
        }
        int clamped = Math.max(0, Math.min(sliceCount() - 1, k));
        if (clamped != slice) {
            slice = clamped;
            changes.fireChange();
        }
    }

    /** Whether the patient and series lines are shown (I toggles them). */
    boolean infoShown() {
        return infoShown;
    }

    /** Shows or hides the patient and series lines. */
    void toggleInfo() {
        infoShown = !infoShown;
        changes.fireChange();
    }

    /** The windows keys 1-9 choose, in order. */
    List<Preset> presets() {
        return presets;
    }

    /** Uses the i-th preset window (0-based), if there is one. */
    void choosePreset(int i) {
        if (i >= 0 && i < presets.size()) {
            setWindow(presets.get(i).window());
        }
    }

    /** Puts the window back to the one the series opened with (its stored preset, or the robust one). */
    void resetWindow() {
        if (initialWindow != null) {
            setWindow(initialWindow);
        }
    }

    /**
     * What is under a slice pixel of the current slice: the voxel index (0-based column, row,
     * slice), its patient position and its value, in words ("IJK 60, 70, 2 · R 12.0 A 30.5 S 4.0 mm
     * · 812"), the patient axes as a radiologist reads them (LPS: +x left, +y posterior, +z superior).
     */
    String readout(int x, int y) {
        if (volume == null) {
            return "";
        }
        double[] p = volume.geometry().voxelToPatient(x, y, slice);
        return String.format(Locale.ROOT, "IJK %d, %d, %d \u00b7 %s %.1f %s %.1f %s %.1f mm \u00b7 %s", x, y, slice,
                p[0] < 0 ? "R" : "L", Math.abs(p[0]), p[1] < 0 ? "A" : "P", Math.abs(p[1]), p[2] < 0 ? "I" : "S",
                Math.abs(p[2]), number(volume.value(x, y, slice)));
    }

    /** Sets the display window. */
    void setWindow(WindowLevel newWindow) {
        if (volume != null && !newWindow.equals(window)) {
            window = newWindow;
            changes.fireChange();
        }
    }

    /** Zoom and pan. */
    ViewTransform transform() {
        return transform;
    }

    /**
     * Zooms by a factor keeping the slice point under an area point where it is.
     *
     * @param factor above 1 magnifies
     * @param x area x of the fixed point
     * @param y area y of the fixed point
     * @param areaWidth area width
     * @param areaHeight area height
     */
    void zoomAbout(double factor, int x, int y, int areaWidth, int areaHeight) {
        if (volume == null) {
            return;
        }
        double w = widthMm();
        double h = heightMm();
        double zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, transform.zoom() * factor));
        double before = ImageFit.pixelsPerMm(w, h, areaWidth, areaHeight, transform.zoom());
        double after = ImageFit.pixelsPerMm(w, h, areaWidth, areaHeight, zoom);
        // The slice point under (x, y), in millimetres from the slice's centre, stays under it.
        double px = transform.panXmm() + (x - areaWidth / 2.0) / before;
        double py = transform.panYmm() + (y - areaHeight / 2.0) / before;
        setTransform(new ViewTransform(zoom, px - (x - areaWidth / 2.0) / after, py - (y - areaHeight / 2.0) / after));
    }

    /** Moves the slice with the pointer by an area distance. */
    void panBy(int dx, int dy, int areaWidth, int areaHeight) {
        if (volume == null) {
            return;
        }
        double scale = ImageFit.pixelsPerMm(widthMm(), heightMm(), areaWidth, areaHeight, transform.zoom());
        setTransform(new ViewTransform(transform.zoom(), transform.panXmm() - dx / scale,
                transform.panYmm() - dy / scale));
    }

    /** Back to the whole slice, centred. */
    void fit() {
        setTransform(ViewTransform.FIT);
    }

    private void setTransform(ViewTransform t) {
        if (!t.equals(transform)) {
            transform = t;
            changes.fireChange();
        }
    }

    private double widthMm() {
        return volume.geometry().width() * volume.geometry().spacing()[0];
    }

    private double heightMm() {
        return volume.geometry().height() * volume.geometry().spacing()[1];
    }

    /** The current slice after windowing. */
    GreySlice image() {
        return GreySlice.of(volume, slice, window);
    }

    /** The overlay lines: "Slice k/n" (1-based), "W/L center/width", and "Zoom p %" when not fitted. */
    List<String> caption() {
        String slices = String.format(Locale.ROOT, "Slice %d/%d", slice + 1, sliceCount());
        String wl = "W/L " + number(window.center()) + "/" + number(window.width())
                + presets.stream().filter(p -> p.window().equals(window)).findFirst()
                        .map(p -> " (" + p.name() + ")").orElse("");
        return transform.zoom() == 1 ? List.of(slices, wl)
                : List.of(slices, wl, String.format(Locale.ROOT, "Zoom %.0f %%", transform.zoom() * 100));
    }

    void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    private static String number(double v) {
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
