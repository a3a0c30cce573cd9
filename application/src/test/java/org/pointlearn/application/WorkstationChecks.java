package org.pointlearn.application;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.Callable;
import junit.framework.TestCase;
import org.netbeans.junit.NbTestCase;
import org.openide.windows.TopComponent;

/**
 * The checks a person would make after starting the workstation: the three windows are
 * there, the viewer shows the demo brain slice, the wheel scrolls it, and the status bar
 * tells the renderer and the inference device. Subclasses start it with other settings.
 */
abstract class WorkstationChecks extends NbTestCase {

    static final long STARTUP_MS = 180_000;

    WorkstationChecks(String name) {
        super(name);
    }

    /** Asserts the renderer the status bar names. */
    abstract void assertRenderer(String rendererLabel);

    /** Name of the saved screenshot. */
    abstract String screenshotName();

    public void testWorkstationShowsTheDemoSliceAndScrolls() throws Exception {
        WorkstationScreen screen = new WorkstationScreen();
        TopComponent viewer = await("the viewer window", () -> screen.shownWindow("ViewerTopComponent"));
        await("the DICOM browser window", () -> screen.shownWindow("DicomBrowserTopComponent"));
        await("the model panel", () -> screen.shownWindow("ModelTopComponent"));

        BufferedImage slice = await("a brain slice in the viewer", () -> {
            BufferedImage img = screen.capture(screen.bounds(viewer));
            return SliceImage.greyLevels(img) > 40 && SliceImage.centreMinusCorners(img) > 30 ? img : null;
        });
        screen.save(slice, screenshotName() + "-viewer.png");

        String renderer = await("the renderer in the status bar", () -> screen.labelText("pointlearn.renderer"));
        assertRenderer(renderer);
        String engine = await("the engine ready in the status bar", () -> {
            String s = screen.labelText("pointlearn.engine");
            return s != null && !s.contains("starting") ? s : null;
        });
        assertEquals("Engine: PyTorch 2.7.1 on CPU", engine);
        String model = await("the shipped model loaded in the model panel", () -> {
            String s = screen.labelText("pointlearn.model.inUse");
            return s != null && s.startsWith("mri-general") ? s : null;
        });
        assertTrue(model, model.matches("mri-general@[0-9a-f]{8}"));
        String title = WorkstationScreen.onEdt(() -> org.openide.windows.WindowManager.getDefault().getMainWindow()
                .getTitle());
        assertEquals("the title bar names the product and the series", "Pointlearn \u2014 " + viewer.getDisplayName(),
                title);
        await("the model in use in the status bar", () -> {
            String s = screen.labelText("pointlearn.model.status");
            return s != null && s.startsWith("Model: mri-general@") ? s : null;
        });

        Rectangle area = screen.bounds(viewer);
        screen.wheel(area, 12);
        BufferedImage scrolled = await("another slice after scrolling", () -> {
            BufferedImage img = screen.capture(screen.bounds(viewer));
            return SliceImage.changedFraction(slice, img) > 0.02 ? img : null;
        });
        assertTrue("the scrolled slice still shows anatomy", SliceImage.greyLevels(scrolled) > 40);
        screen.save(screen.captureScreen(), screenshotName() + ".png");

        int versionsBefore = await("the model's versions listed", () -> {
            int n = screen.listSize("pointlearn.model.versionList");
            return n > 0 ? n : null;
        });
        screen.click(area.x + area.width / 2, area.y + area.height / 2);
        await("a mask drawn in colour around the click", () -> {
            BufferedImage img = screen.capture(screen.bounds(viewer));
            return SliceImage.colouredPixels(img) > 30 ? img : null;
        });
        screen.key(java.awt.event.KeyEvent.VK_ENTER);
        await("a new model version after Enter accepted the slice", () ->
                screen.listSize("pointlearn.model.versionList") == versionsBefore + 1 ? true : null);
        screen.save(screen.captureScreen(), screenshotName() + "-clicks.png");
        await("In use naming the adapted version", () -> {
            String s = screen.labelText("pointlearn.model.inUse");
            return s != null && s.startsWith(model + ", adapted: version ") ? s : null;
        });

        // The same series coronally, through the plane chooser under the slice.
        javax.swing.JComboBox<?> planes = WorkstationScreen.onEdt(() -> (javax.swing.JComboBox<?>) findNamed(viewer,
                "pointlearn.viewer.plane"));
        assertNotNull("no plane chooser under the slice", planes);
        WorkstationScreen.onEdt(() -> {
            planes.setSelectedItem(org.pointlearn.imaging.api.Planes.Plane.CORONAL);
            return null;
        });
        BufferedImage coronal = await("the coronal slice on screen", () -> {
            BufferedImage img = screen.capture(screen.bounds(viewer));
            return SliceImage.greyLevels(img) > 40 ? img : null;
        });
        screen.save(screen.captureScreen(), screenshotName() + "-coronal.png");
        assertTrue("the coronal slice shows anatomy", SliceImage.greyLevels(coronal) > 40);
        WorkstationScreen.onEdt(() -> {
            planes.setSelectedItem(org.pointlearn.imaging.api.Planes.Plane.ACQUIRED);
            return null;
        });

        // Roll back to the version before the one just made, as a user would in the model panel.
        screen.selectListRow("pointlearn.model.versionList", 1);
        screen.pressButtonLater("pointlearn.model.rollback");
        java.awt.Dialog ask = await("the rollback asking to confirm", () -> screen.showingDialog("Roll back the model"));
        screen.pressDialogButton(ask, "OK");
        await("the earlier version marked in use after the rollback", () -> {
            String row = screen.listRowText("pointlearn.model.versionList", 1);
            return row != null && row.startsWith("\u25cf ") ? row : null;
        });
        await("In use naming the shipped model again after the rollback", () ->
                model.equals(screen.labelText("pointlearn.model.inUse")) ? true : null);

        // Window > 3D Segmentation: the accepted slice as a surface (VTK), or why not (Java2D).
        WorkstationScreen.onEdt(() -> {
            TopComponent surface = org.openide.windows.WindowManager.getDefault().findTopComponent("SurfaceTopComponent");
            surface.open();
            surface.requestActive();
            return null;
        });
        TopComponent surface = await("the 3D window shown", () -> screen.shownWindow("SurfaceTopComponent"));
        if (renderer.startsWith("Renderer: VTK")) {
            BufferedImage drawn = await("the accepted slice drawn in 3D", () -> {
                BufferedImage img = screen.capture(screen.bounds(surface));
                return SliceImage.colouredPixels(img) > 200 ? img : null;
            });
            screen.save(drawn, screenshotName() + "-3d.png");
        } else {
            await("the 3D window saying it needs VTK", () -> WorkstationScreen.onEdt(() -> {
                java.awt.Component c = surface;
                while (c instanceof java.awt.Container box && !(c instanceof javax.swing.JLabel) && box.getComponentCount() > 0) {
                    c = box.getComponent(0);   // the surface panel's sentence
                }
                return c instanceof javax.swing.JLabel l && l.getText().contains("needs VTK") ? true : null;
            }));
        }
        WorkstationScreen.onEdt(() -> {
            surface.close();
            return null;
        });

        // Three more slices accepted from their neighbours' proposals (Up, then Enter), then the
        // 2 x 2 layout: the coronal and sagittal views cut the accepted masks, the 3D view shows them.
        WorkstationScreen.onEdt(() -> {
            viewer.requestActive();
            return null;
        });
        // the image takes the keyboard; Ctrl+click also puts the planes' cursor on the pixel clicked to
        // segment above (the middle of the slice, which is drawn centred), which every accepted mask
        // holds (a clicked pixel keeps its label), so the coronal and sagittal planes cut the masks
        // whatever their extent; the viewer's bounds are read again: the window's layout may have
        // moved it since
        Rectangle now = screen.bounds(viewer);
        screen.ctrlClick(now.x + now.width / 2, now.y + now.height / 2);
        await("the slice taking the keyboard", () -> screen.hasKeyboard(viewer) ? true : null);
        // back to the slice accepted (the plane chooser reopened the middle slice), key by key
        int accepted = org.pointlearn.adaptation.api.InteractiveSessions.getDefault().workstation().state().work()
                .accepted().keySet().stream().mapToInt(Integer::intValue).max().orElseThrow() + 1;
        while (shownSlice(viewer) != accepted) {
            int at = shownSlice(viewer);
            screen.key(at < accepted ? java.awt.event.KeyEvent.VK_DOWN : java.awt.event.KeyEvent.VK_UP);
            await("the next slice towards the accepted one", () -> shownSlice(viewer) != at ? true : null);
        }
        for (int i = 0; i < 3; i++) {
            int before = screen.listSize("pointlearn.model.versionList");
            int from = shownSlice(viewer);
            screen.key(java.awt.event.KeyEvent.VK_UP);
            await("the slice above shown after Up", () -> shownSlice(viewer) == from - 1 ? true : null);
            await("the slice above proposed from the accepted one", () -> WorkstationScreen.onEdt(() -> {
                java.awt.Component c = findNamed(viewer, "pointlearn.viewer.slice");
                String said = c.getAccessibleContext().getAccessibleDescription();
                return said != null && said.contains("Proposed from slice " + from) ? true : null;
            }));
            screen.key(java.awt.event.KeyEvent.VK_ENTER);
            await("the proposal of the next slice accepted", () ->
                    screen.listSize("pointlearn.model.versionList") == before + 1 ? true : null);
        }
        javax.swing.JComboBox<?> layouts = WorkstationScreen.onEdt(() -> (javax.swing.JComboBox<?>) findNamed(viewer,
                "pointlearn.viewer.layout"));
        assertNotNull("no layout chooser under the slice", layouts);
        WorkstationScreen.onEdt(() -> {
            layouts.setSelectedIndex(2);   // three planes and 3D
            return null;
        });
        try {
            await("the accepted masks in the coronal and sagittal views and in 3D", () -> {
                Rectangle all = screen.bounds(viewer);
                BufferedImage img = screen.capture(all);
                int h = img.getHeight() * 9 / 10;   // above the strip and choosers
                int inCoronal = SliceImage.maskPixels(img.getSubimage(img.getWidth() / 2, 0, img.getWidth() / 2, h / 2));
                int inSagittal = SliceImage.maskPixels(img.getSubimage(0, h / 2, img.getWidth() / 2, h - h / 2));
                int solid = SliceImage.colouredPixels(img.getSubimage(img.getWidth() / 2, h / 2, img.getWidth() / 2,
                        h - h / 2));
                boolean threeD = !renderer.startsWith("Renderer: VTK") || solid > 200;
                return inCoronal > 20 && inSagittal > 20 && threeD ? img : null;
            });
            screen.save(screen.captureScreen(), screenshotName() + "-2x2.png");
        } finally {
            WorkstationScreen.onEdt(() -> {
                layouts.setSelectedIndex(0);
                return null;
            });
        }

        // The accepted slices exported as a DICOM SEG, imported again, and opened as the browser's
        // double-click opens a series: drawn over the series shown in the SEG's own colour.
        org.pointlearn.dicom.api.StudyIndex index = org.pointlearn.dicom.api.StudyIndex.getDefault();
        org.pointlearn.dicom.api.SeriesRef demo = index.studies().stream().flatMap(st -> st.series().stream())
                .filter(r -> "MR".equals(r.modality())).findFirst().orElseThrow();
        org.pointlearn.adaptation.api.SeriesWork work = org.pointlearn.adaptation.api.InteractiveSessions.getDefault()
                .workstation().state().work();
        byte[][] mask = new byte[work.depth()][];
        work.accepted().forEach((k, m) -> {
            mask[k] = new byte[work.width() * work.height()];
            for (int i = 0; i < mask[k].length; i++) {
                mask[k][i] = (byte) (m.get(i) ? 1 : 0);
            }
        });
        java.nio.file.Path seg = java.nio.file.Files.createTempDirectory("pointlearn-seg").resolve("demo-seg.dcm");
        org.pointlearn.dicom.api.SegmentationExporter.getDefault().exportSeg(demo, mask,
                org.pointlearn.dicom.api.SegmentDescription.lesion("Structure", "test"), seg);
        assertEquals(1, index.importFrom(seg, org.pointlearn.dicom.api.ImportMonitor.SILENT).imported());
        org.pointlearn.dicom.api.SeriesRef segRef = index.studies().stream().flatMap(st -> st.series().stream())
                .filter(r -> "SEG".equals(r.modality())).findFirst().orElseThrow();
        WorkstationScreen.onEdt(() -> {
            org.openide.util.Lookup.getDefault().lookup(org.pointlearn.dicom.api.SeriesOpener.class).open(segRef);
            return null;
        });
        javax.swing.JCheckBox shown = await("the SEG ticked under the slice", () -> WorkstationScreen.onEdt(() ->
                findNamed(viewer, "pointlearn.viewer.segmentation") instanceof javax.swing.JCheckBox b && b.isSelected()
                        ? b : null));
        BufferedImage withSeg = await("the SEG's outline over the accepted slice", () -> {
            BufferedImage img = screen.capture(screen.bounds(viewer));
            return SliceImage.segPixels(img) > 20 ? img : null;
        });
        screen.save(withSeg, screenshotName() + "-seg.png");
        WorkstationScreen.onEdt(() -> {
            shown.doClick();   // untick: the outline goes
            return null;
        });
        await("the SEG's outline gone when unticked", () ->
                SliceImage.segPixels(screen.capture(screen.bounds(viewer))) == 0 ? true : null);
    }

