package org.pointlearn.viewer.ui;

import java.util.List;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.adaptation.api.SeriesWork;
import org.pointlearn.adaptation.api.SessionState;
import org.pointlearn.inference.api.Click;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.OverlayStyle;

/**
 * How the click tools show a slice's work: drawn over the slice (the working mask and clicks, an
 * accepted mask, a draft or a dashed proposal) and in the caption line (the tool, how the slice
 * stands and what the keys do there).
 */
@Messages({
    "# {0} - clicks",
    "# {1} - positive",
    "# {2} - negative",
    "CAP_Clicks=Clicks {0} (+{1} \u2212{2}) \u00b7 Enter accepts, Shift+Enter and next \u00b7 Backspace undoes",
    "CAP_OtherSquare=\u00b7 S: another scale",
    "CAP_Accepted=Accepted",
    "# {0} the slice the proposal comes from (1-based)",
    "CAP_Proposed=Proposed from slice {0} (dashed) \u00b7 Enter accepts it \u00b7 click to correct it",
    "CAP_Edited=Edited \u00b7 Enter accepts \u00b7 Backspace undoes",
    "# {0} - radius",
    "CAP_Brush=Brush {0} px",
    "# {0} - radius",
    "CAP_Eraser=Eraser {0} px",
    "CAP_Learning=Learning from the accepted slice \u2026 (Escape cancels)",
    "CAP_Tools=Left click: object \u00b7 right click: not object",
    "# {0} clicks",
    "CAP_Draft=Draft: {0} click(s), not accepted \u00b7 click to continue \u00b7 Enter accepts \u00b7 Escape discards"
})
final class ToolCaption {

    private ToolCaption() {
    }

    /** Slice k with its work drawn over it: the slice in progress, else its accepted mask, draft or proposal. */
    static GreySlice decorate(GreySlice image, SeriesWork w, int k, OverlayStyle style) {
        if (k == w.slice() && (w.working() != null || !w.clicks().isEmpty())) {
            GreySlice shown = image.overlaid(w.working(), w.clicks(), style);
            return w.comparison() != null ? shown.outlined(w.comparison(), GreySlice.COMPARISON) : shown;
        }
        if (w.accepted().containsKey(k)) {
            return image.overlaid(w.accepted().get(k), List.of(), style);
        }
        SeriesWork.Draft draft = w.drafts().get(k);
        if (draft != null) {
            return image.overlaid(draft.shown(), draft.clicks(), style);
        }
        return w.proposal(k).map(p -> image.proposed(p.mask())).orElse(image);
    }

    /**
     * The caption for slice k.
     *
     * @param st the session's state
     * @param w the work on the series
     * @param k the slice shown
     * @param tool the tool of a left press
     * @param radius the brush radius
     * @return one line
     */
    static String line(SessionState st, SeriesWork w, int k, ClickSegmentation.Tool tool, int radius) {
        if (st.updating() > 0) {
            return Bundle.CAP_Learning();
        }
        String toolWords = switch (tool) {
            case CLICK -> "";
            case BRUSH -> Bundle.CAP_Brush(radius) + " \u00b7 ";
            case ERASER -> Bundle.CAP_Eraser(radius) + " \u00b7 ";
        };
        if (k == w.slice() && !w.clicks().isEmpty()) {
            long positive = w.clicks().stream().filter(Click::positive).count();
            String keys = Bundle.CAP_Clicks(w.clicks().size(), positive, w.clicks().size() - positive);
            return toolWords + (w.otherSquare() ? keys + " " + Bundle.CAP_OtherSquare() : keys);
        }
        if (k == w.slice() && w.hasWork()) {
            return toolWords + Bundle.CAP_Edited();
        }
        if (w.accepted().containsKey(k)) {
            return toolWords + Bundle.CAP_Accepted();
        }
        if (w.drafts().containsKey(k)) {
            return toolWords + Bundle.CAP_Draft(w.drafts().get(k).clicks().size());
        }
        return toolWords + w.proposal(k).map(p -> Bundle.CAP_Proposed(p.from() + 1)).orElse(Bundle.CAP_Tools());
    }
}
