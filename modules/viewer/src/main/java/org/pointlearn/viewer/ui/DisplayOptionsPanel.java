package org.pointlearn.viewer.ui;

import java.awt.Color;
import java.awt.FlowLayout;
import java.util.prefs.Preferences;
import javax.swing.BorderFactory;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JColorChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import org.openide.util.NbBundle.Messages;
import org.openide.util.NbPreferences;
import org.pointlearn.viewer.impl.OverlayStyle;

/**
 * Tools > Options > Pointlearn > Display: how masks are drawn over the slice (colour, opacity of
 * the inside, outline only) and the viewer's layout (one plane, three, three and 3D), remembered;
 * open viewers redraw when it is applied.
 */
@Messages({
    "OPT_Colour=Mask colour:",
    "OPT_ChooseColour=Choose\u2026",
    "OPT_Opacity=Opacity of the inside (%):",
    "OPT_Outline=Outline only",
    "OPT_Layout=Viewer layout:",
    "OPT_DisplayDefaults=Restore the shipped style"
})
final class DisplayOptionsPanel extends JPanel {

    private static final long serialVersionUID = 1L;

    private final JButton colour = new JButton(Bundle.OPT_ChooseColour());
    private final JSlider opacity = new JSlider(0, 100, 40);
    private final JCheckBox outline = new JCheckBox(Bundle.OPT_Outline());
    private final javax.swing.JComboBox<PlaneLayout> layout = new javax.swing.JComboBox<>(PlaneLayout.values());
    private int chosen = OverlayStyle.DEFAULT.colour();

    DisplayOptionsPanel() {
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        colour.setName("pointlearn.options.colour");
        opacity.setName("pointlearn.options.opacity");
        outline.setName("pointlearn.options.outline");
        opacity.setMajorTickSpacing(20);
        opacity.setPaintTicks(true);
        opacity.setPaintLabels(true);
        add(row(new JLabel(Bundle.OPT_Colour()), colour));
        add(row(new JLabel(Bundle.OPT_Opacity()), opacity));
        add(row(outline));
        layout.setName("pointlearn.options.layout");
        add(row(new JLabel(Bundle.OPT_Layout()), layout));
        JButton defaults = new JButton(Bundle.OPT_DisplayDefaults());
        defaults.addActionListener(e -> {
            show(OverlayStyle.DEFAULT);
            layout.setSelectedItem(PlaneLayout.ONE);
        });
        add(row(defaults));
        colour.addActionListener(e -> {
            Color c = JColorChooser.showDialog(this, Bundle.OPT_Colour(), new Color(chosen));
            if (c != null) {
                setColour(c.getRGB() & 0xffffff);
            }
        });
    }

    private static JPanel row(java.awt.Component... parts) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        for (java.awt.Component c : parts) {
            p.add(c);
        }
        return p;
    }

    /** Where the style is remembered. */
    static Preferences preferences() {
        return NbPreferences.forModule(DisplayOptionsPanel.class);
    }

    /** The style masks are drawn in now. */
    static OverlayStyle style() {
        return OverlayStyle.load(preferences());
    }

    /** Shows the remembered style. */
    void load() {
        show(style());
        layout.setSelectedItem(PlaneLayout.stored(preferences()));
    }

    private void show(OverlayStyle s) {
        setColour(s.colour());
        opacity.setValue((int) Math.round(s.opacity() * 100));
        outline.setSelected(s.outlineOnly());
    }

    /** Sets the mask colour (RGB) as the chooser would. */
    void setColour(int rgb) {
        chosen = rgb & 0xffffff;
        colour.setBackground(new Color(chosen));
        colour.setOpaque(true);
    }

    /** The opacity slider and the outline box (for tests). */
    JSlider opacitySlider() {
        return opacity;
    }

    JCheckBox outlineBox() {
        return outline;
    }

    javax.swing.JComboBox<PlaneLayout> layoutChooser() {
        return layout;
    }

    /** Remembers the style; open viewers redraw. */
    void store() {
        new OverlayStyle(chosen, opacity.getValue() / 100.0, outline.isSelected()).save(preferences());
        ((PlaneLayout) layout.getSelectedItem()).store(preferences());
    }
}
