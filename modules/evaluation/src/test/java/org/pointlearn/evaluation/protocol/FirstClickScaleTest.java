package org.pointlearn.evaluation.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

/**
 * What one click gives with the general model looking at a first click through a near and a wide
 * square (card field focus.wideSide, measured in docs/interaction.md) and showing the mask it is
 * surer of: a large metastasis is found whole where the near square alone gave a part of it, and
 * a small MS lesion does not get the wide square's blob.
 */
class FirstClickScaleTest {

    private static final Path MODEL = Path.of(System.getProperty("user.dir"), "..", "..", "models", "mri-general");

    /** The two squares measured best (docs/interaction.md, "Two first squares"). */
    private static ModelCard.Focus twoSquares(SegmentationModel model) {
        return model.card().focus().withFirstSide(0.12).withWideSide(0.35);
    }

    @BeforeAll
    static void engine() throws Exception {
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR", "target/djl-cache")));
    }

    private static final java.util.Map<String, org.pointlearn.evaluation.data.Dataset> READ = new java.util.HashMap<>();

    /** A slice of a shared domain, each domain read once. */
    private static Sample sample(String domain, String id) throws Exception {
        org.pointlearn.evaluation.data.Dataset ds = READ.get(domain);
        if (ds == null) {
            ds = new DatasetReader().read(SharedData.domain(domain));
            READ.put(domain, ds);
        }
        return ds.sample(id).orElseThrow();
    }

    /** The mask one click at the innermost pixel of the truth gives, with the card's focus changed as asked. */
    private static Mask2D oneClick(SegmentationModel model, Sample s, ModelCard.Focus focus) {
        model.describeAs(model.card().toBuilder().focus(focus).build());
        Click click = SimulatedUser.innermost(s.mask()).orElseThrow();
        int w = s.image().width();
        int h = s.image().height();
        Predictor.Focused p = new Predictor(model).predict(model.encoder().prepareImage(s.image()), List.of(click), null);
        return Mask2D.threshold(p.probability(), w, h, ProtocolRunner.THRESHOLD);
    }

    @Test
    void oneClickInALargeMetastasisShowsTheWideSquaresMaskNotTheNearSquaresPart() throws Exception {
        try (SegmentationModel model = SegmentationModel.load(MODEL, Device.cpu())) {
            ModelCard.Focus focus = twoSquares(model);
            for (String id : List.of("BraTS-MET-00232-000_1051", "BraTS-MET-00232-000_1069")) {
                Sample s = sample("brain-mets-t2w", id);
                double both = oneClick(model, s, focus).dice(s.mask());
                double nearOnly = oneClick(model, s, focus.withWideSide(0)).dice(s.mask());
                // the wide square's own mask of this tumour: Dice 0.49 and 0.66 with the shipped network (epoch
                // 104; epoch 74 gave 0.59 and 0.70), the near square's part 0.23 and 0.22
                assertTrue(both >= 0.45, id + ": one click gives Dice " + both);
                assertTrue(both >= nearOnly + 0.2, id + ": one click gives Dice " + both + ", the near square alone "
                        + nearOnly + ": the wide square's mask is the one shown");
                assertTrue(nearOnly < 0.5, id + ": the near square alone gave Dice " + nearOnly + " (so the test shows"
                        + " what the wide square adds)");
            }
        }
    }

    @Test
    void oneClickOnASmallLesionKeepsTheNearSquaresMask() throws Exception {
        try (SegmentationModel model = SegmentationModel.load(MODEL, Device.cpu())) {
            ModelCard.Focus focus = twoSquares(model);
            for (String id : List.of("103014", "113012", "150010")) {
                Sample s = sample("brain-ms-t1", id);
                int both = oneClick(model, s, focus).area();
                int nearOnly = oneClick(model, s, focus.withWideSide(0)).area();
                int wideOnly = oneClick(model, s, focus.withWideSide(0).withFirstSide(focus.wideSide())).area();
                assertTrue(wideOnly > 2 * nearOnly, id + ": the wide square alone gives a larger blob (" + wideOnly
                        + " pixels against " + nearOnly + ")");
                assertTrue(both == nearOnly, id + ": the mask shown has " + both + " pixels, the near square's "
                        + nearOnly + ", the wide one's " + wideOnly + " (lesion: " + s.mask().area() + ")");
            }
        }
    }
}
