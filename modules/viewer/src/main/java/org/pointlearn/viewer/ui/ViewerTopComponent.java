package org.pointlearn.viewer.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import org.netbeans.api.settings.ConvertAsProperties;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.UndoRedo;
import org.openide.util.NbBundle.Messages;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;
import org.pointlearn.viewer.impl.GreySlice;
import org.pointlearn.viewer.impl.RendererChoice;
import org.pointlearn.viewer.impl.RendererSession;

/**
 * The slice viewer window: shows the current volume, starting at its middle slice, on the
 * renderer chosen for this session; before a volume is there, a centred message says what
 * is happening or what went wrong.
 */
@ConvertAsProperties(dtd = "-//org.pointlearn.viewer.ui//Viewer//EN", autostore = false)
@TopComponent.Description(preferredID = ViewerTopComponent.PREFERRED_ID,
        persistenceType = TopComponent.PERSISTENCE_ALWAYS)
@TopComponent.Registration(mode = "editor", openAtStartup = true, position = 10)
@ActionID(category = "Window", id = "org.pointlearn.viewer.ui.ViewerTopComponent")
@ActionReference(path = "Menu/Window", position = 10)
@TopComponent.OpenActionRegistration(displayName = "#CTL_ViewerAction",
        preferredID = ViewerTopComponent.PREFERRED_ID)
@Messages({
    "CTL_ViewerAction=Viewer",
    "CTL_ViewerTopComponent=Viewer",
    "# {0} the series shown",
    "TITLE_Main=Pointlearn \u2014 {0}",
    "LBL_Volume=Volume",
    "LBL_PlaneAcquired=Plane as acquired",
    "LBL_PlaneAxial=Axial",
    "LBL_PlaneCoronal=Coronal",
    "LBL_PlaneSagittal=Sagittal",
    "# {0} number of volumes",
    "LBL_VolumeOf=of {0} (time points or echoes)",
    "HINT_ViewerTopComponent=Slice viewer: mouse wheel or arrow keys change the slice, right-drag sets the window, "
            + "Ctrl+wheel zooms, middle-drag pans, 0 fits; left click marks the object, right click what is not, "
            + "Enter accepts the slice",
    "MSG_NothingOpen=No series open. Double-click a series in the DICOM browser.",
    "# {0} - series name",
    "MSG_Loading=Loading {0} …",
    "MSG_PreparingDisplay=Preparing the display …"
})
public final class ViewerTopComponent extends TopComponent {

