package org.pointlearn.viewer.impl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.util.RequestProcessor;

/**
 * The renderer of this session, decided once, in the background, the first time anyone
 * asks; everyone after that gets the cached verdict.
 */
public final class RendererSession {

    private static final Logger LOG = Logger.getLogger(RendererSession.class.getName());
    private static final RequestProcessor CHOOSING = new RequestProcessor("Pointlearn renderer choice", 1);
    private static final RendererSession DEFAULT = new RendererSession(
            () -> RendererChooser.forThisMachine().choose(RendererPreference.current()));

    private final Supplier<RendererChoice> decision;
    private CompletableFuture<RendererChoice> choice;

    /** @param decision makes the choice; runs once, off the event thread */
    public RendererSession(Supplier<RendererChoice> decision) {
        this.decision = decision;
    }

    /** The session of this JVM, choosing per {@link RendererPreference#current()}. */
    public static RendererSession getDefault() {
        return DEFAULT;
    }

    /** The choice, completed off the event thread once decided; starts deciding if needed. */
    public synchronized CompletionStage<RendererChoice> choice() {
        if (choice == null) {
            CompletableFuture<RendererChoice> pending = new CompletableFuture<>();
            choice = pending;
            CHOOSING.post(() -> decide(pending));
        }
        return choice.minimalCompletionStage();
    }

    private void decide(CompletableFuture<RendererChoice> pending) {
        try {
            pending.complete(decision.get());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Choosing the renderer failed; using Java2D", e);
            pending.complete(RendererChoice.java2d("renderer choice failed: " + e));
        }
    }
}
