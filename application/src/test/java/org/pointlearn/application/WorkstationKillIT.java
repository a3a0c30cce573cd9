package org.pointlearn.application;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.After;
import org.junit.Test;

/**
 * The installed workstation killed with SIGKILL in the middle of a slice, then started again:
 * it offers the slice's clicks back, and on "Yes" shows that slice with the mask at the click.
 * The application runs as a user starts it (the built launcher, its own JVM and user
 * directory); this test drives it from outside through the X display (Robot input, screen
 * captures, xwininfo for the windows).
 */
public class WorkstationKillIT {

    private static final Path APP = Path.of("target", "pointlearn", "bin", "pointlearn");
    private static final Path USERDIR = Path.of("target", "kill-userdir").toAbsolutePath();
    private static final Pattern GEOMETRY = Pattern.compile("(\\d+)x(\\d+)\\+-?\\d+\\+-?\\d+\\s+\\+(-?\\d+)\\+(-?\\d+)");
    private static final long START_SECONDS = 180;

    private Process app;
    private final Robot robot;

    public WorkstationKillIT() throws Exception {
        robot = new Robot();
        robot.setAutoDelay(30);
    }

    @After
    public void stop() {
        kill();
    }

    @Test
    public void afterKill9TheSliceInProgressIsOfferedBackWithItsClick() throws Exception {
        deleteTree(USERDIR);
        start(1);
        Rectangle canvas = waitForSliceCanvas();
        assertFastAllocatorLoaded();
        BufferedImage middle = robot.createScreenCapture(canvas);
        // another slice than the one the viewer opens on, then a click at the canvas' centre
        robot.mouseMove(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
        for (int i = 0; i < 6; i++) {
            type(KeyEvent.VK_UP);
        }
        robot.delay(500);
        canvas = waitForSliceCanvas();   // where it is now (the layout may have settled since)
        BufferedImage before = robot.createScreenCapture(canvas);
        double moved = difference(onDemoGrid(middle), onDemoGrid(before));
        assertTrue("the Up key shows another slice (image changed by " + moved + ")", moved > 2);
        int cx = canvas.width / 2;
        int cy = canvas.height / 2;
        assertEquals("no mask at the click before clicking", 0, tinted(before, cx, cy));
        robot.mouseMove(canvas.x + cx, canvas.y + cy);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        Path journal = waitForJournal();
        List<String> lines = Files.readAllLines(journal);
        String slice = line(lines, "slice ");
        String title = line(lines, "title ");
        assertEquals("one click journaled: " + lines, 1, lines.stream().filter(l -> l.startsWith("click ")).count());
        waitForMask(canvas, cx, cy, "the click's mask before the kill");

        kill();
        assertTrue("the journal survives kill -9", Files.exists(journal));

        start(2);
        Rectangle dialog = waitForWindow("Continue the slice in progress");
        // focus the question (a click on its text), then Enter answers its default button, Yes
        robot.mouseMove(dialog.x + dialog.width / 2, dialog.y + dialog.height / 4);
        robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
        robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        type(KeyEvent.VK_ENTER);
        Rectangle again = waitForSliceCanvas();
        BufferedImage resumed = waitForMask(again, again.width / 2, again.height / 2, "the click's mask after Yes");
        save(resumed, "kill-resumed");
        // The slice shown is the journaled one: away from the click it matches the slice clicked on.
        // The viewer may have another size after the restart: compare on the demo's own grid.
        double toClicked = difference(onDemoGrid(before), onDemoGrid(resumed));
        double toMiddle = difference(onDemoGrid(middle), onDemoGrid(resumed));
        assertTrue("the journaled slice is shown (image differs by " + toClicked + " from the slice clicked on, "
                + toMiddle + " from the one the viewer opens on)", toClicked * 3 < toMiddle);
        List<String> after = Files.readAllLines(journal);
        assertEquals("the slice stays in progress", slice, line(after, "slice "));
        assertTrue("the title names the series", windowNames().stream().anyMatch(n -> n.startsWith("Pointlearn")
                && n.contains(title.substring("title ".length()))));
    }

    private void start(int run) throws IOException {
        assertTrue("the launcher is built: " + APP.toAbsolutePath(), Files.isExecutable(APP));
        ProcessBuilder pb = new ProcessBuilder(APP.toAbsolutePath().toString(), "--nosplash", "--userdir",
                USERDIR.toString());
        String cache = System.getProperty("DJL_CACHE_DIR");
        if (cache != null) {
            pb.environment().put("DJL_CACHE_DIR", cache);
        }
        pb.environment().remove("LD_PRELOAD");   // the test JVM's own: the launcher is to set it
        pb.redirectErrorStream(true).redirectOutput(new File("target/kill-run-" + run + ".log"));
        app = pb.start();
    }

    /**
     * Where the system has tcmalloc, the launcher's configuration preloads it into the JVM (a click's
     * prediction takes about half the time with it, docs/interaction.md "Two first squares").
     */
    private void assertFastAllocatorLoaded() throws IOException {
        Path tcmalloc = Path.of("/usr/lib/x86_64-linux-gnu/libtcmalloc.so.4");
        if (!Files.exists(tcmalloc)) {
            return;   // not a Debian amd64 system with libgoogle-perftools4: nothing to check
        }
        List<String> loaded = new java.util.ArrayList<>();
        try (Stream<ProcessHandle> all = app.descendants()) {
            for (ProcessHandle p : (Iterable<ProcessHandle>) all::iterator) {
                if (p.info().command().orElse("").endsWith("/java")) {
                    Path maps = Path.of("/proc", Long.toString(p.pid()), "maps");
                    loaded.add(p.pid() + (Files.readString(maps).contains("libtcmalloc") ? " with" : " without")
                            + " tcmalloc");
                }
            }
        }
        assertTrue("the workstation's JVM runs with tcmalloc preloaded by etc/pointlearn.conf (Java processes: "
                + loaded + ")", loaded.size() == 1 && loaded.get(0).endsWith(" with tcmalloc"));
    }

    /** SIGKILL to the launcher's JVM and the launcher, as a crash or {@code kill -9} would end them. */
    private void kill() {
        if (app == null) {
            return;
        }
        try (Stream<ProcessHandle> children = app.descendants()) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        app.destroyForcibly();
        try {
            app.waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app = null;
    }

    /** The VTK slice canvas (its own X window) once the main window shows it. */
    private Rectangle waitForSliceCanvas() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < end) {
            assertTrue("the workstation is running (see target/kill-run-*.log)", app.isAlive());
            boolean main = windowNames().stream().anyMatch(n -> n.startsWith("Pointlearn"));
            Rectangle found = main ? canvasNow() : null;
            if (found != null) {
                Thread.sleep(1500);   // the first frames; the window system may still be laying out
                if (found.equals(canvasNow())) {
                    return found;
                }
            }
            Thread.sleep(500);
        }
        fail("no slice canvas within " + START_SECONDS + " s; windows: " + windowNames());
        return null;
    }

