package org.pointlearn.dicom.ui.pacs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JButton;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The PACS options keep their Add, Remove and Test buttons in view at a small dialog size. */
class PacsOptionsPanelLayoutTest {

    @Test
    void theButtonsStayInsideTheOptionsPageAtItsPreferredAndASmallSize() throws Exception {
        AtomicReference<String> problem = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            PacsOptionsPanel panel = new PacsOptionsPanel();
            assertTrue(panel.getPreferredSize().width <= 600,
                    "the page asks for " + panel.getPreferredSize().width + " px: the Options dialog would scroll");
            for (java.awt.Dimension size : new java.awt.Dimension[] {panel.getPreferredSize(),
                new java.awt.Dimension(480, 360)}) {
                panel.setSize(size);
                layout(panel);
                JButton add = find(panel, "pointlearn.pacs.add");
                Rectangle r = SwingUtilities.convertRectangle(add.getParent(), add.getBounds(), panel);
                if (r.x < 0 || r.x + r.width > size.width || r.y + r.height > size.height) {
                    problem.set("Add at " + r + " in a page of " + size);
                }
            }
        });
        assertTrue(problem.get() == null, problem.get());
    }

    private static void layout(Container c) {
        c.doLayout();
        for (Component child : c.getComponents()) {
            if (child instanceof Container sub) {
                layout(sub);
            }
        }
    }

    private static JButton find(Container c, String name) {
        for (Component child : c.getComponents()) {
            if (child instanceof JButton b && name.equals(b.getName())) {
                return b;
            }
            if (child instanceof Container sub) {
                JButton b = find(sub, name);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }
}
