package org.pointlearn.viewer.impl;

import java.util.prefs.Preferences;

/**
 * How a mask is drawn over the slice: its colour, the opacity of its inside (the outline is
 * drawn at full strength) or the outline alone. Remembered in the viewer's preferences
 * (Tools > Options > Pointlearn > Display).
 *
 * @param colour RGB
 * @param opacity of the inside, 0..1
 * @param outlineOnly whether only the outline is drawn
 */
public record OverlayStyle(int colour, double opacity, boolean outlineOnly) {

    /** Yellow, 40 %, filled: the shipped style. */
    public static final OverlayStyle DEFAULT = new OverlayStyle(GreySlice.MASK, 0.4, false);

    private static final String COLOUR = "overlayColour";
    private static final String OPACITY = "overlayOpacity";
    private static final String OUTLINE = "overlayOutlineOnly";

    /** Checks the ranges. */
    public OverlayStyle {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("the overlay opacity must be in 0..1, not " + opacity);
        }
        colour &= 0xffffff;
    }

    /** The style remembered in these preferences (the shipped one where nothing was chosen). */
    public static OverlayStyle load(Preferences prefs) {
        try {
            return new OverlayStyle(prefs.getInt(COLOUR, DEFAULT.colour()), prefs.getDouble(OPACITY, DEFAULT.opacity()),
                    prefs.getBoolean(OUTLINE, DEFAULT.outlineOnly()));
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    /** Remembers this style in the preferences. */
    public void save(Preferences prefs) {
        prefs.putInt(COLOUR, colour);
        prefs.putDouble(OPACITY, opacity);
        prefs.putBoolean(OUTLINE, outlineOnly);
    }
}
