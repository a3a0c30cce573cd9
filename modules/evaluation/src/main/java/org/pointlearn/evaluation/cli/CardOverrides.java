package org.pointlearn.evaluation.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.ModelLoadException;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * Experiments with how a model is used without retraining it: {@code --card} sets the focus
 * and edit-rule fields of the loaded card ({@code focus.policy=zoom,edits.keepClickedComponents=true}).
 */
final class CardOverrides {

    private CardOverrides() {
    }

    /** The pairs of a {@code --card} value, checked against a fresh card. */
    static Map<String, String> check(String spec) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return pairs;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("--card takes name=value pairs, got '" + part + "'");
            }
            pairs.put(kv[0].trim(), kv[1].trim());
        }
        apply(new ModelCard(), pairs);
        return pairs;
    }

    /** Loads a model folder and applies the overrides to its card. */
    static SegmentationModel load(Path folder, Device device, String spec) throws ModelLoadException {
        SegmentationModel model = SegmentationModel.load(folder, device);
        apply(model.card(), check(spec));
        return model;
    }

    static void apply(ModelCard card, Map<String, String> pairs) {
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "focus.policy" -> card.focus.policy = v;
                case "focus.firstSide" -> card.focus.firstSide = Double.parseDouble(v);
                case "focus.grow" -> card.focus.grow = Double.parseDouble(v);
                case "focus.minSide" -> card.focus.minSide = Double.parseDouble(v);
                case "focus.zoomOuts" -> card.focus.zoomOuts = Integer.parseInt(v);
                case "edits.negativeNeverAdds" -> card.edits.negativeNeverAdds = Boolean.parseBoolean(v);
                case "edits.clickedPixelKeepsItsLabel" -> card.edits.clickedPixelKeepsItsLabel = Boolean.parseBoolean(v);
                case "edits.keepClickedComponents" -> card.edits.keepClickedComponents = Boolean.parseBoolean(v);
                default -> throw new IllegalArgumentException("--card has no field '" + e.getKey() + "'");
            }
        }
        if (!card.problems().stream().filter(p -> !p.contains("sha256")).toList().isEmpty()) {
            throw new IllegalArgumentException("--card gives an unusable card: " + card.problems());
        }
    }
}