    /** Window > PACS Query/Retrieve opens where it can be seen, large enough for its search. */
    public void testThePacsQueryWindowOpensInView() throws Exception {
        WorkstationScreen screen = new WorkstationScreen();
        await("the viewer window", () -> screen.shownWindow("ViewerTopComponent"));
        WorkstationScreen.onEdt(() -> {
            TopComponent pacs = org.openide.windows.WindowManager.getDefault().findTopComponent("PacsQueryTopComponent");
            pacs.open();
            pacs.requestActive();
            return null;
        });
        java.awt.Dimension size = await("the PACS window shown", () -> {
            TopComponent pacs = screen.shownWindow("PacsQueryTopComponent");
            return pacs == null ? null : WorkstationScreen.onEdt(pacs::getSize);
        });
        assertTrue("the PACS window is " + size + ": too small for its search", size.width >= 500 && size.height >= 300);
        Boolean searchShown = WorkstationScreen.onEdt(() -> {
            TopComponent pacs = org.openide.windows.WindowManager.getDefault().findTopComponent("PacsQueryTopComponent");
            javax.swing.AbstractButton search = findButton(pacs, "Search");
            if (search == null || !search.isShowing()) {
                return false;
            }
            java.awt.Rectangle r = javax.swing.SwingUtilities.convertRectangle(search.getParent(), search.getBounds(),
                    pacs);
            return r.x >= 0 && r.y >= 0 && r.x + r.width <= pacs.getWidth() && r.y + r.height <= pacs.getHeight();
        });
        assertTrue("the Search button is cut off or hidden", searchShown);
        WorkstationScreen.onEdt(() -> {   // back to the viewer for the other checks
            org.openide.windows.WindowManager.getDefault().findTopComponent("PacsQueryTopComponent").close();
            org.openide.windows.WindowManager.getDefault().findTopComponent("ViewerTopComponent").requestActive();
            return null;
        });
    }

