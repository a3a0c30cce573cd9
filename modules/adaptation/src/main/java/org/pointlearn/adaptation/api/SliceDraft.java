package org.pointlearn.adaptation.api;

import java.util.List;
import java.util.Map;
import org.pointlearn.inference.api.Click;

/**
 * Work on one slice that was not accepted: the slice left by a crash (from the journal).
 *
 * @param series the series' instance UID
 * @param title the series' name as shown
 * @param slice the slice index, 0-based
 * @param clicks the clicks in order
 * @param strokes the brush and eraser strokes, or null
 * @param otherSquares for the clicks after which the user asked for another square (key S): the
 *     click's index -> how many times
 */
public record SliceDraft(String series, String title, int slice, List<Click> clicks, Strokes strokes,
        Map<Integer, Integer> otherSquares) {

    /** Copies the collections. */
    public SliceDraft {
        clicks = List.copyOf(clicks);
        otherSquares = Map.copyOf(otherSquares);
    }

    /** A draft in which the user chose no other square. */
    public SliceDraft(String series, String title, int slice, List<Click> clicks, Strokes strokes) {
        this(series, title, slice, clicks, strokes, Map.of());
    }

    /** Whether it has brush or eraser strokes. */
    public boolean hasStrokes() {
        return strokes != null && !strokes.isEmpty();
    }
}
