package org.pointlearn.evaluation.policy;

import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.evaluation.protocol.InteractiveSegmenter;
import org.pointlearn.evaluation.protocol.SegmentationException;
import org.pointlearn.inference.api.SegmentationModel;

/** An adaptation policy under the evaluation protocol, closed after its run. */
public interface PolicySegmenter extends InteractiveSegmenter, AutoCloseable {

    /**
     * The policy as the workstation runs it: through its interactive session ({@link ServiceSegmenter})
     * for one-channel images (MRI), through the engine's session ({@link SessionPolicy}, the same
     * engine without the service around it) for colour images, which the session does not take.
     * ServiceSegmenterTest shows both give the same numbers.
     *
     * @throws SegmentationException when the policy cannot start
     */
    static PolicySegmenter of(SegmentationModel model, AdaptationPolicy policy, AdaptationSettings settings)
            throws SegmentationException {
        return ServiceSegmenter.takes(model) ? new ServiceSegmenter(model, policy, settings)
                : new SessionPolicy(model, policy, settings);
    }

    @Override
    void close();
}