    /** The window system's ID of the viewer. */
    public static final String PREFERRED_ID = "ViewerTopComponent";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ViewerTopComponent.class.getName());

    private final transient SliceViewModel view = new SliceViewModel();
    private final JLabel message = new JLabel("", SwingConstants.CENTER);
    /** The plane the slices are shown in, and the volume as acquired that it is reformatted from. */
    private org.pointlearn.imaging.api.Planes.Plane plane = org.pointlearn.imaging.api.Planes.Plane.ACQUIRED;
    private Volume acquired;
    private List<WindowLevel> shownPresets = List.of();
    private final javax.swing.JComboBox<org.pointlearn.imaging.api.Planes.Plane> planeChooser =
            new javax.swing.JComboBox<>(org.pointlearn.imaging.api.Planes.Plane.values());
    /** The plane's name in the chooser. */
    static String planeName(org.pointlearn.imaging.api.Planes.Plane p) {
        return p == null ? "" : switch (p) {
            case ACQUIRED -> Bundle.LBL_PlaneAcquired();
            case AXIAL -> Bundle.LBL_PlaneAxial();
            case CORONAL -> Bundle.LBL_PlaneCoronal();
            case SAGITTAL -> Bundle.LBL_PlaneSagittal();
        };
    }

    /** The volumes of the series shown (several for time points or echoes) and the one shown. */
    private List<Volume> volumes = List.of();
    private int volumeIndex;
    private final javax.swing.JSpinner volumeChooser = new javax.swing.JSpinner(
            new javax.swing.SpinnerNumberModel(1, 1, 1, 1));
    private final JLabel volumeCount = new JLabel();
    private final JPanel volumeRow = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 6, 0));
    /** The patient and series lines at the top left of the slice. */
    private List<String> patient = List.of();
    /** What is under the mouse: voxel, patient position, value. */
    private final JLabel readout = new JLabel(" ");
    private final transient Supplier<CompletionStage<RendererChoice>> renderer;
    private final transient InteractiveSession session;
    private transient SliceCanvas canvas;
    private transient ClickSegmentation tools;
    private transient SeriesStrip strip;
    /** The views' arrangement, the container doing it, and the views beside the annotated one (made when first shown). */
    private PlaneLayout layout = PlaneLayout.ONE;
    private final javax.swing.JComboBox<PlaneLayout> layoutChooser = new javax.swing.JComboBox<>(PlaneLayout.values());
    private transient JPanel views;
    private transient SideViews sides;
    /** Where the side planes cross the slice: the last click on it, also before they were first shown. */
    private final transient PlanesCursor cursor = new PlanesCursor();
    private transient RendererChoice rendererChoice;
    /** A DICOM SEG of the series shown: offered with a check box, drawn as a dashed outline when ticked. */
    private final transient SegmentationOverlay segmentations = new SegmentationOverlay(this::segmentationBoxChanged);
    private transient GreySlice lastShown;
    private transient List<String> lastCaption = List.of();
    private boolean offerJournalWhenReady;
    private transient JPanel viewerPanel;
    private final transient ClickUndoRedo undoRedo = new ClickUndoRedo(() -> tools);
    private transient SeriesRef series;
    private boolean rendererRequested;
    private String notice;
    private String messageWords;
    private long request;

    /** The viewer on the renderer of this session. */
    public ViewerTopComponent() {
        this(RendererSession.getDefault()::choice, WorkstationSession.get());
    }

    /**
     * @param renderer gives the renderer choice when the window opens
     * @param session the interactive session the click tools use
     */
    ViewerTopComponent(Supplier<CompletionStage<RendererChoice>> renderer, InteractiveSession session) {
        this.renderer = renderer;
        this.session = session;
        setName(Bundle.CTL_ViewerTopComponent());
        setToolTipText(Bundle.HINT_ViewerTopComponent());
        setLayout(new BorderLayout());
        setBackground(Color.BLACK);
        setOpaque(true);
        message.setForeground(Color.LIGHT_GRAY);
        add(message, BorderLayout.CENTER);
        view.addChangeListener(e -> refresh());
        view.addChangeListener(e -> undoRedo.changed());
        // The mask style and layout from Tools > Options > Pointlearn > Display: redraw when they change.
        DisplayOptionsPanel.preferences().addPreferenceChangeListener(e -> EventQueue.invokeLater(() -> {
            if (views != null && PlaneLayout.stored(DisplayOptionsPanel.preferences()) != layout) {
                chooseLayout(PlaneLayout.stored(DisplayOptionsPanel.preferences()));
            }
            refresh();
        }));
        refresh();
    }

    /** Edit > Undo/Redo and the toolbar's buttons act on the click tools of the slice shown. */
    @Override
    public UndoRedo getUndoRedo() {
        return undoRedo;
    }

    /** The viewer of the window system if it has one (no exception); on the event thread. */
    static ViewerTopComponent findInstanceOrNull() {
        TopComponent tc = WindowManager.getDefault().findTopComponent(PREFERRED_ID);
        return tc instanceof ViewerTopComponent viewer ? viewer : null;
    }

    /** The viewer of the window system, created on first use; on the event thread. */
    static ViewerTopComponent findInstance() {
        TopComponent tc = WindowManager.getDefault().findTopComponent(PREFERRED_ID);
        if (tc instanceof ViewerTopComponent viewer) {
            return viewer;
        }
        throw new IllegalStateException("the window system has no " + PREFERRED_ID
                + " (found " + tc + "); is the viewer module's layer registered?");
    }

    /**
     * Announces a series being loaded; later results of earlier requests are then dropped.
     *
     * @param title the series' name, shown as the window title
     * @return the request number to pass to {@link #showVolume} or {@link #showProblem}
     */
    long beginLoading(String title) {
        return beginLoading(title, null);
    }

    /**
     * Announces a series being loaded; later results of earlier requests are then dropped.
     *
     * @param title the series' name, shown as the window title
     * @param ref the series in the study index (what a segmentation is exported against), or null
     * @return the request number to pass to {@link #showVolume} or {@link #showProblem}
     */
    long beginLoading(String title, SeriesRef ref) {
        series = ref;
        request++;
        segmentations.clear();
        setDisplayName(title);
        java.awt.Frame main = WindowManager.getDefault().getMainWindow();
        if (main != null && ref != null) {
            main.setTitle(Bundle.TITLE_Main(title));
        }
        showNotice(Bundle.MSG_Loading(title));
        return request;
    }

    /** Shows a loaded volume at its middle slice, unless a newer request superseded it. */
    void showVolume(long requestNumber, Volume volume) {
        showVolume(requestNumber, volume, List.of());
    }

    /**
     * Shows a volume (or the first slice while the rest loads) at its middle slice, unless a
     * newer request superseded it.
     *
     * @param requestNumber from {@link #beginLoading}
     * @param volume what to show
     * @param preset the window stored with the images, or null to derive one
     */
    void showVolume(long requestNumber, Volume volume, WindowLevel preset) {
        showVolume(requestNumber, volume, preset == null ? List.of() : List.of(preset));
    }

    /**
     * Shows a volume (or the first slice while the rest loads) at its middle slice with the
     * windows stored with the images (the first in use; keys 1-9 choose among them and the
     * derived ones), unless a newer request superseded it.
     */
    void showVolume(long requestNumber, Volume volume, List<WindowLevel> presets) {
        if (requestNumber == request) {
            notice = null;
            acquired = volume;
            shownPresets = presets;
            view.show(org.pointlearn.imaging.api.Planes.of(volume, plane), presets);
        }
    }

    /**
     * Shows the series in another plane (axial, coronal, sagittal, or as acquired), reformatted
     * from the volume with its true spacing, at its middle slice in the same window.
     */
    void choosePlane(org.pointlearn.imaging.api.Planes.Plane p) {
        if (p == plane) {
            return;
        }
        plane = p;
        if (planeChooser.getSelectedItem() != p) {
            planeChooser.setSelectedItem(p);
        }
        if (acquired != null) {
            WindowLevel window = view.window();
            view.show(org.pointlearn.imaging.api.Planes.of(acquired, p), shownPresets);
            view.setWindow(window);
        }
    }

    /** The plane the slices are shown in. */
    org.pointlearn.imaging.api.Planes.Plane plane() {
        return plane;
    }

    /**
     * Shows the volumes of a series, the first one at its middle slice; with several (time
     * points, echoes) a chooser under the slice switches between them at the same slice.
     */
    void showVolumes(long requestNumber, List<Volume> all, List<WindowLevel> presets) {
        if (requestNumber != request || all.isEmpty()) {
            return;
        }
        volumes = List.copyOf(all);
        volumeIndex = 0;
        volumeChooser.setModel(new javax.swing.SpinnerNumberModel(1, 1, all.size(), 1));
        volumeCount.setText(Bundle.LBL_VolumeOf(all.size()));
        volumeRow.setVisible(all.size() > 1);
        showVolume(requestNumber, all.get(0), presets);
    }

    /** Shows volume i (0-based) of the series at the same slice; on the event thread. */
    void showVolumeNumber(int i) {
        if (i >= 0 && i < volumes.size() && i != volumeIndex) {
            volumeIndex = i;
            acquired = volumes.get(i);
            view.replaceVolume(org.pointlearn.imaging.api.Planes.of(acquired, plane));
            if ((Integer) volumeChooser.getValue() != i + 1) {
                volumeChooser.setValue(i + 1);
            }
        }
    }

    /** How many volumes the series shown has, and which is shown (0-based). */
    int[] volumeShown() {
        return new int[] {volumeIndex, volumes.size()};
    }

    /**
     * The whole series of a request is shown: a slice left unaccepted in it by a crash is
     * offered back (now, or once the display is ready).
     */
    void seriesLoaded(long requestNumber) {
        if (requestNumber != request) {
            return;
        }
        org.pointlearn.dicom.api.LoadedSegmentation waiting = segmentations.takeWaiting();
        if (waiting != null) {
            showSegmentation(waiting);
        }
        if (tools != null) {
            tools.offerJournal(JournalOffer::askResume);
        } else {
            offerJournalWhenReady = true;
        }
    }

    /** Shows why a request failed, in words, unless a newer request superseded it. */
    void showProblem(long requestNumber, String words) {
        if (requestNumber == request) {
            showNotice(words);
        }
    }

    /** Shows a centred message instead of the image. */
    void showNotice(String words) {
        notice = words;
        refresh();
    }

    /** Whether a series was ever asked for in this window. */
    boolean hasSeries() {
        return request > 0;
    }

    /** The centred message now shown, or null when the image is shown. */
    String shownMessage() {
        return getComponent(0) == message ? messageWords : null;
    }

    /** The view state: volume, slice and window. */
    SliceViewModel view() {
        return view;
    }

    /** The interactive session the click tools use. */
    InteractiveSession session() {
        return session;
    }

    /** The series shown as the session keys it: its UIDs when it comes from the study index. */
    SeriesKey seriesKey() {
        // Each volume of a multi-volume series keeps its own accepted masks (the first as the series itself).
        String suffix = (volumes.size() > 1 && volumeIndex > 0 ? ".v" + (volumeIndex + 1) : "")
                + (plane == org.pointlearn.imaging.api.Planes.Plane.ACQUIRED ? ""
                        : "." + plane.name().toLowerCase(java.util.Locale.ROOT));
        String title = getDisplayName() + (volumes.size() > 1 ? " volume " + (volumeIndex + 1) : "");
        return series != null ? new SeriesKey(series.studyInstanceUid(), series.seriesInstanceUid() + suffix, title)
                : SeriesKey.inMemory(title);
    }

    /** The series of the latest request, or null when it was not opened from the study index. */
    SeriesRef series() {
        return series;
    }

    /** The click tools, once the renderer was chosen; else null. */
    ClickSegmentation tools() {
        return tools;
    }

    /** The canvas, once the renderer was chosen; else null. */
    SliceCanvas canvas() {
        return canvas;
    }

    @Override
    protected void componentOpened() {
        if (rendererRequested) {
            return;
        }
        rendererRequested = true;
        renderer.get().whenComplete((choice, failure) -> EventQueue.invokeLater(() -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "No renderer was chosen; using Java2D", failure);
            }
            install(choice != null ? choice : RendererChoice.java2d("renderer choice failed: " + failure));
        }));
    }

    @Override
    protected void componentActivated() {
        if (canvas != null) {
            canvas.component().requestFocusInWindow();
        }
    }

    /**
     * Arranges the views: the annotated plane alone, with the two other planes, or with them and
     * the 3D surface; remembered as the layout the viewer opens with.
     */
    void chooseLayout(PlaneLayout l) {
        layout = l;
        if (layoutChooser.getSelectedItem() != l) {
            layoutChooser.setSelectedItem(l);
        }
        if (PlaneLayout.stored(DisplayOptionsPanel.preferences()) != l) {
            l.store(DisplayOptionsPanel.preferences());
        }
        if (views == null) {
            return;
        }
        if (l != PlaneLayout.ONE && sides == null) {
            sides = new SideViews(rendererChoice, view, () -> acquired, () -> plane, () -> session.state().work(), cursor);
            views.add(sides.component(0));
            views.add(sides.component(1));
            views.add(new SurfacePanel(rendererChoice, session, view::volume));
        }
        l.arrange(views);
        if (sides != null) {
            sides.setVisible(l != PlaneLayout.ONE);
        }
    }

    /** The arrangement of the views now. */
    PlaneLayout planeLayout() {
        return layout;
    }

    /** The views beside the annotated one, or null before a layout showed them. */
    SideViews sides() {
        return sides;
    }

    /**
     * Offers the DICOM segmentations of the series of a request (a check box under the slice that
     * shows the newest), unless a newer request superseded it.
     */
    void offerSegmentations(long requestNumber, List<SeriesRef> segs) {
        if (requestNumber == request) {
            segmentations.offer(segs);
        }
    }

    /** The SEG series offered for the series shown. */
    List<SeriesRef> offeredSegmentations() {
        return segmentations.offered();
    }

    /** Shows a segmentation once its series (being opened now) is loaded. */
    void showSegmentationWhenLoaded(org.pointlearn.dicom.api.LoadedSegmentation s) {
        segmentations.showWhenLoaded(s);
    }

    /**
     * Draws a DICOM segmentation of the series shown over it (dashed, in its own colour, in every
     * plane); the caption says whether the slice was reviewed in it. Ignored for another series.
     */
    void showSegmentation(org.pointlearn.dicom.api.LoadedSegmentation s) {
        if (series != null && acquired != null && s.series().seriesInstanceUid().equals(series.seriesInstanceUid())) {
            segmentations.show(s, volumes.isEmpty() ? acquired.geometry() : volumes.get(0).geometry());
            refresh();
        }
    }

    /** The segmentation drawn now, or null. */
    org.pointlearn.dicom.api.LoadedSegmentation segmentation() {
        return segmentations.drawn();
    }

    /** The caption lines last given to the canvas. */
    List<String> lastCaption() {
        return lastCaption;
    }

    /** The slice image last given to the canvas, with everything drawn on it. */
    GreySlice shownSlice() {
        return lastShown;
    }

    private void segmentationBoxChanged() {
        SeriesRef seg = segmentations.toRead();
        if (seg != null) {
            ViewerSeriesOpener.readSegmentation(seg, this);
        }
        refresh();
    }

    private void install(RendererChoice choice) {
        rendererChoice = choice;
        canvas = SliceCanvases.create(choice);
        canvas.component().setName("pointlearn.viewer.slice");
        SliceNavigation.attach(canvas.component(), view);
        tools = ClickSegmentation.attach(view, canvas, session, this::seriesKey);
        // every click on the slice (Ctrl+click too) moves the side planes' cursor, shown or not yet made
        canvas.component().addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseReleased(java.awt.event.MouseEvent e) {
                int[] p = canvas.pixelAt(e.getX(), e.getY());
                if (p != null && view.hasVolume()) {
                    cursor.put(p[0], p[1], acquired, plane);
                    if (sides != null) {
                        sides.refresh();
                    }
                }
            }
        });
        tools.addChangeListener(e -> refresh());
        tools.addChangeListener(e -> undoRedo.changed());
        strip = new SeriesStrip(view, tools);
        viewerPanel = new JPanel(new BorderLayout());
        viewerPanel.setBackground(Color.BLACK);
        views = new JPanel(PlaneLayout.manager(() -> layout));
        views.setBackground(Color.DARK_GRAY);
        views.add(canvas.component());
        viewerPanel.add(views, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        south.setBackground(Color.BLACK);
        south.add(strip, BorderLayout.CENTER);
        readout.setName("pointlearn.viewer.readout");
        readout.setForeground(Color.LIGHT_GRAY);
        readout.setBorder(javax.swing.BorderFactory.createEmptyBorder(1, 6, 2, 6));
        south.add(readout, BorderLayout.SOUTH);
        volumeRow.setOpaque(false);
        volumeRow.add(new JLabel(Bundle.LBL_Volume()));
        volumeChooser.setName("pointlearn.viewer.volume");
        volumeRow.add(volumeChooser);
        volumeRow.add(volumeCount);
        volumeRow.setVisible(volumes.size() > 1);
        volumeChooser.addChangeListener(e -> showVolumeNumber((Integer) volumeChooser.getValue() - 1));
        planeChooser.setName("pointlearn.viewer.plane");
        planeChooser.setFocusable(false);   // the keys stay with the slice
        planeChooser.setRenderer(new javax.swing.DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(javax.swing.JList<?> list, Object value, int index,
                    boolean selected, boolean focus) {
                return super.getListCellRendererComponent(list, planeName(
                        (org.pointlearn.imaging.api.Planes.Plane) value), index, selected, focus);
            }
        });
        planeChooser.addActionListener(e -> choosePlane(
                (org.pointlearn.imaging.api.Planes.Plane) planeChooser.getSelectedItem()));
        JPanel controls = new JPanel(new BorderLayout());
        controls.setOpaque(false);
        JPanel planeRow = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.RIGHT, 6, 0));
        planeRow.setOpaque(false);
        planeRow.add(segmentations.box());
        planeRow.add(planeChooser);
        layoutChooser.setName("pointlearn.viewer.layout");
        layoutChooser.setFocusable(false);
        layoutChooser.addActionListener(e -> chooseLayout((PlaneLayout) layoutChooser.getSelectedItem()));
        planeRow.add(layoutChooser);
        controls.add(volumeRow, BorderLayout.WEST);
        controls.add(planeRow, BorderLayout.EAST);
        south.add(controls, BorderLayout.NORTH);
        viewerPanel.add(south, BorderLayout.SOUTH);
        canvas.component().addMouseMotionListener(new java.awt.event.MouseMotionAdapter() {
            @Override
            public void mouseMoved(java.awt.event.MouseEvent e) {
                showReadout(e.getX(), e.getY());
            }
        });
        canvas.component().addMouseListener(new java.awt.event.MouseAdapter() {
            @Override
            public void mouseExited(java.awt.event.MouseEvent e) {
                readout.setText(" ");
            }
        });
        chooseLayout(PlaneLayout.stored(DisplayOptionsPanel.preferences()));
        undoRedo.changed();
        refresh();
        if (offerJournalWhenReady) {
            offerJournalWhenReady = false;
            tools.offerJournal(JournalOffer::askResume);
        }
    }

    /**
     * The patient and the series of a request, written at the top left of its slices: name
     * ("Doe, Jane"), ID and study date, series description and modality.
     */
    void showStudy(long requestNumber, org.pointlearn.dicom.api.IndexedStudy study, SeriesRef ref) {
        if (requestNumber != request) {
            return;
        }
        List<String> lines = new ArrayList<>();
        if (study != null) {
            lines.add(personName(study.patientName()));
            String date = study.studyDate() != null && study.studyDate().matches("\\d{8}")
                    ? study.studyDate().substring(0, 4) + "-" + study.studyDate().substring(4, 6) + "-"
                            + study.studyDate().substring(6) : study.studyDate();
            lines.add("ID " + study.patientId() + (date == null || date.isBlank() ? "" : " \u00b7 " + date));
        }
        if (ref != null) {
            lines.add(ref.description() + " \u00b7 " + ref.modality());
        }
        patient = List.copyOf(lines);
        refresh();
    }

    /** A DICOM person name (family^given^middle^prefix^suffix) as it is read: "Doe, Jane". */
    static String personName(String dicom) {
        if (dicom == null || dicom.isBlank()) {
            return "(no name)";
        }
        String[] p = dicom.split("\\^", -1);
        String given = String.join(" ", java.util.Arrays.stream(p).skip(1).limit(2).filter(s -> !s.isBlank()).toList());
        return given.isEmpty() ? p[0] : p[0] + ", " + given;
    }

    /** The patient and series lines now (shown unless hidden with I). */
    List<String> patientLines() {
        return patient;
    }

    /** Shows what is under a canvas point (nothing off the image). */
    void showReadout(int x, int y) {
        int[] p = view.hasVolume() ? canvas.pixelAt(x, y) : null;
        readout.setText(p == null ? " " : view.readout(p[0], p[1]));
    }

    /** The words under the slice about the voxel under the mouse. */
    String readoutText() {
        return readout.getText();
    }

    /** The series overview under the slice, or null before the display is ready. */
    SeriesStrip strip() {
        return strip;
    }

    private void refresh() {
        if (notice != null || !view.hasVolume()) {
            showMessage(notice != null ? notice : Bundle.MSG_NothingOpen());
        } else if (canvas == null) {
            showMessage(Bundle.MSG_PreparingDisplay());
        } else {
            showOnly(viewerPanel);
            strip.repaint();
            List<String> caption = new ArrayList<>(view.caption());
            caption.add(tools.captionLine(view.slice()));
            canvas.orient(org.pointlearn.viewer.impl.Orientation.of(view.volume().geometry()));
            canvas.annotate(view.infoShown() ? patient : List.of());
            lastShown = segmentations.decorate(tools.decorate(view.image(), view.slice()), caption, plane, view.slice());
            lastCaption = List.copyOf(caption);
            // what the caption says, for screen readers (and the GUI checks): "Slice 101/181, W/L ..., Accepted"
            javax.accessibility.AccessibleContext said = canvas.component().getAccessibleContext();
            if (said != null) {
                said.setAccessibleDescription(String.join(", ", caption));
            }
            canvas.show(lastShown, caption, view.transform());
            if (sides != null) {
                sides.refresh();
            }
        }
    }

    private void showMessage(String words) {
        messageWords = words;
        showOnly(message);
        message.setText(centred(words));
    }

    private void showOnly(Component c) {
        if (getComponentCount() == 1 && getComponent(0) == c) {
            return;
        }
        removeAll();
        add(c, BorderLayout.CENTER);
        revalidate();
        repaint();
    }

    /** HTML so that long error messages wrap instead of running off the window. */
    private static String centred(String words) {
        String escaped = words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><div style='text-align:center;width:420px'>" + escaped + "</div></html>";
    }

    void writeProperties(Properties p) {
        p.setProperty("version", "1.0");
    }

    void readProperties(Properties p) {
        // Nothing to restore: the series shown comes from the study index each session.
    }
}
