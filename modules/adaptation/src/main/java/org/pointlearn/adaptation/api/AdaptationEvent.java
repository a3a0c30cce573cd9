package org.pointlearn.adaptation.api;

import java.time.Instant;

/**
 * Something the session did to the model that the user should know about, in words.
 *
 * @param kind what happened
 * @param message a sentence for the user
 * @param versionId the version concerned, or null
 * @param time when it happened
 */
public record AdaptationEvent(Kind kind, String message, String versionId, Instant time) {

    /** Kinds of events. */
    public enum Kind {
        /** An accepted image produced a new model version. */
        VERSION_CREATED,
        /** The forgetting guard undid an update. */
        GUARD_ROLLBACK,
        /** The user went back to an earlier version. */
        ROLLBACK,
        /** An update was cancelled; the model is as before it. */
        CANCELLED,
        /** The store found and repaired a problem when it was opened. */
        STORE_REPAIRED,
        /** The adapted versions did worse than the base on recent slices: learning slowed. */
        LEARNING_SLOWED,
        /** The adapted versions still did worse: the session returned to the best version. */
        RETURNED_TO_BEST,
        /** First clicks now show another of their squares: it came closest to the recently accepted masks. */
        FIRST_SQUARE
    }

    /** An event now. */
    public static AdaptationEvent of(Kind kind, String message, String versionId) {
        return new AdaptationEvent(kind, message, versionId, Instant.now());
    }
}
