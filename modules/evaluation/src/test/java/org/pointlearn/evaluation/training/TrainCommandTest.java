package org.pointlearn.evaluation.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;

class TrainCommandTest {

    @BeforeAll
    static void engine() throws Exception {
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
    }

    private static TrainingOptions tiny(Path out, int epochs, boolean resume, String... more) {
        String[] base = {"--data", SharedData.domain("brain-mets-t2w").toString(), "--out", out.toString(),
            "--size", "32", "--base", "16", "--levels", "3", "--epochs", "" + epochs, "--steps", "2",
            "--batch", "2", "--seed", "5"};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        TrainingOptions o = TrainingOptions.parse(args);
        o.resume = resume;
        return o;
    }

    @Test
    void writesALoadableModelWithItsSplitAndResumesFromTheCheckpoint(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("tiny");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new BaseModelTrainer(tiny(out, 4, false, "--until", "2"), Device.cpu(), new PrintStream(log, true)).run();
        String text = log.toString();
        assertTrue(text.contains("epoch 1/4"), text);
        assertTrue(text.contains("epoch 2/4"), text);
        assertFalse(text.contains("epoch 3/4"), "--until 2 ends the run after epoch 2: " + text);
        try (SegmentationModel m = SegmentationModel.load(out, Device.cpu())) {
            ModelCard card = m.card();
            List<?> train = (List<?>) card.training().get("trainIds");
            List<?> val = (List<?>) card.training().get("validationIds");
            assertFalse(val.isEmpty());
            assertTrue(val.stream().noneMatch(train::contains), "no image in both splits");
            assertTrue(String.valueOf(card.training().get("dataSource")).contains("CC BY 4.0"), "licence recorded");
            assertTrue(card.metrics().containsKey("validationDiceAt3"));
        }
        assertTrue(Files.exists(dir.resolve("tiny.checkpoint/model.json")));

        ByteArrayOutputStream more = new ByteArrayOutputStream();
        new BaseModelTrainer(tiny(out, 3, true, "--pseudo", "0.5"), Device.cpu(), new PrintStream(more, true)).run();
        assertTrue(more.toString().contains("resuming after epoch 2"), more.toString());
        assertTrue(more.toString().contains("epoch 3/3"), more.toString());
        assertFalse(more.toString().contains("epoch 1/3"), more.toString());
        try (SegmentationModel m = SegmentationModel.load(dir.resolve("tiny.checkpoint"), Device.cpu())) {
            assertEquals(3, ((Number) m.card().training().get("epochsDone")).intValue());
            assertEquals(3, ((Number) m.card().training().get("epochs")).intValue(), "the card says the epochs of the last run");
            assertEquals(List.of("from epoch 1: cosine learning rate over 4 epochs of 2 steps",
                    "from epoch 3: cosine learning rate over 3 epochs of 2 steps; pseudo-objects 0.5 of the examples"),
                    m.card().training().get("schedule"), "each stage says its own share of pseudo-objects");
            m.describeAs(m.card().toBuilder().metric("validationDiceAt3", -1).metric("bestEpoch", 1).build());
            m.save(dir.resolve("tiny.checkpoint"));
        }
        // the last epoch taken as the model: its card gets its own scores, not those of the epoch kept before
        ScoreCommand.main(new String[] {"--data", SharedData.domain("brain-mets-t2w").toString(), "--out",
            dir.resolve("tiny.checkpoint").toString(), "--seed", "5", "--card", "focus.firstSide=0.2"});
        try (SegmentationModel m = SegmentationModel.load(dir.resolve("tiny.checkpoint"), Device.cpu())) {
            double d3 = ((Number) m.card().metrics().get("validationDiceAt3")).doubleValue();
            assertTrue(d3 >= 0 && d3 <= 1, "scored: " + m.card().metrics());
            assertEquals(3, ((Number) m.card().metrics().get("bestEpoch")).intValue(), "the epoch it is");
            assertEquals(0.2, m.card().focus().firstSide(), "the first square chosen by measurement is kept in the card");
            assertEquals(((List<?>) m.card().training().get("validationIds")).size(),
                    ((Number) m.card().metrics().get("validationImages")).intValue(), "scored on the card's own split");
        }
    }

