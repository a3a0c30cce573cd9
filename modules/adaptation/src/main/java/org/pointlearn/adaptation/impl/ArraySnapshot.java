package org.pointlearn.adaptation.impl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies of a list of native arrays in their own memory scope, to be copied back into the
 * live arrays later. Restoring writes into the live arrays in place, so whatever refers to
 * them (the network, the optimizer) stays valid.
 */
public final class ArraySnapshot implements AutoCloseable {

    /** Every element of an array, whatever its shape. */
    private static final NDIndex WHOLE = new NDIndex("...");

    private final NDManager manager;
    private final List<NDArray> copies;

    private ArraySnapshot(NDManager manager, List<NDArray> copies) {
        this.manager = manager;
        this.copies = copies;
    }

    /**
     * Copies the arrays.
     *
     * @param parent the scope under which the copies live until {@link #close()}
     * @param live the arrays to copy
     * @return the snapshot
     */
    public static ArraySnapshot of(NDManager parent, List<NDArray> live) {
        NDManager m = parent.newSubManager();
        List<NDArray> copies = new ArrayList<>(live.size());
        for (NDArray a : live) {
            NDArray c = a.duplicate();
            c.attach(m);
            copies.add(c);
        }
        return new ArraySnapshot(m, copies);
    }

    /**
     * Writes the copies back into the live arrays, in the same order, natively and in place:
     * the live arrays keep their own memory (NDArray.copyTo would instead re-point each one at a
     * new buffer on the Java side, freed only by the garbage collector).
     */
    public void restoreInto(List<NDArray> live) {
        if (live.size() != copies.size()) {
            throw new IllegalStateException("snapshot of " + copies.size() + " arrays cannot restore " + live.size());
        }
        for (int i = 0; i < live.size(); i++) {
            live.get(i).set(WHOLE, copies.get(i));
        }
    }

    /**
     * Moves each live array the given fraction of the way back to its copy, in place:
     * live <- live - fraction * (live - copy).
     */
    public void pullTowards(List<NDArray> live, float fraction) {
        if (live.size() != copies.size()) {
            throw new IllegalStateException("snapshot of " + copies.size() + " arrays cannot pull " + live.size());
        }
        for (int i = 0; i < live.size(); i++) {
            try (NDArray d = live.get(i).sub(copies.get(i))) {
                live.get(i).subi(d.muli(fraction));
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
