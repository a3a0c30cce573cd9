package org.pointlearn.adaptation.impl;

/**
 * A captured model: its parameters and, when known, the optimizer's moments. A state read
 * back from disk has no optimizer part; restoring it starts the optimizer afresh.
 *
 * @param parameters all parameter values
 * @param optimizer the optimizer state, or null
 */
public record ModelState(ArraySnapshot parameters, AdamOptimizer.State optimizer) implements AutoCloseable {

    @Override
    public void close() {
        parameters.close();
        if (optimizer != null) {
            optimizer.close();
        }
    }
}
