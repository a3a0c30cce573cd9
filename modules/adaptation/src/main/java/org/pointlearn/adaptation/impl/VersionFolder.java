package org.pointlearn.adaptation.impl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.ModelLoadException;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.imaging.api.AtomicFiles;

/**
 * One version on disk, as a model folder in the {@code models/} format (model.json +
 * model.params), so any version can be loaded or shipped like a trained model. The folder is
 * written under a temporary name and renamed into place when complete.
 */
public final class VersionFolder {

    /** Name of the parameters file. */
    public static final String PARAMS = "model.params";

    private VersionFolder() {
    }

    /**
     * Writes the live model's current parameters as a version folder.
     *
     * @param target the folder to create (must not exist)
     * @param model the live model, in the version's state
     * @param version the version's record (its lineage goes into the card)
     * @param lineage ids from the base to this version
     */
    public static void write(Path target, SegmentationModel model, ModelVersion version, List<String> lineage)
            throws IOException {
        Path tmp = target.resolveSibling(AtomicFiles.TEMP_PREFIX + target.getFileName() + "-" + System.nanoTime());
        Files.createDirectories(tmp);
        try {
            AtomicFiles.write(tmp.resolve(PARAMS), out -> {
                synchronized (model) {
                    model.block().saveParameters(out);
                }
            });
            ModelCard card = cardOf(model.card(), version, lineage, SegmentationModel.sha256(tmp.resolve(PARAMS)));
            AtomicFiles.writeString(tmp.resolve("model.json"), SegmentationModel.toJson(card) + "\n");
            AtomicFiles.moveFolder(tmp, target);
        } finally {
            AtomicFiles.deleteTree(tmp);
        }
    }

    private static ModelCard cardOf(ModelCard live, ModelVersion version, List<String> lineage, String sha) {
        Map<String, Object> adaptation = new LinkedHashMap<>();
        adaptation.put("baseModel", live.versionOrName());
        adaptation.put("version", version.id());
        adaptation.put("parent", version.parentId());
        adaptation.put("lineage", lineage);
        adaptation.put("learnedFrom", version.imageId());
        adaptation.put("policy", version.policy());
        adaptation.put("created", version.created().toString());
        return live.toBuilder()
                .parameters(PARAMS)
                .sha256(sha)
                .version(live.name() + "@" + version.id() + "-" + sha.substring(0, 8))
                .training("adaptation", adaptation)
                .build();
    }

    /**
     * Reads a version folder's parameters (hash and shapes checked) into a snapshot.
     *
     * @param folder the version folder
     * @param live the live model (device and memory scope of the snapshot)
     * @throws ModelLoadException when the folder is damaged, in words
     */
    public static ArraySnapshot read(Path folder, SegmentationModel live) throws ModelLoadException {
        try (SegmentationModel loaded = SegmentationModel.load(folder, live.device())) {
            List<NDArray> arrays = new ArrayList<>();
            for (Pair<String, Parameter> p : loaded.block().getParameters()) {
                arrays.add(p.getValue().getArray());
            }
            return ArraySnapshot.of(live.djlModel().getNDManager(), arrays);
        }
    }
}
