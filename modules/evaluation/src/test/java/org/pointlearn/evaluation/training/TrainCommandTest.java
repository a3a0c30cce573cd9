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
        new BaseModelTrainer(tiny(out, 2, false), Device.cpu(), new PrintStream(log, true)).run();
        String text = log.toString();
        assertTrue(text.contains("epoch 1/2"), text);
        assertTrue(text.contains("epoch 2/2"), text);
        try (SegmentationModel m = SegmentationModel.load(out, Device.cpu())) {
            ModelCard card = m.card();
            List<?> train = (List<?>) card.training.get("trainIds");
            List<?> val = (List<?>) card.training.get("validationIds");
            assertFalse(val.isEmpty());
            assertTrue(val.stream().noneMatch(train::contains), "no image in both splits");
            assertTrue(String.valueOf(card.training.get("dataSource")).contains("CC BY 4.0"), "licence recorded");
            assertTrue(card.metrics.containsKey("validationDiceAt3"));
        }
        assertTrue(Files.exists(dir.resolve("tiny.checkpoint/model.json")));

        ByteArrayOutputStream more = new ByteArrayOutputStream();
        new BaseModelTrainer(tiny(out, 3, true), Device.cpu(), new PrintStream(more, true)).run();
        assertTrue(more.toString().contains("resuming after epoch 2"), more.toString());
        assertTrue(more.toString().contains("epoch 3/3"), more.toString());
        assertFalse(more.toString().contains("epoch 1/3"), more.toString());
        try (SegmentationModel m = SegmentationModel.load(dir.resolve("tiny.checkpoint"), Device.cpu())) {
            assertEquals(3, ((Number) m.card().training.get("epochsDone")).intValue());
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
}
