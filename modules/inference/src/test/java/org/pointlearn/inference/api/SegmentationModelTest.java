package org.pointlearn.inference.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.Image2D;

class SegmentationModelTest {

    @BeforeAll
    static void engine() throws Exception {
        TestModels.engine();
    }

    private static Image2D image() {
        float[] v = new float[100 * 80];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.01) * 100;
        }
        return Image2D.grey(100, 80, v);
    }

    @Test
    void aSavedModelLoadsAndPredictsTheSame(@TempDir Path dir) throws Exception {
        List<Click> clicks = List.of(new Click(50, 40, true), new Click(10, 10, false));
        float[] before;
        try (SegmentationModel m = SegmentationModel.create(TestModels.smallCard(1), Device.cpu())) {
            before = new Predictor(m).predict(m.encoder().prepare(image()), clicks, null);
            m.save(dir);
            String version = m.card().version();
            assertTrue(version.startsWith("test@"), version);
            m.describeAs(m.card().toBuilder().version("test@stale").build());
            m.save(dir);
            assertEquals(version, m.card().version(), "saved weights are named by themselves, not by the card's old name");
        }
        try (SegmentationModel m = SegmentationModel.load(dir, Device.cpu())) {
            float[] after = new Predictor(m).predict(m.encoder().prepare(image()), clicks, null);
            assertEquals(100 * 80, after.length, "probability on the image's own grid");
            assertArrayEquals(before, after, 1e-6f);
        }
    }

    @Test
    void aDamagedParametersFileIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        try (SegmentationModel m = SegmentationModel.create(TestModels.smallCard(1), Device.cpu())) {
            m.save(dir);
        }
        byte[] p = Files.readAllBytes(dir.resolve("model.params"));
        p[p.length / 2] ^= 0x55;
        Files.write(dir.resolve("model.params"), p);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SegmentationModel.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("does not match its SHA-256"), e.getMessage());
    }

    @Test
    void parametersOfAnotherArchitectureAreRefused(@TempDir Path dir) throws Exception {
        try (SegmentationModel m = SegmentationModel.create(TestModels.smallCard(1), Device.cpu())) {
            m.save(dir);
        }
        String json = Files.readString(dir.resolve("model.json")).replace("\"base\": 16", "\"base\": 32");
        Files.writeString(dir.resolve("model.json"), json);
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SegmentationModel.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("do not fit the architecture"), e.getMessage());
    }

    @Test
    void aBrokenCardIsRefusedInWords(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("model.json"), "{ not json");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SegmentationModel.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        Files.writeString(dir.resolve("model.json"), "{\"format\": 1, \"architecture\": {\"type\": \"resnet\"}}");
        e = assertThrows(ModelLoadException.class, () -> SegmentationModel.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("only unet is known"), e.getMessage());
        Files.writeString(dir.resolve("model.json"), "{\"format\": 1, \"architecture\": {\"type\": \"unet\", \"base\": 12}}");
        e = assertThrows(ModelLoadException.class, () -> SegmentationModel.load(dir, Device.cpu()));
        assertTrue(e.getMessage().contains("base width 12 is not a positive multiple of 16"), e.getMessage());
    }

    @Test
    void aCardReadsItsOptionsInWordsAndOlderCardsGetTheDefaults(@TempDir Path dir) throws Exception {
        ModelCard zoom = TestModels.smallCard(1).toBuilder().focus(ModelCard.Focus.ZOOM).build();
        String json = SegmentationModel.toJson(zoom);
        assertTrue(json.contains("\"policy\": \"zoom\"") && json.contains("\"type\": \"percentile\"")
                && json.contains("\"type\": \"disk\""), json);
        Files.writeString(dir.resolve("model.json"), json.replace("\"zoom\"", "\"spiral\""));
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> SegmentationModel.readCard(dir));
        assertTrue(e.getMessage().contains("unknown focus policy (full or zoom)"), e.getMessage());

        try (SegmentationModel m = SegmentationModel.create(TestModels.smallCard(1), Device.cpu())) {
            m.save(dir);
        }
        com.google.gson.JsonObject older = com.google.gson.JsonParser.parseString(
                Files.readString(dir.resolve("model.json"))).getAsJsonObject();
        ModelCard.Focus filled = ModelCard.Focus.ZOOM.withWideSide(0.35).withFilled(0.45, 0.2);
        older.add("focus", com.google.gson.JsonParser.parseString(SegmentationModel.toJson(
                TestModels.smallCard(1).toBuilder().focus(filled).build())).getAsJsonObject().get("focus"));
        Files.writeString(dir.resolve("model.json"), older.toString());
        assertEquals(filled, SegmentationModel.readCard(dir).focus(), "the fill bounds are kept");
        older.getAsJsonObject("focus").remove("nearFilled");
        older.getAsJsonObject("focus").remove("wideFilled");
        Files.writeString(dir.resolve("model.json"), older.toString());
        assertEquals(filled.withFilled(0, 0), SegmentationModel.readCard(dir).focus(),
                "a card from before the fill bounds has them off");
        older.remove("focus");
        older.remove("edits");
        Files.writeString(dir.resolve("model.json"), older.toString());
        ModelCard read = SegmentationModel.readCard(dir);
        assertEquals(ModelCard.Focus.FULL, read.focus(), "a card from before focus crops looks at the whole image");
        assertEquals(ModelCard.Edits.DEFAULT, read.edits());
        assertThrows(UnsupportedOperationException.class, () -> read.metrics().put("x", 1), "a card cannot be changed");
    }

    @Test
    void aLiveModelsCardCanGainMetricsButNotAnotherNetwork() throws Exception {
        try (SegmentationModel m = SegmentationModel.create(TestModels.smallCard(1), Device.cpu())) {
            m.describeAs(m.card().toBuilder().metric("validationDiceAt5", 0.5).build());
            assertEquals(0.5, m.card().metrics().get("validationDiceAt5"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> m.describeAs(m.card().toBuilder().workingSize(128).build()));
            assertTrue(e.getMessage().contains("cannot change its architecture, input size"), e.getMessage());
        }
    }
}
