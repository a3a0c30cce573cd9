package org.pointlearn.dicom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.EventQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JTree;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import org.junit.jupiter.api.Test;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.Volume;

class DicomBrowserTopComponentTest {

    private static final SeriesRef T1 = new SeriesRef("2.25.1", "2.25.11", "MR", "T1 1 mm (Colin27 template)", 181);
    private static final SeriesRef CT = new SeriesRef("2.25.2", "2.25.21", "CT", "Head", 120);

    @Test
    void showsTheIndexAndOpensTheSelectedSeries() throws Exception {
        FakeIndex index = new FakeIndex(List.of(study("2.25.1", "Colin27^Demo", T1)));
        List<SeriesRef> opened = new CopyOnWriteArrayList<>();
        DicomBrowserTopComponent browser = new DicomBrowserTopComponent(index, () -> opened::add);

        onEventThread(() -> {
            browser.componentOpened();
            return null;
        });
        waitFor(() -> rows(browser.tree()).size() == 3, browser);
        onEventThread(() -> {
            browser.tree().setSelectionRow(2);
            browser.openSelectedSeries();
            browser.tree().setSelectionRow(1);
            browser.openSelectedSeries();
            return null;
        });

        assertEquals(List.of("Colin27^Demo (PL-1)", "2026-11-28  demo",
                "MR  T1 1 mm (Colin27 template)  \u2014 181 images"), onEventThread(() -> rows(browser.tree())));
        assertEquals(List.of(T1), opened, "only the series opens; the study row does nothing");
    }

    @Test
    void refreshesWhenTheIndexChanges() throws Exception {
        FakeIndex index = new FakeIndex(List.of(study("2.25.1", "Colin27^Demo", T1)));
        DicomBrowserTopComponent browser = new DicomBrowserTopComponent(index, () -> null);
        onEventThread(() -> {
            browser.componentOpened();
            return null;
        });
        waitFor(() -> rows(browser.tree()).size() == 3, browser);

        index.replace(List.of(study("2.25.1", "Colin27^Demo", T1), study("2.25.2", "Doe^Jane", CT)));

        waitFor(() -> rows(browser.tree()).size() == 6, browser);
        assertTrue(onEventThread(() -> rows(browser.tree())).contains("CT  Head  \u2014 120 images"));
        onEventThread(() -> {
            browser.componentClosed();
            return null;
        });
        assertTrue(index.listeners.isEmpty(), "a closed browser stops listening");
    }

    @Test
    void typingInTheFilterNarrowsTheTree() throws Exception {
        FakeIndex index = new FakeIndex(List.of(study("2.25.1", "Colin27^Demo", T1), study("2.25.2", "Doe^Jane", CT)));
        DicomBrowserTopComponent browser = new DicomBrowserTopComponent(index, () -> null);
        onEventThread(() -> {
            browser.componentOpened();
            return null;
        });
        waitFor(() -> rows(browser.tree()).size() == 6, browser);

        onEventThread(() -> {
            browser.filter().setText("head");
            return null;
        });

        assertEquals(List.of("Doe^Jane (PL-2)", "2026-11-28  demo", "CT  Head  \u2014 120 images"),
                onEventThread(() -> rows(browser.tree())));
        assertEquals("1 of 2 studies match", onEventThread(browser::statusText));
        onEventThread(() -> {
            browser.filter().setText("knee");
            return null;
        });
        assertEquals(List.of(), onEventThread(() -> rows(browser.tree())));
        assertEquals("No study matches \"knee\" (of 2)", onEventThread(browser::statusText), "not \"2 studies\"");
        onEventThread(() -> {
            browser.filter().setText("");
            return null;
        });
        assertEquals("2 studies", onEventThread(browser::statusText));
    }

    private static IndexedStudy study(String uid, String patient, SeriesRef series) {
        return new IndexedStudy(patient, "PL-" + uid.substring(uid.length() - 1), uid, "20261128", "demo",
                List.of(series));
    }

    private static List<String> rows(JTree tree) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < tree.getRowCount(); r++) {
            rows.add(tree.getPathForRow(r).getLastPathComponent().toString());
        }
        return rows;
    }

    private static void waitFor(Callable<Boolean> condition, DicomBrowserTopComponent browser) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!onEventThread(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the browser shows " + onEventThread(() -> rows(browser.tree())));
            }
            Thread.sleep(20);
        }
    }

    private static <T> T onEventThread(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        EventQueue.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** An index whose content the test sets. */
    private static final class FakeIndex implements StudyIndex {

        final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
        private volatile List<IndexedStudy> studies;

        FakeIndex(List<IndexedStudy> studies) {
            this.studies = studies;
        }

        void replace(List<IndexedStudy> newStudies) {
            studies = newStudies;
            listeners.forEach(l -> l.stateChanged(new ChangeEvent(this)));
        }

        @Override
        public SeriesRef ensureDemoStudy() {
            throw new UnsupportedOperationException("not used by the browser");
        }

        @Override
        public List<IndexedStudy> studies() {
            return studies;
        }

        @Override
        public Volume loadSeries(SeriesRef series) throws DicomException {
            throw new DicomException("this fake index holds no images");
        }

        @Override
        public void addChangeListener(ChangeListener l) {
            listeners.add(l);
        }

        @Override
        public void removeChangeListener(ChangeListener l) {
            listeners.remove(l);
        }
    }
}