    private static javax.swing.AbstractButton findButton(java.awt.Container c, String text) {
        for (java.awt.Component child : c.getComponents()) {
            if (child instanceof javax.swing.AbstractButton b && text.equals(b.getText())) {
                return b;
            }
            if (child instanceof java.awt.Container sub) {
                javax.swing.AbstractButton b = findButton(sub, text);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    /** The menus hold Pointlearn's items and the window system's, none of the IDE's. */
    public void testTheMenusHoldNothingOfTheIde() throws Exception {
        // Undo and Redo carry the name of what they would undo ("Undo Roll Back"): compare their verb.
        java.util.List<String> items = WorkstationScreen.onEdt(WorkstationScreen::menuItems).stream()
                .map(i -> i.startsWith("Edit > Undo") ? "Edit > Undo" : i.startsWith("Edit > Redo") ? "Edit > Redo" : i)
                .toList();
        System.out.println("MENU ITEMS " + items);
        java.util.List<String> ide = items.stream().filter(i -> IDE_WORDS.stream().anyMatch(i::contains)).toList();
        assertTrue("menu items of the IDE: " + ide, ide.isEmpty());
        for (String expected : List.of("File > Import DICOM\u2026", "File > Export Segmentation\u2026", "Tools > Options",
                "Window > Viewer", "Window > Model", "Window > DICOM Browser", "Window > PACS Query/Retrieve",
                "Edit > Undo", "Help > About Pointlearn")) {
            assertTrue("the menus lack '" + expected + "': " + items, items.contains(expected));
        }
        java.util.List<String> unknown = items.stream().filter(i -> !MENU_ALLOW.contains(i)).toList();
        assertTrue("menu items outside the allow-list: " + unknown, unknown.isEmpty());
        java.util.List<String> pages = optionEntries("OptionsDialog/Pointlearn");
        System.out.println("POINTLEARN OPTION PAGES " + pages);
        assertEquals("Tools > Options > Pointlearn holds the workstation's pages", List.of("Adaptation", "Display", "Inference",
                "Pacs"), pages);
        java.util.List<String> categories = optionEntries("OptionsDialog");
        System.out.println("OPTION CATEGORIES " + categories);
        assertTrue("Tools > Options has a Pointlearn category: " + categories, categories.contains("Pointlearn"));
        assertFalse("Tools > Options still has the IDE's Advanced category: " + categories, categories.contains("Advanced"));
    }

    /** The slice number the viewer's caption shows ("Slice 101/181", read as a screen reader reads it), 0 when none. */
    private static int shownSlice(TopComponent viewer) throws Exception {
        return WorkstationScreen.onEdt(() -> {
            java.awt.Component c = findNamed(viewer, "pointlearn.viewer.slice");
            String said = c == null ? null : c.getAccessibleContext().getAccessibleDescription();
            java.util.regex.Matcher m = said == null ? null : java.util.regex.Pattern.compile("^Slice (\\d+)/").matcher(said);
            return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
        });
    }

    /** The names of the options entries (categories or pages) registered in a folder, sorted, hidden ones left out. */
    private static java.util.List<String> optionEntries(String folder) throws Exception {
        return WorkstationScreen.onEdt(() -> {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (org.openide.filesystems.FileObject f : org.openide.filesystems.FileUtil.getConfigFile(folder).getChildren()) {
                if (f.isData() && "instance".equals(f.getExt())) {
                    names.add(f.getName());
                }
            }
            java.util.Collections.sort(names);
            return names;
        });
    }

    /** Words that give an IDE's menu item away. */
    static final java.util.List<String> IDE_WORDS = java.util.List.of("IDE Log", "Templates", "Plugins", "Go to Line",
            "Save", "Print", "Page Setup", "Find in Files", "Replace in Files", "Dashboard", "Check for Updates", "Web");

    /** Every item the menus may hold. */
    static final java.util.List<String> MENU_ALLOW = java.util.List.of(
            "File > Import DICOM\u2026", "File > Export Segmentation\u2026", "File > Exit",
            "Edit > Undo", "Edit > Redo",
            "View > Toolbars", "View > Full Screen",
            "Tools > Options",
            "Window > Viewer", "Window > Model", "Window > DICOM Browser", "Window > PACS Query/Retrieve",
            "Window > 3D Segmentation", "Window > Configure Window > Maximize", "Window > Configure Window > Float",
            "Window > Configure Window > Float Group", "Window > Configure Window > Minimize",
            "Window > Configure Window > Minimize Group", "Window > Configure Window > Dock",
            "Window > Configure Window > Dock Group", "Window > Reset Windows", "Window > Close Window",
            "Window > Close All Documents", "Window > Close Other Documents",
            "Help > About Pointlearn");

    private static java.awt.Component findNamed(java.awt.Container c, String name) {
        for (java.awt.Component child : c.getComponents()) {
            if (name.equals(child.getName())) {
                return child;
            }
            if (child instanceof java.awt.Container sub) {
                java.awt.Component found = findNamed(sub, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static <T> T await(String what, Callable<T> probe) throws Exception {
        long deadline = System.currentTimeMillis() + STARTUP_MS;
        while (System.currentTimeMillis() < deadline) {
            T v = probe.call();
            if (v != null) {
                return v;
            }
            Thread.sleep(250);
        }
        try {
            WorkstationScreen screen = new WorkstationScreen();
            screen.save(screen.captureScreen(), "not-seen.png");   // what the screen showed instead
        } catch (Exception | Error e) {
            // the failure below says what was missing; the picture is a help only
        }
        TestCase.fail("not seen within " + STARTUP_MS / 1000 + " s: " + what + " (screen: not-seen.png)");
        return null;
    }
}
