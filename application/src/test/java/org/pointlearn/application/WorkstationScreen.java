package org.pointlearn.application;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import org.openide.windows.TopComponent;
import org.openide.windows.WindowManager;

/** What a person sees of the running workstation: windows, labels and screen pixels. */
final class WorkstationScreen {

    private final Robot robot;

    WorkstationScreen() throws AWTException {
        robot = new Robot();
    }

    /** The window with this preferred ID, if it is open and showing. */
    TopComponent shownWindow(String id) throws Exception {
        return onEdt(() -> {
            TopComponent tc = WindowManager.getDefault().findTopComponent(id);
            return tc != null && tc.isOpened() && tc.isShowing() ? tc : null;
        });
    }

    /** Screen bounds of a window's content. */
    Rectangle bounds(TopComponent tc) throws Exception {
        return onEdt(() -> {
            Point p = tc.getLocationOnScreen();
            return new Rectangle(p.x, p.y, tc.getWidth(), tc.getHeight());
        });
    }

    /** The text of the label with this component name (status bar, model panel), or null. */
    String labelText(String name) throws Exception {
        return onEdt(() -> {
            for (Window w : Window.getWindows()) {
                JLabel l = find(w, name);
                if (l != null) {
                    return l.getText();
                }
            }
            return null;
        });
    }

    BufferedImage capture(Rectangle r) {
        robot.waitForIdle();
        return robot.createScreenCapture(r);
    }

    void save(BufferedImage image, String name) throws IOException {
        File dir = new File(System.getProperty("pointlearn.screenshots", "target/screenshots"));
        dir.mkdirs();
        ImageIO.write(image, "png", new File(dir, name));
    }

    BufferedImage captureScreen() throws Exception {
        Rectangle all = onEdt(() -> WindowManager.getDefault().getMainWindow().getGraphicsConfiguration()
                .getDevice().getDefaultConfiguration().getBounds());
        return capture(all);
    }

    void wheel(Rectangle over, int notches) {
        robot.mouseMove(over.x + over.width / 2, over.y + over.height / 2);
        robot.waitForIdle();
        for (int i = 0; i < Math.abs(notches); i++) {
            robot.mouseWheel(Integer.signum(notches));
            robot.delay(40);
        }
        robot.waitForIdle();
    }

    /** Entries of the list with this component name, or 0 when there is none showing. */
    int listSize(String name) throws Exception {
        return onEdt(() -> findShowing(name) instanceof JList<?> l ? l.getModel().getSize() : 0);
    }

    /** Selects a row of the list with this component name. */
    void selectListRow(String name, int row) throws Exception {
        onEdt(() -> {
            JList<?> list = (JList<?>) findShowing(name);
            list.setSelectedIndex(row);
            return null;
        });
    }

