package org.pointlearn.adaptation.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.Predictor;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.VersionStoreException;

/** Versions on disk: resume, export, lineage, damage (guard off: these tests are about storage). */
class VersionStoreTest {

    @TempDir
    Path dir;

    private static AdaptationSession open(SegmentationModel model, Path folder) throws Exception {
        return new AdaptationSession(model, AdaptationPolicy.POST, Fixtures.strong().withGuard(false),
                VersionStore.open(folder, 2));
    }

    @Test
    void aNewSessionResumesFromTheActiveVersionOnDisk() throws Exception {
        Image2D probe = Fixtures.disk(30, 30, 10, 9);
        float[] adapted;
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = open(model, dir)) {
            AdaptationSessionTest.learnKept(s, 40, 36, 14, 1);
            AdaptationSessionTest.learnKept(s, 42, 38, 14, 2);
            adapted = AdaptationSessionTest.predictOnce(s, probe);
        }
        try (SegmentationModel fresh = Fixtures.smallModel(); AdaptationSession s = open(fresh, dir)) {
            assertEquals("v2", s.activeVersion().id());
            assertEquals(List.of("v0", "v1", "v2"), s.versions().stream().map(ModelVersion::id).toList());
            assertEquals("img-1", s.versions().get(1).imageId());
            assertArrayEquals(adapted, AdaptationSessionTest.predictOnce(s, probe));
            s.rollbackTo("v0");
        }
        try (VersionStore store = VersionStore.open(dir, 2)) {
            assertEquals("v0", store.active().id(), "a rollback is persisted");
        }
    }

    @Test
    void anyVersionExportsAsAModelFolderWithItsLineage() throws Exception {
        Image2D probe = Fixtures.disk(30, 30, 10, 9);
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = open(model, dir.resolve("store"))) {
            AdaptationSessionTest.learnKept(s, 40, 36, 14, 1);
            float[] atV1 = AdaptationSessionTest.predictOnce(s, probe);
            AdaptationSessionTest.learnKept(s, 42, 38, 14, 2);
            s.store().exportModel("v1", dir.resolve("exported"));
            s.store().exportLineage(dir.resolve("lineage.json"));
            try (SegmentationModel exported = SegmentationModel.load(dir.resolve("exported"), Device.cpu())) {
                ModelCard card = exported.card();
                assertTrue(card.version().startsWith("test@v1-"), card.version());
                Map<?, ?> adaptation = (Map<?, ?>) card.training().get("adaptation");
                assertEquals(List.of("v0", "v1"), adaptation.get("lineage"));
                assertEquals("img-1", adaptation.get("learnedFrom"));
                Predictor p = new Predictor(exported);
                float[] direct = p.predict(exported.encoder().prepareImage(probe), List.of(new Click(30, 30, true)), null)
                        .probability();
                assertArrayEquals(atV1, direct, "the exported folder holds exactly version v1");
            }
            JsonObject lineage = JsonParser.parseString(Files.readString(dir.resolve("lineage.json"))).getAsJsonObject();
            assertEquals("v2", lineage.get("active").getAsString());
            assertEquals("v1", lineage.getAsJsonArray("versions").get(2).getAsJsonObject().get("parentId").getAsString());
        }
    }

    @Test
    void aDamagedVersionFileFallsBackToItsParentAndSaysSo() throws Exception {
        Image2D probe = Fixtures.disk(30, 30, 10, 9);
        float[] atV1;
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = open(model, dir)) {
            AdaptationSessionTest.learnKept(s, 40, 36, 14, 1);
            atV1 = AdaptationSessionTest.predictOnce(s, probe);
            AdaptationSessionTest.learnKept(s, 42, 38, 14, 2);
        }
        Path params = dir.resolve("versions/v2/model.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(params, bytes);
        try (SegmentationModel fresh = Fixtures.smallModel(); AdaptationSession s = open(fresh, dir)) {
            assertEquals("v1", s.activeVersion().id());
            assertArrayEquals(atV1, AdaptationSessionTest.predictOnce(s, probe));
            AdaptationEvent e = s.events().get(0);
            assertEquals(AdaptationEvent.Kind.STORE_REPAIRED, e.kind());
            assertTrue(e.message().contains("v2") && e.message().contains("SHA-256"), e.message());
        }
    }

    @Test
    void aDamagedManifestIsRefusedInWords() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = open(model, dir)) {
            AdaptationSessionTest.learnKept(s, 40, 36, 14, 1);
        }
        Files.writeString(dir.resolve(VersionStore.MANIFEST), "{\"format\": 1, \"versions\": [");
        VersionStoreException e = assertThrows(VersionStoreException.class, () -> VersionStore.open(dir, 2));
        assertTrue(e.getMessage().contains("manifest.json is damaged"), e.getMessage());
    }

    @Test
    void debrisOfAnInterruptedSaveIsCleared() throws Exception {
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = open(model, dir)) {
            AdaptationSessionTest.learnKept(s, 40, 36, 14, 1);
        }
        Files.createDirectories(dir.resolve("versions/.tmp-v2-123"));
        Files.createDirectories(dir.resolve("versions/v2"));
        Files.writeString(dir.resolve(".tmp-999.part"), "half");
        try (VersionStore store = VersionStore.open(dir, 2)) {
            assertEquals(3, store.repairs().size(), store.repairs().toString());
            assertEquals("v1", store.active().id());
            assertTrue(Files.notExists(dir.resolve("versions/v2")));
        }
    }

    @Test
    void aStoreFolderCalledVersionsKeepsItsVersions() throws Exception {
        Path folder = dir.resolve("versions");
        try (SegmentationModel model = Fixtures.smallModel(); AdaptationSession s = open(model, folder)) {
            AdaptationSessionTest.learnKept(s, 40, 36, 14, 1);
        }
        try (VersionStore store = VersionStore.open(folder, 2)) {
            assertEquals("v1", store.active().id());
            assertEquals(List.of(), store.repairs(), "nothing of a complete store is debris");
            assertTrue(Files.isDirectory(folder.resolve("versions").resolve("v1")));
        }
    }
}
