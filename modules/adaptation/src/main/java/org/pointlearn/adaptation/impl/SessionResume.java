package org.pointlearn.adaptation.impl;
import org.pointlearn.adaptation.api.AdaptationEvent;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.VersionStoreException;

/**
 * Brings a new session and its store together: an empty store records the live model as its
 * base version; otherwise the active version goes into the model, falling back to the nearest
 * ancestor that can be read when it is damaged.
 */
final class SessionResume {

    private final AdaptationSession session;

    SessionResume(AdaptationSession session) {
        this.session = session;
    }

    void resume() throws VersionStoreException {
        VersionStore store = session.store();
        if (store.isEmpty()) {
            String base = session.model().card().versionOrName();
            store.commit(ModelVersion.base(store.nextId(), base), session.model(), session.learner().capture());
            return;
        }
        store.repairs().forEach(r -> session.announce(AdaptationEvent.Kind.STORE_REPAIRED, "Model versions: " + r,
                null));
        String id = store.active().id();
        VersionStoreException first = null;
        while (id != null) {
            try {
                session.learner().restore(store.state(id, session.model()));
                if (first != null) {
                    store.activate(id);
                    session.announce(AdaptationEvent.Kind.STORE_REPAIRED, first.getMessage() + "; version " + id
                            + " is active instead", id);
                }
                return;
            } catch (VersionStoreException e) {
                first = first == null ? e : first;
                id = store.version(id).map(ModelVersion::parentId).orElse(null);
            }
        }
        throw new VersionStoreException("No version in the store can be read: " + first.getMessage(), first);
    }
}
