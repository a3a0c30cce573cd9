package org.pointlearn.adaptation.api;

/**
 * Something the interactive session did, with its state just after, immutable.
 *
 * @param kind what happened
 * @param message a sentence for the user, or null
 * @param state the session's state just after
 */
public record SessionEvent(Kind kind, String message, SessionState state) {

    /** Kinds of events. */
    public enum Kind {
        /** The state changed (a click, stroke, prediction, accept, version, model): draw it again. */
        CHANGED,
        /** Words for the status line. */
        MESSAGE,
        /** Something failed; the words say what and nothing was lost. */
        PROBLEM,
        /** A change of the learning ("test, then train") that stays in the model panel. */
        LEARNING_NOTE
    }
}
