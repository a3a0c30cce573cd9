package org.pointlearn.viewer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.EventQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RendererSessionTest {

    @Test
    void decidesOnceOffTheEventThreadAndCachesTheVerdict() throws Exception {
        AtomicInteger decisions = new AtomicInteger();
        AtomicReference<Boolean> onEventThread = new AtomicReference<>();
        RendererSession session = new RendererSession(() -> {
            decisions.incrementAndGet();
            onEventThread.set(EventQueue.isDispatchThread());
            return RendererChoice.java2d("VTK disabled by setting");
        });
        RendererChoice first = session.choice().toCompletableFuture().get();
        RendererChoice second = session.choice().toCompletableFuture().get();
        assertEquals(first, second);
        assertEquals(1, decisions.get());
        assertEquals(Boolean.FALSE, onEventThread.get());
    }

    @Test
    void aFailingDecisionBecomesJava2dWithTheReason() throws Exception {
        RendererSession session = new RendererSession(() -> {
            throw new IllegalStateException("probe crashed");
        });
        RendererChoice choice = session.choice().toCompletableFuture().get();
        assertFalse(choice.vtk());
        assertEquals("Renderer: Java2D (renderer choice failed: java.lang.IllegalStateException: probe crashed)",
                choice.statusText());
    }
}
