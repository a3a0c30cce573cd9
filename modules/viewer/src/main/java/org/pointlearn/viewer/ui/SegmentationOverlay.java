package org.pointlearn.viewer.ui;

import java.awt.Color;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.swing.JCheckBox;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.dicom.api.LoadedSegmentation;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Planes;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.viewer.impl.GreySlice;

/**
 * A DICOM SEG of the series shown, over its slices: offered with a check box under the slice
 * when the series has SEGs in its study, drawn (when ticked) as a dashed outline in its own colour
 * in every plane, with a caption line saying whether the slice was reviewed in it. On the event
 * thread only.
 */
@Messages({
    "# {0} the segmentation's description",
    "LBL_ShowSegmentation=Show {0}",
    "# {0} the segments' labels",
    "CAPTION_SegReviewed=SEG {0}: reviewed",
    "# {0} the segments' labels",
    "CAPTION_SegNotReviewed=SEG {0}: not reviewed",
    "# {0} the segments' labels",
    "CAPTION_SegShown=SEG {0} shown"
})
final class SegmentationOverlay {

    private final JCheckBox box = new JCheckBox();
    private final Map<Planes.Plane, Volume> inPlanes = new EnumMap<>(Planes.Plane.class);
    private List<SeriesRef> offered = List.of();
    private LoadedSegmentation shown;
    private LoadedSegmentation whenLoaded;
    private Volume voxels;

    /** @param toggled runs when the user ticks or unticks the box */
    SegmentationOverlay(Runnable toggled) {
        box.setName("pointlearn.viewer.segmentation");
        box.setFocusable(false);   // the keys stay with the slice
        box.setOpaque(false);
        box.setForeground(Color.LIGHT_GRAY);
        box.setVisible(false);
        box.addActionListener(e -> toggled.run());
    }

    /** The check box, for the row under the slice. */
    JCheckBox box() {
        return box;
    }

    /** Forgets everything: another series is being opened. */
    void clear() {
        shown = null;
        voxels = null;
        inPlanes.clear();
        offered = List.of();
        box.setVisible(false);
        box.setSelected(false);
    }

    /** Offers the newest of a series' SEGs (unticked). */
    void offer(List<SeriesRef> segs) {
        if (!segs.isEmpty()) {
            offered = List.copyOf(segs);
            box.setText(Bundle.LBL_ShowSegmentation(ViewerSeriesOpener.title(segs.get(segs.size() - 1))));
            box.setVisible(true);
        }
    }

    /** The SEGs offered for the series shown. */
    List<SeriesRef> offered() {
        return offered;
    }

    /** The SEG to read when the box is ticked: the newest offered, when none was read yet; else null. */
    SeriesRef toRead() {
        return box.isSelected() && shown == null && !offered.isEmpty() ? offered.get(offered.size() - 1) : null;
    }

    /** Keeps a SEG to show once its series, being opened, is loaded. */
    void showWhenLoaded(LoadedSegmentation s) {
        whenLoaded = s;
    }

    /** The SEG kept for when the series is loaded (and forgets it), or null. */
    LoadedSegmentation takeWaiting() {
        LoadedSegmentation s = whenLoaded;
        whenLoaded = null;
        return s;
    }

    /**
     * Shows a SEG, ticked.
     *
     * @param s the SEG, read onto its series
     * @param g the geometry of the series as acquired (its first volume)
     */
    void show(LoadedSegmentation s, VolumeGeometry g) {
        float[][] slices = new float[g.depth()][g.width() * g.height()];
        s.slices().forEach((k, m) -> {
            if (k < slices.length && m.length == slices[k].length) {
                for (int i = 0; i < m.length; i++) {
                    slices[k][i] = m[i] != 0 ? 1f : 0f;
                }
            }
        });
        shown = s;
        voxels = new Volume(g, slices);
        inPlanes.clear();
        box.setText(Bundle.LBL_ShowSegmentation(s.description().isBlank() ? String.join(", ", s.segments())
                : s.description()));
        box.setVisible(true);
        box.setSelected(true);
    }

    /** The SEG drawn now (shown and ticked), or null. */
    LoadedSegmentation drawn() {
        return shown != null && box.isSelected() ? shown : null;
    }

    /**
     * A slice with the SEG's outline, and its caption line, when one is drawn.
     *
     * @param image the slice as drawn so far
     * @param caption the caption lines, the SEG's line added
     * @param plane the plane shown
     * @param k the slice of that plane
     */
    GreySlice decorate(GreySlice image, List<String> caption, Planes.Plane plane, int k) {
        if (drawn() == null) {
            return image;
        }
        Volume inPlane = inPlanes.computeIfAbsent(plane, p -> Planes.of(voxels, p));
        String labels = String.join(", ", shown.segments());
        if (plane == Planes.Plane.ACQUIRED) {
            caption.add(shown.slices().containsKey(k) ? Bundle.CAPTION_SegReviewed(labels)
                    : Bundle.CAPTION_SegNotReviewed(labels));
        } else {
            caption.add(Bundle.CAPTION_SegShown(labels));
        }
        VolumeGeometry g = inPlane.geometry();
        if (k >= g.depth() || g.width() != image.width() || g.height() != image.height()) {
            return image;
        }
        Mask2D mask = Mask2D.threshold(inPlane.slice(k), image.width(), image.height(), 0.5f);
        return mask.area() == 0 ? image : image.outlined(mask, GreySlice.SEGMENTATION);
    }
}
