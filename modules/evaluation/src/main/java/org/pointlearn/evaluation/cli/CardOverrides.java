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
 * and edit-rule fields of the loaded card ({@code focus.policy=zoom,edits.keepClickedComponents=true})
 * and the adaptation settings it names ({@code adaptation.midLearningRate=1e-5}; the names are checked
 * where the settings are read, which refuses one that is not a setting).
 */
public final class CardOverrides {

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
        apply(ModelCard.builder().build(), pairs);
        return pairs;
    }

    /** Loads a model folder and applies the overrides to its card. */
    static SegmentationModel load(Path folder, Device device, String spec) throws ModelLoadException {
        SegmentationModel model = SegmentationModel.load(folder, device);
        model.describeAs(apply(model.card(), check(spec)));
        return model;
    }

    /** The card with the focus and edit-rule values of a {@code --card} value. */
    public static ModelCard apply(ModelCard card, String spec) {
        return apply(card, check(spec));
    }

    /** The card with the overrides' focus and edit-rule values. */
    static ModelCard apply(ModelCard card, Map<String, String> pairs) {
        ModelCard.Focus f = card.focus();
        ModelCard.Edits e = card.edits();
        Map<String, String> adaptation = new LinkedHashMap<>();
        for (Map.Entry<String, String> kv : pairs.entrySet()) {
            String v = kv.getValue();
            if (kv.getKey().startsWith("adaptation.")) {
                adaptation.put(kv.getKey().substring("adaptation.".length()), v);
                continue;
            }
            switch (kv.getKey()) {
                case "focus.policy" -> f = f.withPolicy(ModelCard.Focus.Policy.of(v));
                case "focus.firstSide" -> f = f.withFirstSide(Double.parseDouble(v));
                case "focus.grow" -> f = f.withGrow(Double.parseDouble(v));
                case "focus.minSide" -> f = f.withMinSide(Double.parseDouble(v));
                case "focus.zoomOuts" -> f = f.withZoomOuts(Integer.parseInt(v));
                case "focus.wideSide" -> f = f.withWideSide(Double.parseDouble(v));
                case "focus.local" -> f = f.withLocal(Boolean.parseBoolean(v));
                case "focus.wideAreaRatio" -> f = f.withWideAreaRatio(Double.parseDouble(v));
                case "focus.smallSide" -> f = f.withSmallSide(Double.parseDouble(v));
                case "focus.nearFilled" -> f = f.withFilled(Double.parseDouble(v), f.wideFilled());
                case "focus.wideFilled" -> f = f.withFilled(f.nearFilled(), Double.parseDouble(v));
                case "edits.negativeNeverAdds" -> e = e.withNegativeNeverAdds(Boolean.parseBoolean(v));
                case "edits.clickedPixelKeepsItsLabel" -> e = e.withClickedPixelKeepsItsLabel(Boolean.parseBoolean(v));
                case "edits.keepClickedComponents" -> e = e.withKeepClickedComponents(Boolean.parseBoolean(v));
                default -> throw new IllegalArgumentException("--card has no field '" + kv.getKey() + "'");
            }
        }
        ModelCard.Builder b = card.toBuilder().focus(f).edits(e);
        adaptation.forEach(b::adaptation);
        ModelCard changed = b.build();
        if (!changed.problems().stream().filter(p -> !p.contains("sha256")).toList().isEmpty()) {
            throw new IllegalArgumentException("--card gives an unusable card: " + changed.problems());
        }
        return changed;
    }
}
