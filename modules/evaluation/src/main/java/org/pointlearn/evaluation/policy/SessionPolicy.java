package org.pointlearn.evaluation.policy;

import java.util.List;
import org.pointlearn.adaptation.api.AdaptationException;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.impl.AdaptationSession;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.impl.VersionStore;
import org.pointlearn.adaptation.api.VersionStoreException;
import org.pointlearn.evaluation.protocol.InteractiveSegmenter;
import org.pointlearn.evaluation.protocol.SegmentationException;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * Any adaptation policy under the evaluation protocol, driving the workstation's own
 * {@link AdaptationSession}, so what is measured is what the user gets. Versions stay in
 * memory; the model is adapted in place, so give every policy run its own loaded model.
 */
public final class SessionPolicy implements PolicySegmenter {

    private final AdaptationSession session;
    private final VersionStore store;
    private Image2D current;

    /**
     * @param model the model to run and adapt (not closed here; load a fresh one per run)
     * @param policy what the session learns from
     * @param settings the update settings
     * @throws SegmentationException when the session cannot start
     */
    public SessionPolicy(SegmentationModel model, AdaptationPolicy policy, AdaptationSettings settings)
            throws SegmentationException {
        this.store = VersionStore.inMemory(settings.versionsInMemory());
        try {
            this.session = new AdaptationSession(model, policy, settings, store);
        } catch (VersionStoreException e) {
            throw new SegmentationException("policy " + policy.name() + " cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * The policy of that name with its default settings (the paper's for the paper's policies).
     *
     * @param name frozen, post, mid, post+mid, method, nogauss, post-nogauss, mid-nogauss, tent, iasa, paper,
     *     paper-nogauss, paper-post or paper-mid
     * @param model the model to run and adapt (not closed here)
     * @throws IllegalArgumentException naming the known policies when the name is unknown
     * @throws SegmentationException when the session cannot start
     */
    public static SessionPolicy named(String name, SegmentationModel model) throws SegmentationException {
        AdaptationPolicy policy = AdaptationPolicy.named(name);
        return new SessionPolicy(model, policy, policy.defaultSettings(model.card()));
    }

    /** The session underneath (versions, events such as guard rollbacks). */
    public AdaptationSession session() {
        return session;
    }

    @Override
    public float[] predict(Image2D image, List<Click> clicks, float[] previous) throws SegmentationException {
        if (image != current) {
            session.start(image, null);
            current = image;
        }
        List<Click> done = session.clicks();
        if (!done.equals(clicks.subList(0, clicks.size() - 1))) {
            throw new SegmentationException("the protocol's clicks " + clicks + " do not continue the session's "
                    + done);
        }
        try {
            return session.click(clicks.get(clicks.size() - 1)).probability();
        } catch (AdaptationException e) {
            throw new SegmentationException(e.getMessage(), e);
        }
    }

    @Override
    public float[] otherSquare() throws SegmentationException {
        try {
            return session.otherSquare().map(org.pointlearn.adaptation.api.Prediction::probability).orElse(null);
        } catch (AdaptationException e) {
            throw new SegmentationException(e.getMessage(), e);
        }
    }

    @Override
    public void startFrom(Image2D image, float[] proposal) throws SegmentationException {
        try {
            session.start(image, null, proposal);
        } catch (IllegalArgumentException e) {
            throw new SegmentationException(e.getMessage(), e);
        }
        current = image;
    }

    @Override
    public void accept(Image2D image, Mask2D finalMask, List<Click> clicks) throws SegmentationException {
        if (image != current) {
            session.start(image, null);
        }
        current = null;
        try {
            session.accept(finalMask);
        } catch (AdaptationException e) {
            throw new SegmentationException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
        store.close();
    }
}
