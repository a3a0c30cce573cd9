package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pointlearn.viewer.ui.ViewerTopComponentTest.onEdt;

import ai.djl.Device;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.impl.LocalStudyIndex;
import org.pointlearn.dicom.impl.SegmentationFiles;
import org.pointlearn.imaging.api.NiftiReader;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * What File > Export Segmentation writes: the slice accepted in the viewer, on the demo series
 * from a real study index, as NIfTI and DICOM SEG.
 */
class SegmentationExportTest {

    private static final Path BRAIN = Path.of(System.getProperty("user.dir"), "..", "..", "models", "brain-mri");

    @Test
    void theAcceptedSliceIsWhatTheExportedFilesHold(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"));
        SeriesRef demo = index.ensureDemoStudy();
        Volume volume = index.loadSeries(demo);
        int w = volume.geometry().width();
        int h = volume.geometry().height();
        try (SegmentationModel model = SegmentationModel.load(BRAIN, Device.cpu())) {
            org.pointlearn.adaptation.api.InteractiveSession hub =
                    org.pointlearn.adaptation.api.InteractiveSessions.getDefault().open(model, dir, true);
            for (int i = 0; i < 1200 && !hub.state().ready(); i++) {
                Thread.sleep(100);
            }
            SliceViewModel view = new SliceViewModel();
            Java2dSliceCanvas canvas = onEdt(() -> {
                view.show(volume);
                Java2dSliceCanvas c = new Java2dSliceCanvas();
                c.setSize(2 * w, 2 * h);
                c.show(view.image(), List.of());
                return c;
            });
            ClickSegmentation tools = onEdt(() -> ClickSegmentation.attach(view, canvas, hub,
                    () -> org.pointlearn.adaptation.api.SeriesKey.inMemory("Colin27")));
            int k = onEdt(view::slice);
            onEdt(() -> {
                tools.click(2 * (w / 2) + 1, 2 * (h / 2) + 1, true);
                return null;
            });
            onEdt(tools::idle).get(2, TimeUnit.MINUTES);
            onEdt(() -> {
                KeyEvent enter = new KeyEvent(canvas, KeyEvent.KEY_PRESSED, 0, 0, KeyEvent.VK_ENTER,
                        KeyEvent.CHAR_UNDEFINED);
                for (KeyListener l : canvas.getKeyListeners()) {
                    l.keyPressed(enter);
                }
                return null;
            });
            onEdt(tools::idle).get(2, TimeUnit.MINUTES);
            int area = onEdt(() -> tools.acceptedMask(k).orElseThrow().area());
            assertTrue(area > 0, "the accepted mask is empty");
            byte[][] mask = onEdt(() -> ExportSegmentationAction.volumeMask(tools.seriesWork()));
            assertEquals(volume.geometry().depth(), mask.length);

            SegmentationFiles exporter = new SegmentationFiles(index);
            Path nifti = dir.resolve("colin-seg.nii.gz");
            ExportSegmentationAction.write(exporter, demo, mask, "v1", nifti);
            Volume read = NiftiReader.read(nifti);
            assertEquals(area, count(read), "voxels inside in the NIfTI file");
            int[] perSlice = new int[read.geometry().depth()];
            for (int z = 0; z < perSlice.length; z++) {
                perSlice[z] = count(read.slice(z));
            }
            assertEquals(1, Arrays.stream(perSlice).filter(n -> n > 0).count(), "the mask spreads over several slices");

            Path seg = dir.resolve("colin-seg.dcm");
            ExportSegmentationAction.write(exporter, demo, mask, "v1", seg);
            byte[] bytes = Files.readAllBytes(seg);
            assertEquals("DICM", new String(bytes, 128, 4, StandardCharsets.US_ASCII), "not a DICOM file");

            // Re-imported and opened over its series: the accepted slice, and only it, with the same mask.
            index.importFrom(seg, org.pointlearn.dicom.api.ImportMonitor.SILENT);
            org.pointlearn.dicom.impl.SegmentationReading reading = new org.pointlearn.dicom.impl.SegmentationReading(index);
            List<SeriesRef> segs = reading.of(demo);
            assertEquals(1, segs.size(), "the exported SEG is offered with its series");
            org.pointlearn.dicom.api.LoadedSegmentation back = reading.read(segs.get(0));
            assertEquals(java.util.Set.of(k), back.slices().keySet(), "only the accepted slice was reviewed");
            org.pointlearn.imaging.api.Mask2D accepted = onEdt(() -> tools.acceptedMask(k).orElseThrow());
            for (int i = 0; i < w * h; i++) {
                assertEquals(accepted.get(i) ? 1 : 0, back.slices().get(k)[i], "voxel " + i + " of the accepted slice");
            }
            ViewerTopComponent viewer = onEdt(() -> {
                ViewerTopComponent v = new ViewerTopComponent(() -> java.util.concurrent.CompletableFuture.completedFuture(
                        org.pointlearn.viewer.impl.RendererChoice.java2d("test")), ViewerTopComponentTest.idleSession());
                v.componentOpened();
                v.showVolume(v.beginLoading("Colin27", demo), volume);
                v.showSegmentation(back);
                v.view().goToSlice(k);
                return v;
            });
            int outline = onEdt(() -> {
                int n = 0;
                for (int rgb : viewer.shownSlice().rgb()) {
                    n += rgb == org.pointlearn.viewer.impl.GreySlice.SEGMENTATION ? 1 : 0;
                }
                return n;
            });
            assertTrue(outline > 10, "the SEG drawn over its series: " + outline + " px of its outline");
            hub.close();
        }
    }

    private static int count(Volume v) {
        int n = 0;
        for (int z = 0; z < v.geometry().depth(); z++) {
            n += count(v.slice(z));
        }
        return n;
    }

    private static int count(float[] slice) {
        int n = 0;
        for (float f : slice) {
            n += f > 0 ? 1 : 0;
        }
        return n;
    }
}
