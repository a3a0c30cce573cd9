package org.pointlearn.viewer.ui;

import java.util.List;
import java.util.Locale;
import javax.swing.event.ChangeListener;
import org.openide.util.ChangeSupport;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;
import org.pointlearn.viewer.impl.GreySlice;

/**
 * What the viewer shows: a volume, the current slice and the display window. Starts at
 * the middle slice with a robust window; the slice index is always clamped to the volume.
 * Used on the event thread.
 */
final class SliceViewModel {

    private final ChangeSupport changes = new ChangeSupport(this);
    private Volume volume;
    private int slice;
    private WindowLevel window;

    /** Shows a new volume at its middle slice, windowed robustly from its values. */
    void show(Volume newVolume) {
        show(newVolume, null);
    }

    /**
     * Shows a new volume at its middle slice.
     *
     * @param newVolume the volume
     * @param preset the window stored with the images, or null to derive one from the values
     */
    void show(Volume newVolume, WindowLevel preset) {
        volume = newVolume;
        slice = newVolume.geometry().depth() / 2;
        window = preset != null ? preset : WindowLevel.robust(newVolume);
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

    /** Sets the display window. */
    void setWindow(WindowLevel newWindow) {
        if (volume != null && !newWindow.equals(window)) {
            window = newWindow;
            changes.fireChange();
        }
    }

    /** The current slice after windowing. */
    GreySlice image() {
        return GreySlice.of(volume, slice, window);
    }

    /** The overlay lines: "Slice k/n" (1-based) and "W/L center/width". */
    List<String> caption() {
        return List.of(String.format(Locale.ROOT, "Slice %d/%d", slice + 1, sliceCount()),
                "W/L " + number(window.center()) + "/" + number(window.width()));
    }

    void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    private static String number(double v) {
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
