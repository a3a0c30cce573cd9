package org.pointlearn.viewer.ui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SessionState;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.SliceTest;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.InferenceRuntime;
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
    "LBL_Choose=Model:",
    "HINT_Choose=The shipped model to segment with (remembered); each keeps its own versions",
    "LBL_Purpose=Segments:",
    "LBL_Detail=Details:",
    "MSG_NoModel=No segmentation model installed yet",
    "# {0} the loaded model's version, {1} the adapted version in use",
    "MSG_InUseAdapted={0}, adapted: version {1}",
    "MSG_ModelLoading=Loading…",
    "# {0} - model name",
    "MSG_ModelLoadingName=Loading {0}…",
    "# {0} - model name",
    "# {1} - reason",
    "MSG_ModelMissing={0}: {1}",
    "MSG_NoVersions=No versions yet.",
    "MSG_VersionsAppear=Versions appear here once the model is loaded.",
    "BTN_Rollback=Roll back to the selected version",
    "BTN_Compare=Compare on this slice",
    "BTN_NewLineage=New lineage\u2026",
    "HINT_NewLineage=Starts again from the shipped model; the versions so far are kept on disk",
    "ASK_NewLineage=Start a new lineage from the shipped model?\nThe versions so far are moved aside on disk and no longer listed here.",
    "HINT_Compare=Draws what the selected version makes of the slice in progress (dashed) beside the version in use, with the Dice between them",
    "# {0} version to roll back to, {1} the version in use",
    "ASK_Rollback=Roll back to version {0}?\nThe model in use becomes {0} instead of {1}; later versions stay and can be chosen again.\nA slice in progress is predicted again with {0}.",
    "TITLE_Rollback=Roll back the model",
    "CHK_Learn=Learn from my clicks",
    "MSG_SelectVersion=Select a version to see where it comes from.",
    "# {0} - id",
    "# {1} - base model",
    "DETAIL_Base={0}: the shipped model ({1}).",
    "# {0} - id",
    "# {1} - parent id",
    "# {2} - image",
    "# {3} - mid steps",
    "# {4} - post steps",
    "# {5} - last loss",
    "# {6} - milliseconds",
    "# {7} - guard verdict",
    "DETAIL_Version={0}, learned from {1} on {2}: {3} steps after clicks, {4} at accept, last loss {5}, {6} ms. Guard: {7}",
    "# {0} version tested, {1} its Dice, {2} the shipped model's Dice, {3} clicks replayed",
    "DETAIL_Test=Tested on the slice before learning from it ({3} click(s)): {0} Dice {1}, shipped model {2}.",
    "HINT_Learn=On: every click and accepted slice teaches the model (a new version per slice). Off: the model in use stays as it is",
    "BTN_ExportVersion=Export version\u2026",
    "HINT_ExportVersion=Writes the selected version as a model folder (models/ format)",
    "BTN_ExportLineage=Export lineage\u2026",
    "HINT_ExportLineage=Writes every version with its parent, image, losses and guard verdict as JSON",
    "TITLE_ExportVersion=Export the selected version: choose the folder to create it in",
    "TITLE_ExportLineage=Export the model lineage (JSON)",
    "HINT_Rollback=Makes the selected version the model in use; later versions stay and can be chosen again",
    "# {0} - version id",
    "# {1} - time",
    "# {2} - what it learned from",
    "VERSION_Line={0}  {1}  {2}",
    "# {0} - image",
    "VERSION_From=from {0}",
    "VERSION_Active=\u25cf",
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
    private static final String NO_VERSIONS = "none";
    private static final String VERSION_LIST = "list";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final JLabel engine = value("pointlearn.model.engine");
    private final JLabel device = value("pointlearn.model.device");
    private final JLabel state = value("pointlearn.model.state");
    /** Width in pixels at which descriptions wrap: the panel stays narrow beside the viewer. */
    private static final int TEXT_WIDTH = 230;
    private final JLabel model = value("pointlearn.model.inUse");
    private String loadedVersion;
    private final JLabel modelPurpose = value("pointlearn.model.purpose");
    private final JLabel modelDetail = value("pointlearn.model.detail");
    private final JLabel versions = new JLabel("<html><div style='text-align:center'>" + Bundle.MSG_NoVersions()
            + "<br>" + Bundle.MSG_VersionsAppear() + "</div></html>", SwingConstants.CENTER);
    private final DefaultListModel<ModelVersion> versionItems = new DefaultListModel<>();
    private final JList<ModelVersion> versionList = new JList<>(versionItems);
    private final JButton rollback = new JButton(Bundle.BTN_Rollback());
    private transient java.util.function.Predicate<String> confirmation = ModelTopComponent::askInDialog;
    private final JCheckBox learn = new JCheckBox(Bundle.CHK_Learn());
    private final JLabel learningNote = new JLabel();
    private final JLabel versionDetail = new JLabel(" ");
    private final JButton exportVersion = new JButton(Bundle.BTN_ExportVersion());
    private final JButton compare = new JButton(Bundle.BTN_Compare());
    private final JButton newLineage = new JButton(Bundle.BTN_NewLineage());
    private final JButton exportLineage = new JButton(Bundle.BTN_ExportLineage());
    private final JComboBox<InferenceRuntime.ModelChoice> chooser = new JComboBox<>();
    private final transient InferenceRuntime runtime;
    private boolean showingChoice;
    private final transient InteractiveSession session;
    private JPanel versionsArea;
    private int row;

    /** The panel, following this workstation's engine status and adaptation session. */
    public ModelTopComponent() {
        this(EngineStatusFeed::subscribe, WorkstationSession.get(), InferenceRuntime.getDefault());
    }

    /**
     * @param engineFeed subscribes a consumer to engine statuses on the event thread
     * @param session the interactive session whose versions are listed
     */
    ModelTopComponent(Consumer<Consumer<EngineStatus>> engineFeed, InteractiveSession session) {
        this(engineFeed, session, null);
    }

    /**
     * @param engineFeed subscribes a consumer to engine statuses on the event thread
     * @param session the interactive session whose versions are listed
     * @param runtime the runtime whose shipped models can be chosen, or null (no choice offered)
     */
    ModelTopComponent(Consumer<Consumer<EngineStatus>> engineFeed, InteractiveSession session,
            InferenceRuntime runtime) {
        this.session = session;
        this.runtime = runtime;
        setName(Bundle.CTL_ModelTopComponent());
        setToolTipText(Bundle.HINT_ModelTopComponent());
        setLayout(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        heading(Bundle.HEAD_Engine());
        field(Bundle.LBL_Engine(), engine);
        field(Bundle.LBL_Device(), device);
        field(Bundle.LBL_State(), state);
        heading(Bundle.HEAD_Model());
        chooserRow();
        model.setText(Bundle.MSG_NoModel());
        field(Bundle.LBL_InUse(), model);
        field(Bundle.LBL_Purpose(), modelPurpose);
        field(Bundle.LBL_Detail(), modelDetail);
        heading(Bundle.HEAD_Versions());
        learn.setName("pointlearn.model.learn");
        learn.setToolTipText(Bundle.HINT_Learn());
        learn.setSelected(session.state().learning());
        learn.addActionListener(e -> session.setLearning(learn.isSelected()));
        GridBagConstraints lc = constraints(0, row++);
        lc.gridwidth = 2;
        add(learn, lc);
        learningNote.setName("pointlearn.model.learningNote");
        learningNote.setForeground(new Color(0xb06000));
        learningNote.setVisible(false);
        GridBagConstraints nc = constraints(0, row++);
        nc.gridwidth = 2;
        nc.insets = new Insets(0, 8, 4, 8);
        add(learningNote, nc);
        versionsArea();
        showEngine(new EngineStatus(EngineStatus.State.STARTING, "", "", ""));
        engineFeed.accept(this::showEngine);
        session.addListener(WorkstationSession.redrawOnEdt(() -> showVersions(session.state())));
        showVersions(session.state());
    }

    /** The shipped models to choose from; choosing one loads it in the background and the session follows. */
    private void chooserRow() {
        chooser.setName("pointlearn.model.choose");
        // Its width comes from a short entry, not from the longest description (which the tooltip shows).
        chooser.setPrototypeDisplayValue(new InferenceRuntime.ModelChoice("brain lesion model", ""));
        chooser.addItemListener(e -> {
            InferenceRuntime.ModelChoice c = (InferenceRuntime.ModelChoice) chooser.getSelectedItem();
            chooser.setToolTipText(c == null ? Bundle.HINT_Choose() : c.toString());
        });
        chooser.setToolTipText(Bundle.HINT_Choose());
        if (runtime != null) {
            runtime.shippedModels().forEach(chooser::addItem);
        }
        chooser.setEnabled(chooser.getItemCount() > 1);
        chooser.addActionListener(e -> {
            InferenceRuntime.ModelChoice c = (InferenceRuntime.ModelChoice) chooser.getSelectedItem();
            if (!showingChoice && c != null && runtime != null) {
                runtime.useModel(c.name());
            }
        });
        GridBagConstraints c = constraints(0, row);
        c.insets = new Insets(2, 8, 2, 8);
        add(new JLabel(Bundle.LBL_Choose()), c);
        c = constraints(1, row++);
        c.weightx = 1;
        add(chooser, c);
    }

    /**
     * Edit > Undo/Redo here act as in the viewer: a rollback made in this panel is taken back
     * from here too (the viewer's undo reaches accepts and rollbacks whichever slice is shown).
     */
    @Override
    public org.openide.awt.UndoRedo getUndoRedo() {
        TopComponent viewer = org.openide.windows.WindowManager.getDefault()
                .findTopComponent(ViewerTopComponent.PREFERRED_ID);
        return viewer != null && viewer != this ? viewer.getUndoRedo() : super.getUndoRedo();
    }

    /** The model chooser (for tests). */
    JComboBox<InferenceRuntime.ModelChoice> modelChooser() {
        return chooser;
    }

    /** Lists the session's versions, newest first, the one in use marked, and its note on learning; on the event thread. */
    void showVersions(SessionState st) {
        learn.setSelected(st.learning());   // Options may have changed it
        String note = st.learningNote();
        learningNote.setVisible(note != null);
        learningNote.setText(note == null ? "" : "<html><div style='width:230px'>" + escape(note) + "</div></html>");
        List<ModelVersion> list = new ArrayList<>(st.versions());
        Collections.reverse(list);
        ModelVersion selected = versionList.getSelectedValue();
        versionItems.clear();
        list.forEach(versionItems::addElement);
        if (selected != null) {
            list.stream().filter(v -> v.id().equals(selected.id())).findFirst()
                    .ifPresent(v -> versionList.setSelectedValue(v, true));
        }
        ((CardLayout) versionsArea.getLayout()).show(versionsArea, list.isEmpty() ? NO_VERSIONS : VERSION_LIST);
        updateRollback();
        showInUse();
    }

    private void updateRollback() {
        ModelVersion v = versionList.getSelectedValue();
        ModelVersion active = session.state().active();
        rollback.setEnabled(v != null && (active == null || !v.id().equals(active.id())));
        compare.setEnabled(rollback.isEnabled());
        exportVersion.setEnabled(v != null);
        versionDetail.setText(v == null ? Bundle.MSG_SelectVersion()
                : "<html><div style='width:230px'>" + escape(details(v)) + "</div></html>");
    }

    /** What the selected version is, in words: lineage, what it learned from, how, and the guard's verdict. */
    static String details(ModelVersion v) {
        if (v.parentId() == null) {
            return Bundle.DETAIL_Base(v.id(), v.policy());
        }
        String last = v.losses().isEmpty() ? Bundle.MSG_NotKnownYet()
                : String.format(java.util.Locale.ROOT, "%.4f", v.losses().get(v.losses().size() - 1));
        String text = Bundle.DETAIL_Version(v.id(), v.parentId(), v.imageId(), v.midSteps(), v.postSteps(), last,
                v.millis(), v.guard());
        SliceTest t = v.test();
        return t == null ? text : text + " " + Bundle.DETAIL_Test(t.testedVersion(),
                String.format(java.util.Locale.ROOT, "%.2f", t.activeDice()),
                String.format(java.util.Locale.ROOT, "%.2f", t.baseDice()), t.clicks());
    }

    private void chooseAndExportVersion() {
        ModelVersion v = versionList.getSelectedValue();
        if (v == null) {
            return;
        }
        JFileChooser chooser = new JFileChooser(System.getProperty("user.home"));
        chooser.setDialogTitle(Bundle.TITLE_ExportVersion());
        chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            String base = model.getText().replaceAll("[^A-Za-z0-9._-]+", "_");
            session.exportVersion(v.id(), chooser.getSelectedFile().toPath().resolve(base + "-" + v.id()));
        }
    }

    private void chooseAndExportLineage() {
        JFileChooser chooser = new JFileChooser(System.getProperty("user.home"));
        chooser.setDialogTitle(Bundle.TITLE_ExportLineage());
        chooser.setSelectedFile(new java.io.File("lineage.json"));
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            session.exportLineage(chooser.getSelectedFile().toPath());
        }
    }

    /** Rolls back to the selected version once the user confirms; on the event thread. */
    void rollBackToSelected() {
        ModelVersion v = versionList.getSelectedValue();
        ModelVersion active = session.state().active();
        if (v != null && confirmation.test(Bundle.ASK_Rollback(v.id(), active == null ? "?" : active.id()))) {
            rollback.setEnabled(false);
            session.rollbackTo(v.id());
        }
    }

    /** Who answers the rollback's question (a dialog; tests answer for the user). */
    void setConfirmation(java.util.function.Predicate<String> asker) {
        this.confirmation = asker;
    }

    private static boolean askInDialog(String question) {
        return Questions.confirm(question, Bundle.TITLE_Rollback());
    }

    /** The version list (for tests). */
    JList<ModelVersion> versionList() {
        return versionList;
    }

    /** The learning switch (for tests). */
    JCheckBox learnSwitch() {
        return learn;
    }

    /** The selected version's details as shown (for tests). */
    String versionDetailText() {
        return versionDetail.getText();
    }

    /** The note on the learning rate as shown, or null when hidden (for tests). */
    String learningNoteText() {
        return learningNote.isVisible() ? learningNote.getText() : null;
    }

    /** The new-lineage button (for tests). */
    JButton newLineageButton() {
        return newLineage;
    }

    /** The compare button (for tests). */
    JButton compareButton() {
        return compare;
    }

    /** The roll-back button (for tests). */
    JButton rollbackButton() {
        return rollback;
    }

    /** How a version reads in the list: the one in use marked first, then id, time of day and origin. */
    String describe(ModelVersion v) {
        String time = TIME.format(v.created().atZone(ZoneId.systemDefault()));
        String what = v.imageId() != null ? Bundle.VERSION_From(v.imageId()) : v.policy();
        ModelVersion active = session.state().active();
        boolean inUse = active != null && active.id().equals(v.id());
        return (inUse ? Bundle.VERSION_Active() + " " : "") + Bundle.VERSION_Line(v.id(), time, what);
    }

    /** Shows an engine status; on the event thread. */
    void showEngine(EngineStatus status) {
        engine.setText(orDash(status.engine()));
        device.setText(orDash(status.device()));
        state.setText(switch (status.state()) {
            case STARTING -> Bundle.STATE_STARTING();
            case READY -> status.notice().isEmpty() ? Bundle.STATE_READY()
                    : "<html>" + escape(Bundle.STATE_READY() + ": " + status.notice()) + "</html>";
            case FAILED -> Bundle.STATE_FAILED(status.detail());
        });
        showModel(status);
    }

    /** The loaded model's version, and the session's adapted version when one of those is in use. */
    private void showInUse() {
        if (loadedVersion == null) {
            return;
        }
        ModelVersion active = session.state().active();
        model.setText(active == null || active.parentId() == null ? loadedVersion
                : Bundle.MSG_InUseAdapted(loadedVersion, active.id()));
    }

    /** What "In use" says (for tests). */
    String inUseText() {
        return model.getText();
    }

    private void showModel(EngineStatus status) {
        EngineStatus.ModelInfo m = status.model();
        loadedVersion = null;
        if (m != null) {
            showingChoice = true;
            for (int i = 0; i < chooser.getItemCount(); i++) {
                if (chooser.getItemAt(i).name().equals(m.name())) {
                    chooser.setSelectedIndex(i);
                }
            }
            showingChoice = false;
        }
        if (m == null) {
            model.setText(status.state() == EngineStatus.State.READY ? Bundle.MSG_ModelLoading() : Bundle.MSG_NoModel());
            modelPurpose.setText(Bundle.MSG_NotKnownYet());
            modelDetail.setText(Bundle.MSG_NotKnownYet());
        } else if (m.isLoading()) {
            model.setText(Bundle.MSG_ModelLoadingName(m.name()));
            modelPurpose.setText(Bundle.MSG_NotKnownYet());
            modelDetail.setText(Bundle.MSG_NotKnownYet());
        } else if (!m.loaded()) {
            model.setText(Bundle.MSG_ModelMissing(m.name(), m.detail()));
            modelPurpose.setText(Bundle.MSG_NotKnownYet());
            modelDetail.setText(Bundle.MSG_NotKnownYet());
        } else {
            loadedVersion = m.version();
            showInUse();
            modelPurpose.setText(wrap(orDash(m.description())));
            modelDetail.setText(wrap(m.detail()));
        }
    }

    /** Text that wraps at the panel's usual width, so a long description never widens the panel. */
    private static String wrap(String text) {
        return "<html><div style='width:" + TEXT_WIDTH + "px'>" + text.replace("&", "&amp;").replace("<", "&lt;")
                + "</div></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
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

    /** The versions area: a note while there are none, else the list with its buttons (cards). */
    private void versionsArea() {
        JPanel area = new JPanel(new CardLayout());
        versionsArea = area;
        Color line = UIManager.getColor("Separator.foreground");
        area.setBorder(BorderFactory.createLineBorder(line != null ? line : Color.GRAY));
        versions.setName("pointlearn.model.versions");
        versions.setEnabled(false);
        JPanel none = new JPanel(new GridBagLayout());
        none.add(versions);
        area.add(none, NO_VERSIONS);
        JPanel listed = new JPanel(new BorderLayout(0, 4));
        listed.add(new JScrollPane(versionList), BorderLayout.CENTER);
        JPanel buttons = new JPanel(new BorderLayout(0, 2));
        buttons.add(versionDetail, BorderLayout.NORTH);
        JPanel versionActions = new JPanel(new GridLayout(3, 1, 0, 2));
        versionActions.add(rollback);
        versionActions.add(compare);
        versionActions.add(newLineage);
        buttons.add(versionActions, BorderLayout.CENTER);
        JPanel exports = new JPanel(new GridLayout(1, 2, 4, 0));
        exports.add(exportVersion);
        exports.add(exportLineage);
        buttons.add(exports, BorderLayout.SOUTH);
        listed.add(buttons, BorderLayout.SOUTH);
        area.add(listed, VERSION_LIST);
        versionList.setName("pointlearn.model.versionList");
        versionList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        versionList.setCellRenderer(new DefaultListCellRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focus) {
                ModelVersion v = (ModelVersion) value;
                super.getListCellRendererComponent(list, describe(v), index, selected, focus);
                setToolTipText("<html>" + v.id() + (v.parentId() != null ? " (from " + v.parentId() + ")" : "")
                        + ", made " + v.created() + "<br>" + escape(v.guard()) + "</html>");
                return this;
            }
        });
        versionList.addListSelectionListener(e -> updateRollback());
        versionDetail.setName("pointlearn.model.versionDetail");
        versionDetail.setVerticalAlignment(SwingConstants.TOP);
        rollback.setName("pointlearn.model.rollback");
        rollback.setToolTipText(Bundle.HINT_Rollback());
        rollback.addActionListener(e -> rollBackToSelected());
        newLineage.setName("pointlearn.model.newLineage");
        newLineage.setToolTipText(Bundle.HINT_NewLineage());
        newLineage.addActionListener(e -> {
            if (confirmation.test(Bundle.ASK_NewLineage())) {
                session.newLineage();
            }
        });
        compare.setName("pointlearn.model.compare");
        compare.setEnabled(false);
        compare.setToolTipText(Bundle.HINT_Compare());
        compare.addActionListener(e -> {
            ModelVersion v = versionList.getSelectedValue();
            if (v != null) {
                session.compare(v.id());
            }
        });
        exportVersion.setName("pointlearn.model.exportVersion");
        exportVersion.setToolTipText(Bundle.HINT_ExportVersion());
        exportVersion.addActionListener(e -> chooseAndExportVersion());
        exportLineage.setName("pointlearn.model.exportLineage");
        exportLineage.setToolTipText(Bundle.HINT_ExportLineage());
        exportLineage.addActionListener(e -> chooseAndExportLineage());
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
        List<String> lines = new ArrayList<>(List.of(engine.getText(), device.getText(), state.getText(),
                model.getText(), modelPurpose.getText(), modelDetail.getText()));
        if (versionItems.isEmpty()) {
            lines.add(versions.getText());
        }
        for (int i = 0; i < versionItems.size(); i++) {
            lines.add(describe(versionItems.get(i)));
        }
        return String.join("\n", lines);
    }

    void writeProperties(Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(Properties p) {
        // Nothing to restore: the panel shows the live engine and model state.
    }
}