    /** The VTK slice canvas' window on screen now, or null. */
    private static Rectangle canvasNow() throws Exception {
        for (String l : xwininfo()) {
            Matcher m = GEOMETRY.matcher(l);
            if (l.contains("XCanvasPeer") && m.find() && Integer.parseInt(m.group(1)) > 200) {
                return new Rectangle(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        }
        return null;
    }

    private Rectangle waitForWindow(String name) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < end) {
            assertTrue("the workstation is running (see target/kill-run-*.log)", app.isAlive());
            for (String l : xwininfo()) {
                Matcher m = GEOMETRY.matcher(l);
                if (l.contains("\"" + name + "\"") && m.find()) {
                    Thread.sleep(800);
                    return new Rectangle(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
            }
            Thread.sleep(500);
        }
        fail("no window '" + name + "' within " + START_SECONDS + " s; windows: " + windowNames());
        return null;
    }

    private Path waitForJournal() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            try (Stream<Path> s = Files.walk(USERDIR)) {
                Path j = s.filter(p -> p.getFileName().toString().equals("slice-in-progress.txt")).findFirst().orElse(null);
                if (j != null && Files.readString(j).contains("\nclick ")) {
                    return j;
                }
            }
            Thread.sleep(300);
        }
        fail("the click was not journaled within 60 s");
        return null;
    }

    private BufferedImage waitForMask(Rectangle canvas, int x, int y, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        BufferedImage shot = null;
        while (System.nanoTime() < end) {
            shot = robot.createScreenCapture(canvas);
            if (tinted(shot, x, y) > 50) {
                return shot;
            }
            Thread.sleep(300);
        }
        save(shot, "kill-no-mask");
        fail(what + ": no mask colour around the click within 120 s (target/screenshots/kill-no-mask.png)");
        return null;
    }

    /** Pixels within 15 px of (x, y) tinted by the mask's default colour (yellow: red well above blue). */
    private static int tinted(BufferedImage img, int x, int y) {
        int n = 0;
        for (int j = y - 15; j <= y + 15; j++) {
            for (int i = x - 15; i <= x + 15; i++) {
                int rgb = img.getRGB(i, j);
                if (((rgb >> 16) & 255) - (rgb & 255) > 50) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The front of the demo brain (columns 40-140, rows 25-60 of its 181 x 217 one-millimetre grid,
     * far from the click at the middle) as drawn on a canvas capture: the slice is fitted to the
     * canvas and centred.
     */
    private static BufferedImage onDemoGrid(BufferedImage canvas) {
        // where the viewer places a 181 x 217 mm slice in a canvas of this size (its own placement rule)
        java.awt.geom.Rectangle2D.Double r = org.pointlearn.viewer.impl.ImageFit.place(181, 217, canvas.getWidth(),
                canvas.getHeight(), org.pointlearn.viewer.impl.ViewTransform.FIT);
        BufferedImage out = new BufferedImage(100, 35, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < 35; row++) {
            for (int col = 0; col < 100; col++) {
                out.setRGB(col, row, canvas.getRGB((int) (r.x + (col + 40.5) / 181 * r.width),
                        (int) (r.y + (row + 25.5) / 217 * r.height)));
            }
        }
        return out;
    }

    /** Mean absolute difference of the green channel. */
    private static double difference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(((a.getRGB(x, y) >> 8) & 255) - ((b.getRGB(x, y) >> 8) & 255));
            }
        }
        return sum / (a.getWidth() * a.getHeight());
    }

    private void type(int key) {
        robot.keyPress(key);
        robot.keyRelease(key);
    }

    private static String line(List<String> lines, String prefix) {
        String l = lines.stream().filter(s -> s.startsWith(prefix)).findFirst().orElse(null);
        assertNotNull("journal line '" + prefix + "' in " + lines, l);
        return l;
    }

    private static List<String> windowNames() throws Exception {
        return xwininfo().stream().map(l -> {
            int a = l.indexOf('"');
            int b = a < 0 ? -1 : l.indexOf('"', a + 1);
            return b < 0 ? "" : l.substring(a + 1, b);
        }).filter(n -> !n.isEmpty()).toList();
    }

    private static List<String> xwininfo() throws Exception {
        Process p = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.lines().toList();
    }

    private static void save(BufferedImage img, String name) throws IOException {
        if (img != null) {
            File dir = new File(System.getProperty("pointlearn.screenshots", "target/screenshots"));
            dir.mkdirs();
            ImageIO.write(img, "png", new File(dir, name + ".png"));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
