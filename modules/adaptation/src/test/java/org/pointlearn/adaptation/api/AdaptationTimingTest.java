package org.pointlearn.adaptation.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.adaptation.impl.Learner;
import org.pointlearn.adaptation.impl.ModelState;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * Latency at the brain model's size (256, base 16, 4 levels), for docs/adaptation.md. Opt-in
 * ({@code -Dpointlearn.timing=true}): it takes a minute and its numbers depend on the machine's load.
 */
class AdaptationTimingTest {

    @TempDir
    Path dir;

    @Test
    void latencyAtTheBrainModelSize() throws Exception {
        assumeTrue(Boolean.getBoolean("pointlearn.timing"), "run with -Dpointlearn.timing=true");
        Fixtures.engine();
        ModelCard card = Fixtures.smallCard();
        card.workingSize = 256;
        card.architecture.base = 16;
        card.architecture.levels = 4;
        try (SegmentationModel model = SegmentationModel.create(card, Device.cpu());
             VersionStore store = VersionStore.open(dir, 8);
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.METHOD,
                     AdaptationSettings.defaults().withSteps(8, 1), store)) {
            List<Double> mid = new ArrayList<>();
            List<Double> post = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                s.start(Fixtures.disk(40, 36, 14, k), "t" + k);
                s.click(new Click(40, 36, true));
                long t0 = System.nanoTime();
                s.click(new Click(10, 10, false));
                mid.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                s.accept(Fixtures.diskMask(40, 36, 14));
                post.add((System.nanoTime() - t1) / 1e6);
            }
            Learner learner = s.learner();
            List<Double> snapshot = new ArrayList<>();
            List<Double> rollback = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                ModelState state = learner.capture();
                snapshot.add((System.nanoTime() - t0) / 1e6);
                long t1 = System.nanoTime();
                learner.restore(state);
                rollback.add((System.nanoTime() - t1) / 1e6);
                state.close();
            }
            List<Double> forward = new ArrayList<>();
            float[] input = new float[card.inputChannels() * 256 * 256];
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                learner.predict(List.of(input));
                forward.add((System.nanoTime() - t0) / 1e6);
            }
            List<Double> toVersion = new ArrayList<>();
            for (String id : List.of("v1", "v3", "v2", "v6")) {
                long t0 = System.nanoTime();
                s.rollbackTo(id);
                toVersion.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("timing 256/16/4 (%d trainable values): click + mid step + re-prediction %s ms;"
                    + " accept (post K=8, replay every 2nd step, guard, save) %s ms; snapshot %s ms; restore %s ms;"
                    + " rollbackTo (in memory, persisted manifest) %s ms; forward %s ms%n", learner.trainableValues(),
                    median(mid), median(post), median(snapshot), median(rollback), median(toVersion), median(forward));
        }
    }

    private static String median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return String.format("%.1f (min %.1f, max %.1f)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }
}
