package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * kill -9 in the middle of a slice: a child JVM works in a session (one slice accepted, two
 * clicks on another, a brush going back and forth) and is killed; the next session on the same
 * folder has the accepted slice, the version it made, and the slice in progress with its clicks
 * to continue.
 */
class SessionKillTest {

    @TempDir
    Path root;

    @Test
    void afterAKillTheAcceptedSliceTheVersionAndTheSliceInProgressAreThere() throws Exception {
        Process child = Fixtures.childJvm(SessionWorkProcess.class, root);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("working")) {
                // the child's own lines
            }
            assertNotNull(line, "the child stopped before working: see " + root + "-child.err");
            Thread.sleep(300);
        } finally {
            child.destroyForcibly();   // SIGKILL: nothing of the child's runs after this
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        try (SegmentationModel model = Fixtures.smallModel();
             InteractiveSession again = InteractiveSessions.getDefault().open(model, root, true)) {
            for (int i = 0; i < 600 && !again.state().ready(); i++) {
                Thread.sleep(100);
            }
            assertEquals(2, again.state().versions().size(), "the version the accept made is there");
            assertEquals(again.state().versions().get(1).id(), again.state().active().id(), "and in use");
            again.openSeries(SegmentationSessionTest.SERIES, SegmentationSessionTest.volume()).get(1, TimeUnit.MINUTES);
            assertEquals(List.of(0), List.copyOf(again.state().work().accepted().keySet()), "the accepted slice");
            SliceDraft d = again.journaled().get(1, TimeUnit.MINUTES).orElseThrow();
            assertEquals(2, d.slice());
            assertEquals(List.of(new Click(40, 36, true), new Click(12, 12, false)), d.clicks());
            again.resume(d);
            again.idle().get(2, TimeUnit.MINUTES);
            assertEquals(d.clicks(), again.state().work().clicks(), "the clicks are back on their slice");
            assertEquals(2, again.state().work().slice());
            assertNotNull(again.state().work().predicted(), "and the model predicted from them");
        }
    }
}
