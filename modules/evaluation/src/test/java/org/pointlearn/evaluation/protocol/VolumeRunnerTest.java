package org.pointlearn.evaluation.protocol;

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
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.evaluation.data.AtlasStructures;
import org.pointlearn.evaluation.policy.SessionPolicy;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * The volume protocol on a real anatomy none of our models trained on: the left thalamus of the
 * Colin27 brain (AAL atlas, Debian's mricron-data), annotated slice by slice with the shipped
 * general MRI model, frozen.
 */
class VolumeRunnerTest {

    private static final Path TEMPLATES = Path.of("/usr/share/mricron/templates");
    private static final Path MODEL = Path.of(System.getProperty("user.dir"), "..", "..", "models", "mri-general");
    private static List<VolumeRunner.Slice> thalamus;
    private static AtlasStructures atlas;

    @BeforeAll
    static void readAtlas() throws Exception {
        atlas = AtlasStructures.read(TEMPLATES.resolve("ch2.nii.gz"), TEMPLATES.resolve("aal.nii.gz"),
                TEMPLATES.resolve("aal.nii.txt"), List.of("Thalamus_L"));
        Map.Entry<Integer, String> left = atlas.chosen().entrySet().iterator().next();
        assertEquals("thalamus_l", left.getValue());
        thalamus = new ArrayList<>();
        for (int k : atlas.slicesOf(left.getKey(), 20)) {
            thalamus.add(new VolumeRunner.Slice(k, atlas.slice(k), atlas.mask(left.getKey(), k)));
        }
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR", "target/djl-cache")));
    }

    private static List<VolumeRunner.SliceResult> annotate(VolumeRunner.Propagation propagation) throws Exception {
        try (SegmentationModel model = SegmentationModel.load(MODEL, Device.cpu());
             SessionPolicy user = new SessionPolicy(model, AdaptationPolicy.FROZEN,
                     AdaptationPolicy.FROZEN.defaultSettings())) {
            return new VolumeRunner(0.85, 20, propagation).run(thalamus, user);
        }
    }

    private static int clicks(List<VolumeRunner.SliceResult> results) {
        return results.stream().mapToInt(VolumeRunner.SliceResult::clicks).sum();
    }

    @Test
    void startingEachSliceFromTheAcceptedNeighbourSavesMostOfTheClicks() throws Exception {
        List<VolumeRunner.SliceResult> empty = annotate(VolumeRunner.Propagation.NONE);
        List<VolumeRunner.SliceResult> propagated = annotate(VolumeRunner.Propagation.MASK);
        assertEquals(thalamus.size(), empty.size(), "every slice annotated once");
        assertEquals(thalamus.size(), propagated.size());
        // the user starts where the structure is largest, goes up to the last slice, then down from the start
        int largest = thalamus.stream().max(java.util.Comparator.comparingInt(s -> s.truth().area())).orElseThrow()
                .index();
        assertEquals(largest, propagated.get(0).index());
        List<Integer> order = propagated.stream().map(VolumeRunner.SliceResult::index).toList();
        int top = thalamus.get(thalamus.size() - 1).index();
        assertEquals(top, (int) order.get(order.indexOf(top)), "up to the last slice");
        assertEquals(thalamus.get(0).index(), (int) order.get(order.size() - 1), "the first slice comes last");
        assertTrue(empty.stream().allMatch(r -> r.proposalDice() == 0), "without propagation slices start empty");
        double proposals = propagated.stream().skip(1).mapToDouble(VolumeRunner.SliceResult::proposalDice).average()
                .orElse(0);
        assertTrue(proposals > 0.7, "the neighbour's mask is already close: mean proposal Dice " + proposals);
        long reached = propagated.stream().filter(r -> r.dice() >= 0.85).count();
        assertTrue(reached >= thalamus.size() - 1, reached + " of " + thalamus.size() + " slices reach 85 %");
        assertTrue(clicks(propagated) <= 0.6 * clicks(empty),
                "clicks with propagation " + clicks(propagated) + ", without " + clicks(empty));
    }

    /** The simulated user driving the workstation's own session gets what it gets from the engine's session. */
    @Test
    void theWorkstationsSessionProposesAndCountsAsTheEngineDoes() throws Exception {
        List<VolumeRunner.SliceResult> direct = annotate(VolumeRunner.Propagation.MASK);
        List<VolumeRunner.SliceResult> service;
        try (SegmentationModel model = SegmentationModel.load(MODEL, Device.cpu());
             InteractiveSession session = VolumeRunner.session(model, false)) {
            service = new VolumeRunner(0.85, 20, VolumeRunner.Propagation.MASK).run(thalamus, session,
                    SeriesKey.inMemory("thalamus"), atlas.image());
        }
        assertEquals(direct, service, "the same slices, clicks and Dice through the workstation's session");
        assertThrows(IllegalArgumentException.class, () -> new VolumeRunner(0.85, 20, VolumeRunner.Propagation.SEED)
                .run(thalamus, null, SeriesKey.inMemory("x"), atlas.image()), "the workstation only proposes masks");
    }
}
