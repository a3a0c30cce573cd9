package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.swing.event.ChangeListener;
import org.junit.jupiter.api.Test;
import org.openide.util.Lookup;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesOpener;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;
import org.pointlearn.viewer.impl.RendererChoice;

class ViewerSeriesOpenerTest {

    private static final SeriesRef T1 = new SeriesRef("1.2.3", "1.2.3.4", "MR", "Colin27 T1", 181);

    @Test
    void theBrowserFindsTheViewerThroughTheLookup() {
        assertInstanceOf(ViewerSeriesOpener.class, Lookup.getDefault().lookup(SeriesOpener.class));
    }

    @Test
    void aSeriesIsNamedByItsDescriptionElseItsModality() {
        assertEquals("Colin27 T1", ViewerSeriesOpener.title(T1));
        assertEquals("CT series", ViewerSeriesOpener.title(new SeriesRef("1", "2", "CT", " ", 3)));
    }

    @Test
    void aLoadedSeriesAppearsInTheViewer() throws Exception {
        ViewerTopComponent viewer = viewerLoading();
        Volume volume = TestVolumes.brightFirstVoxel(8, 8, 7, 1, 1);
        ViewerSeriesOpener.load(new StubIndex(volume, null), viewer, 1, T1, false);
        assertNull(ViewerTopComponentTest.onEdt(viewer::shownMessage));
        assertEquals("Slice 4/7", viewer.view().caption().get(0));
    }

