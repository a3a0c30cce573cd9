package org.pointlearn.adaptation.impl;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pointlearn.inference.api.Predictor.FirstSquare;

/**
 * Which first square the user's slices want: for each of the last {@code window} accepted slices
 * whose first click was looked at through two squares, how close each square's first-click mask
 * came to the mask the user accepted (Dice). A first click then shows the square with the best
 * mean, the surer one unless another did strictly better. Small lesions want the small square,
 * large tumours the wide one, whatever the network is surer of (docs/interaction.md, "The square
 * the accepted slices wanted"). Not thread-safe: the adaptation session's lock guards it. Kept
 * beside a persistent store's versions ({@link #toJson}, {@link #restore}), so a restarted
 * workstation's first clicks show what they showed before it stopped.
 */
final class FirstSquareMemory {

    /** Its file in a persistent version store. */
    static final String FILE = "first-squares.json";
    private static final Gson GSON = new Gson();

    private int window;
    private final ArrayDeque<Map<FirstSquare, Double>> recent = new ArrayDeque<>();

    /** @param window slices remembered (0: off, always the surer square) */
    FirstSquareMemory(int window) {
        this.window = window;
    }

    /** Whether it remembers anything (a window of at least one slice). */
    boolean on() {
        return window > 0;
    }

    /** Remembers another number of slices (the newest kept). */
    void resize(int slices) {
        window = slices;
        trim();
    }

    /** An accepted slice: each square's first-click Dice against the accepted mask (a square the card lacks is absent). */
    void record(Map<FirstSquare, Double> dice) {
        if (!on() || !dice.containsKey(FirstSquare.SURER)) {
            return;
        }
        recent.addLast(new EnumMap<>(dice));
        trim();
    }

    private void trim() {
        while (recent.size() > window) {
            recent.removeFirst();
        }
    }

    /** The square the next first click shows. */
    FirstSquare pick() {
        FirstSquare best = FirstSquare.SURER;
        double bestMean = mean(FirstSquare.SURER);
        for (FirstSquare s : FirstSquare.values()) {
            double m = mean(s);
            if (m > bestMean) {
                best = s;
                bestMean = m;
            }
        }
        return best;
    }

    /** The mean Dice of a square over the slices remembered that had it; -1 when none did. */
    double mean(FirstSquare s) {
        double sum = 0;
        int n = 0;
        for (Map<FirstSquare, Double> d : recent) {
            Double v = d.get(s);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        // a square some remembered slices lack is not compared on fewer slices than the rest
        return n == 0 || n < recent.size() ? -1 : sum / n;
    }

    /** The slices remembered, oldest first, as JSON: a list of {square: Dice}. */
    String toJson() {
        List<Map<FirstSquare, Double>> list = new ArrayList<>(recent);
        return GSON.toJson(list);
    }

    /**
     * Remembers what {@link #toJson} wrote (the newest slices that fit the window), replacing what
     * it remembered; a square this version does not know is skipped.
     *
     * @throws IOException when the text is not such a list, saying why (nothing is replaced then)
     */
    void restore(String json) throws IOException {
        List<Map<String, Double>> read;
        try {
            read = GSON.fromJson(json, new TypeToken<List<Map<String, Double>>>() { }.getType());
        } catch (JsonParseException e) {
            throw new IOException("not valid JSON: " + e.getMessage(), e);
        }
        if (read == null) {
            throw new IOException("it is empty");
        }
        List<Map<FirstSquare, Double>> slices = new ArrayList<>();
        for (Map<String, Double> slice : read) {
            if (slice == null) {
                throw new IOException("a slice is null");
            }
            Map<FirstSquare, Double> dice = new EnumMap<>(FirstSquare.class);
            for (Map.Entry<String, Double> e : slice.entrySet()) {
                double v = e.getValue() == null ? Double.NaN : e.getValue();
                if (!(v >= 0 && v <= 1)) {
                    throw new IOException("the Dice of square " + e.getKey() + " is " + e.getValue() + ", not in 0..1");
                }
                for (FirstSquare s : FirstSquare.values()) {
                    if (s.name().equals(e.getKey())) {
                        dice.put(s, v);
                    }
                }
            }
            slices.add(dice);
        }
        recent.clear();
        slices.forEach(this::record);
    }

    /** Slices remembered. */
    int size() {
        return recent.size();
    }
}
