package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NonFiniteTest {

    @BeforeAll
    static void engine() throws Exception {
        TestModels.engine();
    }

    @Test
    void namesTheFirstArrayThatIsNotFinite() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> named = new LinkedHashMap<>();
            named.put("inputs", m.create(new float[] {1, 2, 3}));
            named.put("targets", m.create(new float[] {0, Float.POSITIVE_INFINITY}));
            named.put("weights", m.create(new float[] {Float.NaN}));
            named.put("none", null);
            assertEquals(Optional.of("targets"), NonFinite.first(named));
            assertTrue(NonFinite.finite(named.get("inputs")));
            assertTrue(NonFinite.finite(null));
            assertFalse(NonFinite.finite(named.get("weights")));
            assertTrue(NonFinite.finite(m.create(new float[] {Float.MAX_VALUE, Float.MAX_VALUE})),
                    "large finite values are finite, even where their sum would not be");
        }
    }

    @Test
    void namesTheBlockWhoseOutputFirstGoesWrongAndTheParameterBehindIt() throws Exception {
        try (SegmentationModel model = SegmentationModel.create(TestModels.smallCard(1), Device.cpu())) {
            NDManager m = model.djlModel().getNDManager();
            NDArray x = m.randomUniform(0, 1, SegmentationModel.inputShape(model.card(), 2));
            Parameter decoder = parameter(model, "dec0");
            int managed = m.getManagedArrays().size();
            assertEquals(Optional.empty(), NonFinite.firstActivation(model.block(), x, false));
            assertEquals(Optional.empty(), NonFinite.firstParameter(model.block()));

            int clean = m.getManagedArrays().size();
            decoder.getArray().set(new NDIndex("0"), Float.NaN);
            managed += m.getManagedArrays().size() - clean; // what setting the NaN made
            assertEquals(Optional.of("activation dec0"), NonFinite.firstActivation(model.block(), x, false));
            assertEquals("activation dec0", NonFinite.locate(Map.of("inputs", x), model.block(), x, false));
            assertEquals(Optional.of("parameter " + name(model, "dec0")), NonFinite.firstParameter(model.block()));
            assertEquals(managed, m.getManagedArrays().size(), "the checks left no arrays behind");
        }
    }

    @Test
    void namesTheGradientNearestTheOutputFirst() throws Exception {
        try (SegmentationModel model = SegmentationModel.create(TestModels.smallCard(1), Device.cpu());
             NDManager m = model.djlModel().getNDManager().newSubManager()) {
            NDArray x = m.randomUniform(0, 1, SegmentationModel.inputShape(model.card(), 2));
            try (GradientCollector gc = model.djlModel().getNDManager().getEngine().newGradientCollector()) {
                NDArray y = model.block().forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                gc.backward(y.mean());
            }
            int managed = model.djlModel().getNDManager().getManagedArrays().size();
            assertEquals(Optional.empty(), NonFinite.firstGradient(model.block()));
            assertEquals(managed, model.djlModel().getNDManager().getManagedArrays().size(),
                    "the check left no arrays behind");
            try (NDArray g = parameter(model, "enc1").getArray().getGradient()) {
                g.set(new NDIndex("0"), Float.MAX_VALUE);
                g.set(new NDIndex("1"), Float.MAX_VALUE);
            }
            assertEquals(Optional.empty(), NonFinite.firstGradient(model.block()),
                    "large finite gradients are finite, even where their sum is not");
            for (String block : List.of("enc0", "dec1")) {
                try (NDArray g = parameter(model, block).getArray().getGradient()) {
                    g.set(new NDIndex("0"), Float.NaN);
                }
            }
            assertEquals(Optional.of("gradient of " + name(model, "dec1")),
                    NonFinite.firstGradient(model.block()));
        }
    }

    /** The network's name for the first parameter of a block. */
    private static String name(SegmentationModel model, String block) {
        return model.block().getParameters().keys().stream().filter(k -> k.contains(block)).findFirst().orElseThrow();
    }

    /** The first parameter of a block of the U-Net, e.g. "dec0". */
    private static Parameter parameter(SegmentationModel model, String block) {
        return model.block().getParameters().stream().filter(p -> p.getKey().contains(block)).findFirst()
                .orElseThrow().getValue();
    }
}
