package org.pointlearn.evaluation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.evaluation.metrics.PolicySummary;
import org.pointlearn.evaluation.protocol.ProtocolRunner;
import org.pointlearn.evaluation.protocol.SampleOrder;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * A short run of the protocol on shifted real data (the first 6 FLAIR images, 5 clicks) for the
 * frozen model and the method, through the adaptation session: it completes, the numbers are
 * in range, and the method makes versions.
 */
class SessionPolicyOnSharedDataTest {

    private static final Path BRAIN = Path.of(System.getProperty("user.dir"), "..", "..", "models", "brain-mri");

    private static SegmentationModel model() throws Exception {
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR", "target/djl-cache")));
        if (Files.isRegularFile(BRAIN.resolve("model.json"))) {
            return SegmentationModel.load(BRAIN, Device.cpu());
        }
        return SegmentationModel.create(ModelCard.builder().name("fresh").workingSize(64).unet(16, 3).build(), Device.cpu());
    }

    private static PolicyRun run(String policy, List<Sample> sequence) throws Exception {
        try (SegmentationModel model = model(); SessionPolicy p = SessionPolicy.named(policy, model)) {
            PolicyRun run = new ProtocolRunner(5).run("brain-ms-flair", policy, sequence, p);
            if (!policy.equals("frozen")) {
                assertTrue(p.session().versions().size() > 1, policy + " made no version: " + p.session().events());
            } else {
                assertEquals(1, p.session().versions().size());
            }
            return run;
        }
    }

    @Test
    void frozenAndMethodCompleteWithSaneNumbers() throws Exception {
        List<Sample> all = new DatasetReader().read(SharedData.domain("brain-ms-flair")).samples();
        List<Sample> sequence = SampleOrder.fixed(all).subList(0, 6);
        for (String policy : List.of("frozen", "method")) {
            long start = System.nanoTime();
            PolicyRun run = run(policy, sequence);
            PolicySummary s = run.summary();
            System.out.printf("%s: Dice@1 %.3f @3 %.3f @5 %.3f NoC85 %.2f in %.1f s%n", policy, s.diceAt(1), s.diceAt(3),
                    s.diceAt(5), s.noc85(), (System.nanoTime() - start) / 1e9);
            assertEquals(6, run.images().size());
            for (ImageResult r : run.images()) {
                assertTrue(r.auc() >= 0 && r.auc() <= 1, r.image() + " AUC " + r.auc());
                assertTrue(r.clicks().size() >= 1 && r.clicks().size() <= 5, r.image());
            }
            assertTrue(s.diceAt(5) >= 0 && s.diceAt(5) <= 1 && s.diceAt(5) >= s.diceAt(1) - 0.2, policy + " " + s.diceAt(5));
        }
    }
}