    /**
     * A DICOM SEG of the series shown is drawn over it, dashed in its own colour, in the plane
     * annotated and in the others; the caption says whether the slice was reviewed in it.
     */
    @Test
    void aSegmentationIsDrawnOverItsSeriesAndSaysWhichSlicesWereReviewed() throws Exception {
        assertTrue(ViewerSeriesOpener.isSegmentation(new SeriesRef("1.2.3", "1.2.3.99", "SEG", "Segmentation: Lesion", 1)));
        assertFalse(ViewerSeriesOpener.isSegmentation(T1), "images are opened as images");
        Volume disks = TestVolumes.disk(32, 5, 16, 16, 4);
        byte[] lesion = new byte[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                lesion[y * 32 + x] = (byte) (TestVolumes.inDisk(x, y, 16, 16, 4) ? 1 : 0);
            }
        }
        SeriesRef seg = new SeriesRef("1.2.3", "1.2.3.99", "SEG", "Segmentation: Lesion", 1);
        org.pointlearn.dicom.api.LoadedSegmentation loaded = new org.pointlearn.dicom.api.LoadedSegmentation(seg, T1,
                "Segmentation: Lesion", List.of("Lesion"), java.util.Map.of(3, lesion, 2, new byte[32 * 32]));
        ViewerTopComponent viewer = ViewerTopComponentTest.onEdt(() -> {
            ViewerTopComponent v = new ViewerTopComponent(
                    () -> CompletableFuture.completedFuture(RendererChoice.java2d("VTK disabled by setting")),
                    ViewerTopComponentTest.idleSession());
            v.componentOpened();
            v.showVolume(v.beginLoading("T1", T1), disks);
            v.showSegmentation(loaded);
            v.view().goToSlice(3);
            return v;
        });
        assertEquals(loaded, ViewerTopComponentTest.onEdt(viewer::segmentation));
        int outline = ViewerTopComponentTest.onEdt(() -> drawn(viewer));
        assertTrue(outline > 8, "the SEG's outline on the slice it has a lesion on: " + outline + " px");
        assertTrue(ViewerTopComponentTest.onEdt(() -> captionOf(viewer)).contains("SEG Lesion: reviewed"));
        ViewerTopComponentTest.onEdt(() -> {
            viewer.view().goToSlice(2);
            return null;
        });
        assertEquals(0, ViewerTopComponentTest.onEdt(() -> drawn(viewer)), "reviewed, nothing there");
        assertTrue(ViewerTopComponentTest.onEdt(() -> captionOf(viewer)).contains("SEG Lesion: reviewed"));
        ViewerTopComponentTest.onEdt(() -> {
            viewer.view().goToSlice(1);
            return null;
        });
        assertTrue(ViewerTopComponentTest.onEdt(() -> captionOf(viewer)).contains("SEG Lesion: not reviewed"));
        ViewerTopComponentTest.onEdt(() -> {
            viewer.choosePlane(org.pointlearn.imaging.api.Planes.Plane.CORONAL);
            viewer.view().goToSlice(16);
            return null;
        });
        assertTrue(ViewerTopComponentTest.onEdt(() -> drawn(viewer)) > 2, "the lesion cut coronally");
        ViewerTopComponentTest.onEdt(() -> {
            viewer.showVolume(viewer.beginLoading("another", new SeriesRef("1.2.3", "1.2.3.5", "MR", "T2", 5)), disks);
            return null;
        });
        assertNull(ViewerTopComponentTest.onEdt(viewer::segmentation), "another series has not this SEG");
    }

    private static int drawn(ViewerTopComponent viewer) {
        int n = 0;
        for (int rgb : viewer.shownSlice().rgb()) {
            n += rgb == org.pointlearn.viewer.impl.GreySlice.SEGMENTATION ? 1 : 0;
        }
        return n;
    }

    private static String captionOf(ViewerTopComponent viewer) {
        return String.valueOf(viewer.lastCaption());
    }

    /** The patient, the study date and the series are written at the top left; I hides them. */
    @Test
    void thePatientAndTheSeriesAreNamedOnTheSlice() throws Exception {
        ViewerTopComponent viewer = viewerLoading();
        ViewerSeriesOpener.load(new StubIndex(TestVolumes.brightFirstVoxel(8, 8, 7, 1, 1), null), viewer, 1, T1, false);
        ViewerTopComponentTest.onEdt(() -> null);
        assertEquals(List.of("Doe, Jane Q", "ID P-17 \u00b7 2024-01-31", "Colin27 T1 \u00b7 MR"),
                ViewerTopComponentTest.onEdt(viewer::patientLines));
        assertTrue(ViewerTopComponentTest.onEdt(() -> viewer.view().infoShown()));
        ViewerTopComponentTest.onEdt(() -> {
            viewer.view().toggleInfo();
            return null;
        });
        assertFalse(ViewerTopComponentTest.onEdt(() -> viewer.view().infoShown()), "I did not hide the lines");
        assertEquals("Doe", ViewerTopComponent.personName("Doe^^^"));
        assertEquals("(no name)", ViewerTopComponent.personName(""));
    }

    @Test
    void theWindowStoredWithTheImagesIsTheOneShown() throws Exception {
        ViewerTopComponent viewer = viewerLoading();
        Volume volume = TestVolumes.brightFirstVoxel(8, 8, 7, 1, 1);
        ViewerSeriesOpener.load(new StubIndex(volume, null, List.of(new WindowLevel(40, 80))), viewer, 1, T1, false);
        ViewerTopComponentTest.onEdt(() -> null);
        assertEquals("W/L 40/80 (stored)", viewer.view().caption().get(1));
    }

    @Test
    void aLoadingFailureIsShownInWordsInTheViewer() throws Exception {
        ViewerTopComponent viewer = viewerLoading();
        DicomException problem = new DicomException("series 1.2.3.4 has no readable images");
        ViewerSeriesOpener.load(new StubIndex(null, problem), viewer, 1, T1, false);
        assertEquals("Could not open Colin27 T1: series 1.2.3.4 has no readable images",
                ViewerTopComponentTest.onEdt(viewer::shownMessage));
    }

    @Test
    void withoutAStudyIndexTheViewerSaysTheDicomModuleIsMissing() throws Exception {
        ViewerTopComponent viewer = viewerLoading();
        ViewerSeriesOpener.load(null, viewer, 1, T1, false);
        assertEquals("Could not open Colin27 T1: no study index is installed (the DICOM module is missing)",
                ViewerTopComponentTest.onEdt(viewer::shownMessage));
    }

    private static ViewerTopComponent viewerLoading() throws Exception {
        return ViewerTopComponentTest.onEdt(() -> {
            ViewerTopComponent viewer = new ViewerTopComponent(
                    () -> CompletableFuture.completedFuture(RendererChoice.java2d("VTK disabled by setting")),
                    ViewerTopComponentTest.idleSession());
            viewer.componentOpened();
            assertEquals(1, viewer.beginLoading(ViewerSeriesOpener.title(T1)));
            return viewer;
        });
    }

    /** An index that loads one volume or fails with one exception. */
    private record StubIndex(Volume volume, DicomException failure, List<WindowLevel> presets) implements StudyIndex {

        StubIndex(Volume volume, DicomException failure) {
            this(volume, failure, List.of());
        }

        @Override
        public List<WindowLevel> windowPresets(SeriesRef series) {
            return presets;
        }

        @Override
        public SeriesRef ensureDemoStudy() {
            return T1;
        }

        @Override
        public List<IndexedStudy> studies() {
            return List.of(new IndexedStudy("Doe^Jane^Q", "P-17", T1.studyInstanceUid(), "20240131", "Brain", List.of(T1)));
        }

        @Override
        public Volume loadSeries(SeriesRef series) throws DicomException {
            if (failure != null) {
                throw failure;
            }
            return volume;
        }

        @Override
        public void addChangeListener(ChangeListener l) {
            throw new UnsupportedOperationException("the viewer does not follow index changes");
        }

        @Override
        public void removeChangeListener(ChangeListener l) {
            throw new UnsupportedOperationException("the viewer does not follow index changes");
        }
    }
}