    /** The text a list row shows (through its renderer), or null when there is no such row. */
    String listRowText(String name, int row) throws Exception {
        return onEdt(() -> {
            JList<?> list = (JList<?>) findShowing(name);
            if (list == null || row >= list.getModel().getSize()) {
                return null;
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Component c = ((javax.swing.ListCellRenderer) list.getCellRenderer()).getListCellRendererComponent(list,
                    list.getModel().getElementAt(row), row, false, false);
            return c instanceof JLabel l ? l.getText() : null;
        });
    }

    /** Presses the button with this component name, as a click would. */
    void pressButton(String name) throws Exception {
        onEdt(() -> {
            ((javax.swing.AbstractButton) findShowing(name)).doClick();
            return null;
        });
    }

    /** Presses the button later, for a button that opens a modal dialog (which would block an EDT call). */
    void pressButtonLater(String name) {
        SwingUtilities.invokeLater(() -> ((javax.swing.AbstractButton) findShowing(name)).doClick());
    }

    /** The dialog showing with this title, or null. */
    java.awt.Dialog showingDialog(String title) throws Exception {
        return onEdt(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof java.awt.Dialog d && d.isShowing() && title.equals(d.getTitle())) {
                    return d;
                }
            }
            return null;
        });
    }

    /** Presses the button of a dialog that shows this text, as a click would (later: the dialog is modal). */
    void pressDialogButton(java.awt.Dialog dialog, String text) throws Exception {
        javax.swing.AbstractButton button = onEdt(() -> findButton(dialog, text));
        if (button == null) {
            throw new AssertionError("no button '" + text + "' in the dialog '" + dialog.getTitle() + "'");
        }
        SwingUtilities.invokeLater(button::doClick);
    }

    private static javax.swing.AbstractButton findButton(Component c, String text) {
        if (c instanceof javax.swing.AbstractButton b && text.equals(b.getText()) && b.isShowing()) {
            return b;
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                javax.swing.AbstractButton found = findButton(child, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Component findShowing(String name) {
        for (Window w : Window.getWindows()) {
            Component c = findNamed(w, name);
            if (c != null && c.isShowing()) {
                return c;
            }
        }
        return null;
    }

    /** A left click (press and release in place). */
    void click(int x, int y) {
        robot.mouseMove(x, y);
        robot.waitForIdle();
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.waitForIdle();
    }

    /** A Ctrl+click (in the viewer: not a segmentation click, only the planes' cursor), which gives the image the keyboard. */
    void ctrlClick(int x, int y) {
        robot.mouseMove(x, y);
        robot.waitForIdle();
        robot.keyPress(java.awt.event.KeyEvent.VK_CONTROL);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        robot.keyRelease(java.awt.event.KeyEvent.VK_CONTROL);
        robot.waitForIdle();
    }

    /** Whether the keyboard focus is inside a window. */
    boolean hasKeyboard(TopComponent tc) throws Exception {
        return onEdt(() -> {
            Component owner = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return owner != null && javax.swing.SwingUtilities.isDescendingFrom(owner, tc);
        });
    }

    /** A key typed where the focus is. */
    void key(int code) {
        robot.keyPress(code);
        robot.keyRelease(code);
        robot.waitForIdle();
    }

    private static Component findNamed(Component c, String name) {
        if (name.equals(c.getName())) {
            return c;
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                Component found = findNamed(child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JLabel find(Component c, String name) {
        return findNamed(c, name) instanceof JLabel l ? l : null;
    }

    interface EdtCall<T> {
        T call() throws Exception;
    }

    static <T> T onEdt(EdtCall<T> call) throws InterruptedException, InvocationTargetException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw new InvocationTargetException(failure.get());
        }
        return result.get();
    }

    /**
     * Every item the menu bar offers, as "Menu > Item" (submenus "Menu > Sub > Item"), read from
     * the merged menu folders the window system builds the menu bar from, in menu order.
     */
    static java.util.List<String> menuItems() throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        org.openide.filesystems.FileObject menu = org.openide.filesystems.FileUtil.getConfigFile("Menu");
        for (org.openide.filesystems.FileObject top : org.openide.filesystems.FileUtil.getOrder(
                java.util.Arrays.asList(menu.getChildren()), false)) {
            if (top.isFolder()) {
                walkMenu(top, label(top), out);
            }
        }
        return out;
    }

    private static void walkMenu(org.openide.filesystems.FileObject folder, String path, java.util.List<String> out)
            throws Exception {
        for (org.openide.filesystems.FileObject f : org.openide.filesystems.FileUtil.getOrder(
                java.util.Arrays.asList(folder.getChildren()), false)) {
            if (f.isFolder()) {
                walkMenu(f, path + " > " + label(f), out);
                continue;
            }
            Object item;
            try {
                org.openide.cookies.InstanceCookie ic = org.openide.loaders.DataObject.find(f).getLookup()
                        .lookup(org.openide.cookies.InstanceCookie.class);
                item = ic == null ? null : ic.instanceCreate();
            } catch (Exception | LinkageError e) {
                item = null;
            }
            if (item instanceof javax.swing.JSeparator || item == null && f.getName().contains("eparator")) {
                continue;
            }
            String name = item instanceof javax.swing.Action a && a.getValue(javax.swing.Action.NAME) != null
                    ? String.valueOf(a.getValue(javax.swing.Action.NAME))
                    : item instanceof javax.swing.JMenuItem m ? m.getText() : f.getNameExt();
            out.add(path + " > " + name.replace("&", "").replace("...", "\u2026").trim());
        }
    }

    private static String label(org.openide.filesystems.FileObject folder) throws Exception {
        return org.openide.loaders.DataObject.find(folder).getNodeDelegate().getDisplayName().replace("&", "");
    }
}
