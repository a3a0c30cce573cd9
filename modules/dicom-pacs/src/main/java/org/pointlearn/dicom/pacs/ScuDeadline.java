package org.pointlearn.dicom.pacs;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;

/**
 * Runs a client call on a worker thread and gives up after a deadline. PixelMed opens its
 * sockets without timeouts, so a peer that accepts and never answers would block the
 * caller for ever; here the caller gets a timeout and the worker is interrupted (and left
 * to die when the peer finally closes).
 */
final class ScuDeadline {

    private static final long POLL_MS = 100;
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pointlearn-pacs-call");
        t.setDaemon(true);
        return t;
    });

    private ScuDeadline() {
    }

    /**
     * Runs the call.
     *
     * @param node the peer, for messages
     * @param what what the call does, e.g. "testing the connection (C-ECHO)"
     * @param timeout how long to wait for the whole call
     * @throws PacsException with the failure in words, {@link PacsException.Reason#TIMEOUT} past the deadline
     */
    static <T> T run(PacsNode node, String what, Duration timeout, ScuCall<T> call) throws PacsException {
        return run(node, what, timeout, () -> false, call);
    }

    /**
     * Runs the call, also giving up when {@code cancelled} turns true (checked every 100 ms).
     *
     * @throws PacsException as {@link #run(PacsNode, String, Duration, ScuCall)}, or
     *                       {@link PacsException.Reason#CANCELLED}
     */
    static <T> T run(PacsNode node, String what, Duration timeout, BooleanSupplier cancelled, ScuCall<T> call)
            throws PacsException {
        Future<T> future = WORKERS.submit(call::call);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try {
                    return future.get(Math.min(POLL_MS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                            TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (cancelled.getAsBoolean()) {
                        future.cancel(true);
                        throw new PacsException(PacsException.Reason.CANCELLED, what + " with PACS " + node.describe()
                                + " was cancelled", e);
                    }
                    if (System.nanoTime() >= deadline) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PacsException(PacsException.Reason.TIMEOUT, "PACS " + node.describe() + " did not answer within "
                    + timeout.toSeconds() + " s while " + what, e);
        } catch (ExecutionException e) {
            throw PacsFailures.explain(node, what, e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PacsException(PacsException.Reason.ABORTED, what + " with PACS " + node.describe()
                    + " was interrupted", e);
        }
    }
}
