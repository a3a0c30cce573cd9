package org.pointlearn.evaluation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.protocol.ProtocolRunner;
import org.pointlearn.evaluation.protocol.SegmentationException;
import org.pointlearn.evaluation.data.AtlasStructures;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * The 2-D protocol through the workstation's interactive session gives what it gives through the
 * engine's session: the same clicks and the same Dice after every click, for every policy `make eval`
 * compares (the second image shows what the first taught), on two slices of the Colin27 left
 * thalamus none of our models trained on, five clicks each.
 */
class ServiceSegmenterTest {

    private static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");
    private static final Path MODEL = Path.of(System.getProperty("user.dir"), "..", "..", "models", "mri-general");
    private static final int CLICKS = 5;
    private static List<Sample> samples;

    @BeforeAll
    static void readSlices() throws Exception {
        AtlasStructures atlas = AtlasStructures.read(TEMPLATES.resolve("ch2.nii.gz"), TEMPLATES.resolve("aal.nii.gz"),
                TEMPLATES.resolve("aal.nii.txt"), List.of("Thalamus_L"));
        Map.Entry<Integer, String> left = atlas.chosen().entrySet().iterator().next();
        samples = new ArrayList<>();
        List<Integer> slices = atlas.slicesOf(left.getKey(), 20);
        for (int i = 0; i < slices.size() && samples.size() < 2; i += 6) {
            int k = slices.get(i);
            samples.add(new Sample("thalamus_l slice " + k, atlas.slice(k), atlas.mask(left.getKey(), k)));
        }
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR", "target/djl-cache")));
    }

    private static List<ImageResult> run(AdaptationPolicy policy, boolean throughTheService) throws Exception {
        return run(policy, throughTheService, false);
    }

    private static List<ImageResult> run(AdaptationPolicy policy, boolean throughTheService, boolean pressingS)
            throws Exception {
        try (SegmentationModel model = SegmentationModel.load(MODEL, Device.cpu())) {
            try (PolicySegmenter user = throughTheService ? new ServiceSegmenter(model, policy, policy.defaultSettings())
                    : new SessionPolicy(model, policy, policy.defaultSettings())) {
                assertTrue(ServiceSegmenter.takes(model), "make eval runs an MRI model through the service");
                ProtocolRunner protocol = pressingS ? new ProtocolRunner(CLICKS).pressingS() : new ProtocolRunner(CLICKS);
                return protocol.run("colin27", policy.name(), samples, user).images();
            }
        }
    }

    /** Key S through the workstation's session as through the engine; the first click's mask never worse for it. */
    @Test
    void aUserPressingSGetsTheEnginesNumbersThroughTheServiceAndNoWorseFirstMask() throws Exception {
        for (AdaptationPolicy policy : List.of(AdaptationPolicy.FROZEN, AdaptationPolicy.METHOD)) {
            List<ImageResult> engine = run(policy, false, true);
            List<ImageResult> service = run(policy, true, true);
            List<ImageResult> plain = run(policy, true, false);
            for (int i = 0; i < engine.size(); i++) {
                assertEquals(engine.get(i).clicks(), service.get(i).clicks(), policy + ": the same clicks on " + i);
                for (int k = 1; k <= CLICKS; k++) {
                    assertEquals(engine.get(i).diceAt(k), service.get(i).diceAt(k), 1e-9, policy + " image " + i
                            + " Dice@" + k);
                }
                assertTrue(service.get(i).diceAt(1) >= plain.get(i).diceAt(1) - 1e-9, policy + " image " + i
                        + ": S left a worse first mask (" + service.get(i).diceAt(1) + " < " + plain.get(i).diceAt(1) + ")");
            }
        }
    }

    @Test
    void theServiceGivesTheEngineSessionsNumbers() throws Exception {
        for (String name : org.pointlearn.evaluation.cli.EvaluateCommand.POLICIES) {
            AdaptationPolicy policy = AdaptationPolicy.named(name);
            List<ImageResult> engine = run(policy, false);
            List<ImageResult> service = run(policy, true);
            assertEquals(samples.size(), service.size());
            for (int i = 0; i < engine.size(); i++) {
                assertEquals(engine.get(i).clicks(), service.get(i).clicks(), name + ": the same clicks on " + i);
                for (int k = 1; k <= CLICKS; k++) {
                    assertEquals(engine.get(i).diceAt(k), service.get(i).diceAt(k), 1e-9, name + " image " + i
                            + " Dice@" + k);
                }
            }
            assertTrue(service.stream().mapToDouble(r -> r.diceAt(CLICKS)).average().orElse(0) > 0.5,
                    name + ": the thalamus is found");
        }
    }

    @Test
    void colourImagesAreRefusedInWords() throws Exception {
        try (SegmentationModel model = SegmentationModel.load(MODEL, Device.cpu());
             ServiceSegmenter user = new ServiceSegmenter(model, AdaptationPolicy.FROZEN,
                     AdaptationPolicy.FROZEN.defaultSettings())) {
            Image2D rgb = new Image2D(4, 4, 3, new float[48], 1, 1);
            SegmentationException e = assertThrows(SegmentationException.class, () -> user.predict(rgb,
                    List.of(new org.pointlearn.inference.api.Click(1, 1, true)), new float[16]));
            assertTrue(e.getMessage().contains("one-channel"), e.getMessage());
        }
    }
}
