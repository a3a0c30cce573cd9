package org.pointlearn.adaptation.api;

import java.nio.file.Path;
import org.openide.util.Lookup;
import org.pointlearn.inference.api.SegmentationModel;

/** Where interactive sessions come from: found through {@link Lookup}. */
public interface InteractiveSessions {

    /** The implementation in the module system (or on the class path), never null. */
    static InteractiveSessions getDefault() {
        InteractiveSessions s = Lookup.getDefault().lookup(InteractiveSessions.class);
        if (s == null) {
            throw new IllegalStateException("no adaptation implementation is installed");
        }
        return s;
    }

    /**
     * The workstation's one session, created on first use: it follows the inference runtime's
     * active model, keeps its versions and the accepted masks under the user directory and
     * remembers whether learning is on.
     */
    InteractiveSession workstation();

    /**
     * A session of its own on a model, opened in the background (its state says when it is ready).
     *
     * @param model the model to segment with and adapt, or null for a session that waits for
     *     {@link InteractiveSession#useModel} (and says so to a click)
     * @param root the folder of its versions ({@code versions/<model>}), accepted masks and journal
     *     ({@code annotations/}), or null to keep the versions in memory and nothing on disk (evaluation)
     * @param learning whether it learns from clicks (the method) or stays frozen
     * @return the session
     */
    InteractiveSession open(SegmentationModel model, Path root, boolean learning);
}
