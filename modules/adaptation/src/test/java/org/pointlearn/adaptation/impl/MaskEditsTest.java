package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.Strokes;
import org.pointlearn.imaging.api.Mask2D;

class MaskEditsTest {

    @Test
    void aBrushLinePaintsADiskTippedBandAndTheEraserCutsThroughIt() {
        MaskEdits edits = new MaskEdits(30, 20);
        edits.stroke(5, 10, 25, 10, 2, true);
        Mask2D m = edits.apply(null);
        assertEquals(21 * 5 + 2 * 4, m.area(), "a 21-pixel line of radius-2 disks: 5 rows plus the rounded ends");
        assertTrue(m.get(5, 8) && m.get(25, 12) && m.get(3, 10));
        assertFalse(m.get(5, 7), "beyond the radius");
        edits.stroke(15, 0, 15, 19, 0, false);
        Mask2D cut = edits.apply(null);
        assertFalse(cut.get(15, 10), "the eraser line");
        assertTrue(cut.get(14, 10) && cut.get(16, 10));
    }

    @Test
    void editsWinOverTheModelsMaskAndASnapshotTakesThemBack() {
        Mask2D model = Mask2D.empty(10, 10).with(2, 2, true).with(7, 7, true);
        MaskEdits edits = new MaskEdits(10, 10);
        Strokes none = edits.snapshot();
        edits.stroke(7, 7, 7, 7, 0, false);
        edits.stroke(0, 0, 0, 0, 0, true);
        Mask2D m = edits.apply(model);
        assertTrue(m.get(2, 2), "untouched model pixel");
        assertFalse(m.get(7, 7), "erased model pixel");
        assertTrue(m.get(0, 0), "painted pixel");
        edits.restore(none);
        assertTrue(edits.isEmpty());
        assertEquals(model, edits.apply(model));
    }
}
