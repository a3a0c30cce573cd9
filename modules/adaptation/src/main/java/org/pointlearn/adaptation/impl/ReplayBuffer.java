package org.pointlearn.adaptation.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The most recently accepted images as examples (input at the last click, accepted mask),
 * mixed into Post-Interaction updates and used by the forgetting guard. Oldest drop out first.
 */
public final class ReplayBuffer {

    /**
     * One remembered image.
     *
     * @param imageId the image's id
     * @param example its un-augmented example
     * @param probe the guard's input: one click at the accepted mask's deepest pixel
     */
    public record Item(String imageId, UpdateExample example, float[] probe) {
    }

    private final int capacity;
    private final Deque<Item> items = new ArrayDeque<>();
    private final Random random;

    /** @param capacity how many images are kept (0 disables replay)
     *  @param seed seed of the replay draw */
    public ReplayBuffer(int capacity, long seed) {
        this.capacity = capacity;
        this.random = new Random(seed);
    }

    /**
     * Remembers an image, forgetting the oldest when full. An image whose example or probe holds
     * values that are not finite numbers (a damaged slice) is not kept: replayed, it would make
     * every later update fail.
     */
    public void add(Item item) {
        if (capacity == 0 || !item.example().finite() || !UpdateExample.finite(item.probe())) {
            return;
        }
        items.removeIf(i -> i.imageId().equals(item.imageId()));
        items.addLast(item);
        while (items.size() > capacity) {
            items.removeFirst();
        }
    }

    /** The remembered images, oldest first. */
    public List<Item> items() {
        return List.copyOf(items);
    }

    /** Up to n distinct remembered images drawn at random. */
    public List<Item> draw(int n) {
        List<Item> all = new ArrayList<>(items);
        Collections.shuffle(all, random);
        return all.subList(0, Math.min(n, all.size()));
    }
}
