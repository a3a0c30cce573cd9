package org.pointlearn.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.impl.LocalStudyIndex;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * After a crash the workstation opens the series whose slice was in progress, not the demo:
 * the real study index with the demo study imported, and a real session that clicked on it
 * and was never closed (as after kill -9).
 */
class DemoStudyStartupTest {

    private static final Path MODEL = Path.of(System.getProperty("user.dir"), "..", "..", "models", "brain-mri");

    @TempDir
    Path dir;

    @Test
    void theSeriesOfTheSliceInProgressIsFoundInTheIndex() throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir.resolve("index"));
        SeriesRef demo = index.ensureDemoStudy();
        Volume volume = index.loadSeries(demo);
        Path root = dir.resolve("pointlearn");
        try (SegmentationModel model = SegmentationModel.load(MODEL, Device.cpu())) {
            InteractiveSession crashed = InteractiveSessions.getDefault().open(model, root, true);
            try (InteractiveSession before = InteractiveSessions.getDefault().open(null, root, true)) {
                assertEquals(Optional.empty(), DemoStudyStartup.journaledSeries(index, before),
                        "no journal: the demo opens");
            }
            for (int i = 0; i < 600 && !crashed.state().ready(); i++) {
                Thread.sleep(100);
            }
            crashed.openSeries(new SeriesKey(demo.studyInstanceUid(), demo.seriesInstanceUid(), "demo"), volume)
                    .get(1, TimeUnit.MINUTES);
            int k = volume.geometry().depth() / 2;
            crashed.click(k, new Click(volume.geometry().width() / 2, volume.geometry().height() / 2, true))
                    .get(1, TimeUnit.MINUTES);
            for (int i = 0; i < 100 && crashed.journaled().get(1, TimeUnit.MINUTES).isEmpty(); i++) {
                Thread.sleep(50);
            }
            // Not closed: the next start reads what the crashed one left on disk.
            try (InteractiveSession next = InteractiveSessions.getDefault().open(null, root, true)) {
                Optional<SeriesRef> found = DemoStudyStartup.journaledSeries(index, next);
                assertTrue(found.isPresent(), "the journaled series was not found in the index");
                assertEquals(demo.seriesInstanceUid(), found.get().seriesInstanceUid());
                assertEquals(k, next.journaled().get(1, TimeUnit.MINUTES).orElseThrow().slice());
            }
        }
    }
}
