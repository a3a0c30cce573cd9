package org.pointlearn.adaptation.impl;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import org.pointlearn.inference.api.Predictor.FirstSquare;

/**
 * Which first square the user's slices want: for each of the last {@code window} accepted slices
 * whose first click was looked at through two squares, how close each square's first-click mask
 * came to the mask the user accepted (Dice). A first click then shows the square with the best
 * mean, the surer one unless another did strictly better. Small lesions want the small square,
 * large tumours the wide one, whatever the network is surer of (docs/interaction.md, "The square
 * the accepted slices wanted"). Not thread-safe: the adaptation session's lock guards it.
 */
final class FirstSquareMemory {

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

    /** Slices remembered. */
    int size() {
        return recent.size();
    }
}
