package org.pointlearn.dicom.ui;

import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.ImageIcon;
import javax.swing.JLabel;
import javax.swing.SwingConstants;
import org.openide.util.NbBundle.Messages;
import org.openide.util.RequestProcessor;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.Volume;

/** The first slice of the selected series, small, windowed to its value range; decoded off the event thread. */
@Messages({
    "MSG_previewLoading=Loading preview\u2026",
    "MSG_previewNone=Select a series to preview its first slice",
    "MSG_previewFailed=No preview (the tooltip says why)",
})
final class SlicePreview extends JLabel {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SlicePreview.class.getName());
    private static final RequestProcessor WORKER = new RequestProcessor(SlicePreview.class.getName(), 1, true);
    private static final int SIZE = 160;

    private final transient StudyIndex index;
    private transient RequestProcessor.Task pending;
    private transient SeriesRef shown;

    /** @param index where slices are loaded from */
    SlicePreview(StudyIndex index) {
        this.index = index;
        setHorizontalAlignment(SwingConstants.CENTER);
        setVerticalTextPosition(SwingConstants.BOTTOM);
        setHorizontalTextPosition(SwingConstants.CENTER);
        setPreferredSize(new Dimension(SIZE, SIZE + 20));
        show(null);
    }

    /** Shows the first slice of a series, or the hint when null; call on the event thread. */
    void show(SeriesRef series) {
        shown = series;
        if (pending != null) {
            pending.cancel();
        }
        setIcon(null);
        setToolTipText(null);
        if (series == null) {
            setText(Bundle.MSG_previewNone());
            return;
        }
        setText(Bundle.MSG_previewLoading());
        pending = WORKER.post(() -> load(series));
    }

    private void load(SeriesRef series) {
        try {
            Image image = thumbnail(index.loadFirstSlice(series));
            EventQueue.invokeLater(() -> {
                if (series.equals(shown)) {
                    setText(null);
                    setIcon(new ImageIcon(image));
                }
            });
        } catch (DicomException e) {
            LOG.log(Level.INFO, "No preview of series " + series.seriesInstanceUid(), e);
            EventQueue.invokeLater(() -> {
                if (series.equals(shown)) {
                    setText(Bundle.MSG_previewFailed());
                    setToolTipText(e.getMessage());
                }
            });
        }
    }

    /** The slice as 8-bit grey from its minimum to its maximum, scaled to fit the preview. */
    static Image thumbnail(Volume slice) {
        int w = slice.geometry().width();
        int h = slice.geometry().height();
        float[] values = slice.slice(0);
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float scale = max > min ? 255f / (max - min) : 0;
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) Math.round((values[i] - min) * scale);
        }
        double fit = Math.min((double) SIZE / w, (double) SIZE / h);
        return grey.getScaledInstance(Math.max(1, (int) (w * fit)), Math.max(1, (int) (h * fit)), Image.SCALE_SMOOTH);
    }
}