    @Test
    void aRunThatDivergesStopsAndSaysWhereTheValuesFirstWentWrong(@TempDir Path dir) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BaseModelTrainer trainer = new BaseModelTrainer(tiny(dir.resolve("wild"), 2, false, "--lr", "1e30"),
                Device.cpu(), new PrintStream(log, true));
        IllegalStateException e = assertThrows(IllegalStateException.class, trainer::run);
        assertTrue(e.getMessage().matches("training diverged at epoch 1 step \\d: the loss is (NaN|Infinity), first in "
                + "(activation (enc|up|dec)\\d|previous prediction fed back as input); lower --lr or resume from the last checkpoint"), e.getMessage());
    }

    @Test
    void trainsOneModelOnSeveralDomainsWithFocusCropsAndPseudoObjects(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mix");
        String data = SharedData.domain("brain-mets-t2w") + "," + SharedData.domain("train-mri/kidney-t2") + ","
                + SharedData.domain("train-mri/heart-hvsmr2");
        String[] args = {"--data", data, "--out", out.toString(), "--size", "32", "--base", "16", "--levels", "3",
            "--epochs", "1", "--steps", "2", "--batch", "4", "--seed", "5", "--focus", "zoom", "--pseudo", "0.5",
            "--neighbour", "0.5", "--small", "0.5", "--groups", "kidney-t2=([0-9]{6})_[0-9]+$,heart-hvsmr2=^([0-9]+)_"};
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new BaseModelTrainer(TrainingOptions.parse(args), Device.cpu(), new PrintStream(log, true)).run();
        assertTrue(log.toString().contains("data heart-hvsmr2:"), log.toString());
        try (SegmentationModel m = SegmentationModel.load(out, Device.cpu())) {
            ModelCard card = m.card();
            assertEquals(ModelCard.Focus.Policy.ZOOM, card.focus().policy());
            assertTrue(Files.readString(out.resolve("model.json")).contains("\"policy\": \"zoom\""), "the card says zoom in words");
            java.util.Map<?, ?> domains = (java.util.Map<?, ?>) card.training().get("domains");
            assertEquals(List.of("brain-mets-t2w", "kidney-t2", "heart-hvsmr2"), List.copyOf(domains.keySet()));
            java.util.Map<?, ?> heart = (java.util.Map<?, ?>) domains.get("heart-hvsmr2");
            assertTrue(String.valueOf(heart.get("groupedBy")).contains("^([0-9]+)_"), heart.toString());
            assertTrue(((List<?>) heart.get("classes")).contains("aorta"), heart.toString());
            List<?> val = (List<?>) card.training().get("validationIds");
            assertTrue(val.stream().anyMatch(id -> String.valueOf(id).startsWith("kidney-t2/")), val.toString());
            java.util.Set<String> trainPatients = new java.util.HashSet<>();
            for (Object id : (List<?>) heart.get("trainIds")) {
                trainPatients.add(String.valueOf(id).split("_")[0]);
            }
            for (Object id : (List<?>) heart.get("validationIds")) {
                assertFalse(trainPatients.contains(String.valueOf(id).split("_")[0]), "patient on both sides: " + id);
            }
            assertEquals(3, ((java.util.Map<?, ?>) card.metrics().get("validationByDomain")).size());
            assertTrue(String.valueOf(card.training().get("pseudoObjects")).contains("Felzenszwalb"));
            assertTrue(String.valueOf(card.training().get("pseudoObjects")).contains("0.5 of the pseudo-objects small"),
                    "the card says how many pseudo-objects were small: " + card.training());
            assertTrue(String.valueOf(card.training().get("neighbourMasks")).startsWith("0.5 of the refinement examples"),
                    "the card says how refinement from a neighbour's mask was trained: " + card.training());
        }
    }
}
