package org.pointlearn.viewer.ui;

import java.awt.Component;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import javax.swing.SwingUtilities;
import org.pointlearn.imaging.api.WindowLevel;

/**
 * The viewer's navigation tools on a canvas: the mouse wheel moves one slice per notch,
 * arrow keys and Page Up/Down one slice, Home/End to the ends; right-drag sets the window
 * (horizontal: width, vertical: level); Ctrl+wheel zooms about the pointer, + and - about
 * the centre, 0 fits the whole slice again; middle-drag pans; R puts the window back to the one
 * the series opened with, 1-9 choose a window: those stored with the images, then "auto" (1st to
 * 99th percentile) and "full range"; I hides or shows the patient and series lines. The mouse entering the image gives it the keyboard.
 */
final class SliceNavigation extends MouseAdapter {

    /** Zoom factor per wheel notch or key press. */
    private static final double ZOOM_STEP = 1.25;

    /** Fraction of the window width one pixel of right-drag changes. */
    private static final double DRAG_SENSITIVITY = 1.0 / 200;

    private final SliceViewModel view;
    private double wheelRemainder;
    private int dragX;
    private int dragY;
    private WindowLevel dragStart;
    private int panX;
    private int panY;
    private boolean panning;

    private SliceNavigation(SliceViewModel view) {
        this.view = view;
    }

    /** Attaches the tools to a canvas component. */
    static void attach(Component canvas, SliceViewModel view) {
        SliceNavigation navigation = new SliceNavigation(view);
        canvas.addMouseWheelListener(navigation);
        canvas.addMouseListener(navigation);
        canvas.addMouseMotionListener(navigation);
        canvas.addKeyListener(navigation.keys());
    }

    @Override
    public void mouseWheelMoved(MouseWheelEvent e) {
        if (e.isControlDown()) {
            Component c = e.getComponent();
            view.zoomAbout(Math.pow(ZOOM_STEP, -e.getPreciseWheelRotation()), e.getX(), e.getY(), c.getWidth(),
                    c.getHeight());
            return;
        }
        // Touchpads send fractions of a notch: add them up, move by whole notches.
        wheelRemainder += e.getPreciseWheelRotation();
        int notches = (int) wheelRemainder;
        wheelRemainder -= notches;
        if (notches != 0) {
            view.moveSlices(notches);
        }
    }

    @Override
    public void mouseEntered(MouseEvent e) {
        e.getComponent().requestFocusInWindow();   // the arrow keys reach the slices without a click first
    }

    @Override
    public void mousePressed(MouseEvent e) {
        e.getComponent().requestFocusInWindow();
        if (SwingUtilities.isRightMouseButton(e) && view.hasVolume()) {
            dragX = e.getX();
            dragY = e.getY();
            dragStart = view.window();
        }
        if (SwingUtilities.isMiddleMouseButton(e) && view.hasVolume()) {
            panX = e.getX();
            panY = e.getY();
            panning = true;
        }
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (panning && SwingUtilities.isMiddleMouseButton(e)) {
            view.panBy(e.getX() - panX, e.getY() - panY, e.getComponent().getWidth(), e.getComponent().getHeight());
            panX = e.getX();
            panY = e.getY();
            return;
        }
        if (dragStart == null || !SwingUtilities.isRightMouseButton(e)) {
            return;
        }
        double step = dragStart.width() * DRAG_SENSITIVITY;
        double width = Math.max(step / 100, dragStart.width() + (e.getX() - dragX) * step);
        double center = dragStart.center() + (e.getY() - dragY) * step;
        view.setWindow(new WindowLevel(center, width));
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (SwingUtilities.isRightMouseButton(e)) {
            dragStart = null;
        }
        if (SwingUtilities.isMiddleMouseButton(e)) {
            panning = false;
        }
    }

    private void zoomAtCentre(KeyEvent e, double factor) {
        Component c = e.getComponent();
        view.zoomAbout(factor, c.getWidth() / 2, c.getHeight() / 2, c.getWidth(), c.getHeight());
    }

    private KeyAdapter keys() {
        return new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                switch (e.getKeyCode()) {
                    case KeyEvent.VK_UP, KeyEvent.VK_LEFT, KeyEvent.VK_PAGE_UP -> view.moveSlices(-1);
                    case KeyEvent.VK_DOWN, KeyEvent.VK_RIGHT, KeyEvent.VK_PAGE_DOWN -> view.moveSlices(1);
                    case KeyEvent.VK_HOME -> view.goToSlice(0);
                    case KeyEvent.VK_END -> view.goToSlice(view.sliceCount() - 1);
                    case KeyEvent.VK_PLUS, KeyEvent.VK_EQUALS, KeyEvent.VK_ADD -> zoomAtCentre(e, ZOOM_STEP);
                    case KeyEvent.VK_MINUS, KeyEvent.VK_SUBTRACT -> zoomAtCentre(e, 1 / ZOOM_STEP);
                    case KeyEvent.VK_0, KeyEvent.VK_NUMPAD0 -> view.fit();
                    case KeyEvent.VK_R -> view.resetWindow();
                    case KeyEvent.VK_I -> view.toggleInfo();
                    case KeyEvent.VK_1, KeyEvent.VK_2, KeyEvent.VK_3, KeyEvent.VK_4, KeyEvent.VK_5, KeyEvent.VK_6,
                            KeyEvent.VK_7, KeyEvent.VK_8, KeyEvent.VK_9 -> view.choosePreset(e.getKeyCode() - KeyEvent.VK_1);
                    default -> {
                        return;
                    }
                }
                e.consume();
            }
        };
    }
}
