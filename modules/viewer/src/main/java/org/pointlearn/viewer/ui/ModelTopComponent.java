package org.pointlearn.viewer.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Properties;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.viewer.impl.EngineStatusFeed;

/**
 * The model panel: the inference engine and its device, the segmentation model in use, and
 * the model versions that adaptation produces.
 */
@ConvertAsProperties(dtd = "-//org.pointlearn.viewer.ui//Model//EN", autostore = false)
@TopComponent.Description(preferredID = ModelTopComponent.PREFERRED_ID,
        persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "properties", openAtStartup = true, position = 10)
@ActionID(category = "Window", id = "org.pointlearn.viewer.ui.ModelTopComponent")
@ActionReference(path = "Menu/Window", position = 20)
@TopComponent.OpenActionRegistration(displayName = "#CTL_ModelAction",
        preferredID = ModelTopComponent.PREFERRED_ID)
@Messages({
    "CTL_ModelAction=Model",
    "CTL_ModelTopComponent=Model",
    "HINT_ModelTopComponent=The inference engine, the segmentation model and its versions",
    "HEAD_Engine=Inference engine",
    "HEAD_Model=Segmentation model",
    "HEAD_Versions=Model versions",
    "LBL_Engine=Engine:",
    "LBL_Device=Device:",
    "LBL_State=State:",
    "LBL_InUse=In use:",
    "LBL_Purpose=Segments:",
    "LBL_Detail=Details:",
    "MSG_NoModel=No segmentation model installed yet",
    "MSG_ModelLoading=Loading…",
    "# {0} - model name",
    "# {1} - reason",
    "MSG_ModelMissing={0}: {1}",
    "MSG_NoVersions=No versions yet.",
    "MSG_VersionsAppear=Versions appear here once adaptation runs.",
    "STATE_STARTING=Starting…",
    "STATE_READY=Ready",
    "# {0} - reason",
    "STATE_FAILED=Unavailable: {0}",
    "MSG_NotKnownYet=—"
})
public final class ModelTopComponent extends TopComponent {

    /** The window system's ID of the model panel. */
    public static final String PREFERRED_ID = "ModelTopComponent";

    private static final long serialVersionUID = 1L;

    private final JLabel engine = value("pointlearn.model.engine");
    private final JLabel device = value("pointlearn.model.device");
    private final JLabel state = value("pointlearn.model.state");
    private final JLabel model = value("pointlearn.model.inUse");
    private final JLabel modelPurpose = value("pointlearn.model.purpose");
    private final JLabel modelDetail = value("pointlearn.model.detail");
    private final JLabel versions = new JLabel("<html><div style='text-align:center'>" + Bundle.MSG_NoVersions()
            + "<br>" + Bundle.MSG_VersionsAppear() + "</div></html>", SwingConstants.CENTER);
    private int row;

    /** The panel, following this workstation's engine status. */
    public ModelTopComponent() {
        this(EngineStatusFeed::subscribe);
    }

    /** @param engineFeed subscribes a consumer to engine statuses on the event thread */
    ModelTopComponent(Consumer<Consumer<EngineStatus>> engineFeed) {
        setName(Bundle.CTL_ModelTopComponent());
        setToolTipText(Bundle.HINT_ModelTopComponent());
        setLayout(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        heading(Bundle.HEAD_Engine());
        field(Bundle.LBL_Engine(), engine);
        field(Bundle.LBL_Device(), device);
        field(Bundle.LBL_State(), state);
        heading(Bundle.HEAD_Model());
        model.setText(Bundle.MSG_NoModel());
        field(Bundle.LBL_InUse(), model);
        field(Bundle.LBL_Purpose(), modelPurpose);
        field(Bundle.LBL_Detail(), modelDetail);
        heading(Bundle.HEAD_Versions());
        versionsArea();
        showEngine(new EngineStatus(EngineStatus.State.STARTING, "", "", ""));
        engineFeed.accept(this::showEngine);
    }

    /** Shows an engine status; on the event thread. */
    void showEngine(EngineStatus status) {
        engine.setText(orDash(status.engine()));
        device.setText(orDash(status.device()));
        state.setText(switch (status.state()) {
            case STARTING -> Bundle.STATE_STARTING();
            case READY -> Bundle.STATE_READY();
            case FAILED -> Bundle.STATE_FAILED(status.detail());
        });
        showModel(status);
    }

    private void showModel(EngineStatus status) {
        EngineStatus.ModelInfo m = status.model();
        if (m == null) {
            model.setText(status.state() == EngineStatus.State.READY ? Bundle.MSG_ModelLoading() : Bundle.MSG_NoModel());
            modelPurpose.setText(Bundle.MSG_NotKnownYet());
            modelDetail.setText(Bundle.MSG_NotKnownYet());
        } else if (!m.loaded()) {
            model.setText(Bundle.MSG_ModelMissing(m.name(), m.detail()));
            modelPurpose.setText(Bundle.MSG_NotKnownYet());
            modelDetail.setText(Bundle.MSG_NotKnownYet());
        } else {
            model.setText(m.version());
            modelPurpose.setText(wrap(orDash(m.description())));
            modelDetail.setText(wrap(m.detail()));
        }
    }

    private static String wrap(String text) {
        return "<html>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</html>";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? Bundle.MSG_NotKnownYet() : s;
    }

    private void heading(String text) {
        JLabel l = new JLabel(text);
        l.setFont(l.getFont().deriveFont(Font.BOLD));
        GridBagConstraints c = constraints(0, row++);
        c.gridwidth = 2;
        c.insets = new Insets(row == 1 ? 0 : 12, 0, 4, 0);
        add(l, c);
    }

    private void field(String caption, JLabel valueLabel) {
        GridBagConstraints c = constraints(0, row);
        c.insets = new Insets(2, 8, 2, 8);
        add(new JLabel(caption), c);
        c = constraints(1, row++);
        c.weightx = 1;
        c.insets = new Insets(2, 0, 2, 0);
        add(valueLabel, c);
    }

    private void versionsArea() {
        JPanel area = new JPanel(new GridBagLayout());
        Color line = UIManager.getColor("Separator.foreground");
        area.setBorder(BorderFactory.createLineBorder(line != null ? line : Color.GRAY));
        versions.setName("pointlearn.model.versions");
        versions.setEnabled(false);
        area.add(versions);
        GridBagConstraints c = constraints(0, row++);
        c.gridwidth = 2;
        c.weightx = 1;
        c.weighty = 1;
        c.fill = GridBagConstraints.BOTH;
        add(area, c);
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.NORTHWEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        return c;
    }

    private static JLabel value(String name) {
        JLabel l = new JLabel();
        l.setName(name);
        return l;
    }

    /** The texts shown, top to bottom, as a reader sees them. */
    String shownText() {
        return String.join("\n", engine.getText(), device.getText(), state.getText(), model.getText(),
                modelPurpose.getText(), modelDetail.getText(), versions.getText());
    }

    void writeProperties(Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(Properties p) {
        // Nothing to restore: the panel shows the live engine and model state.
    }
}
