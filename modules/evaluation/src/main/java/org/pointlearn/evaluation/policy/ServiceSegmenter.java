package org.pointlearn.evaluation.policy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.AdaptationSettings;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.SeriesKey;
import org.pointlearn.adaptation.api.UpdateReport;
import org.pointlearn.evaluation.protocol.InteractiveSegmenter;
import org.pointlearn.evaluation.protocol.SegmentationException;
import org.pointlearn.evaluation.protocol.VolumeRunner;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.VolumeGeometry;
import org.pointlearn.inference.api.Click;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * The 2-D protocol's simulated user driving the workstation's own {@link InteractiveSession}, as
 * the viewer does: each image is opened as a one-slice series, each click goes through
 * {@code click}, the end of an image is {@code accept}. The session takes volumes of one channel,
 * so colour images (fundus photographs) stay with {@link SessionPolicy} (the same engine without
 * the service around it).
 */
public final class ServiceSegmenter implements PolicySegmenter {

    private final InteractiveSession session;
    private Image2D current;
    private int images;

    /**
     * @param model the model to run and adapt (not closed here; load a fresh one per run)
     * @param policy what the session learns from (FROZEN: learning off)
     * @param settings the update settings
     * @throws SegmentationException when the session does not open
     */
    public ServiceSegmenter(SegmentationModel model, AdaptationPolicy policy, AdaptationSettings settings)
            throws SegmentationException {
        boolean learning = policy != AdaptationPolicy.FROZEN;
        session = VolumeRunner.session(model, learning);
        if (learning) {
            try {
                VolumeRunner.join(session.configure(policy, settings));
                VolumeRunner.awaitReady(session);
            } catch (SegmentationException e) {
                session.close();
                throw e;
            }
        }
    }

    /** Whether the service can take this model's images (one channel). */
    public static boolean takes(SegmentationModel model) {
        return model.card().imageChannels() == 1;
    }

    @Override
    public float[] predict(Image2D image, List<Click> clicks, float[] previous) throws SegmentationException {
        if (image != current) {
            open(image);
        }
        VolumeRunner.join(session.click(0, clicks.get(clicks.size() - 1)));
        if (session.state().work().clicks().size() != clicks.size()) {
            throw new SegmentationException("the session did not take the click: " + session.state().notReady());
        }
        Mask2D shown = session.state().work().working();
        return shown == null ? new float[image.width() * image.height()] : shown.toFloats();
    }

    @Override
    public float[] otherSquare() throws SegmentationException {
        if (!session.state().work().otherSquare()) {
            return null;
        }
        VolumeRunner.join(session.otherSquare(0));
        Mask2D shown = session.state().work().working();
        return shown == null ? null : shown.toFloats();
    }

    @Override
    public void startFrom(Image2D image, float[] proposal) throws SegmentationException {
        throw new SegmentationException("the workstation's session proposes from accepted neighbours itself:"
                + " use VolumeRunner's session path for propagation");
    }

    @Override
    public void accept(Image2D image, Mask2D finalMask, List<Click> clicks) throws SegmentationException {
        if (image != current) {
            open(image);
        }
        Optional<CompletableFuture<UpdateReport>> update = session.accept(0);
        if (update.isPresent()) {
            VolumeRunner.join(update.get());
        }
        VolumeRunner.join(session.idle());
        current = null;
    }

    private void open(Image2D image) throws SegmentationException {
        if (image.channels() != 1) {
            throw new SegmentationException("the workstation's session takes one-channel images; this one has "
                    + image.channels());
        }
        Volume one = new Volume(VolumeGeometry.axial(image.width(), image.height(), 1, image.spacingX(),
                image.spacingY(), 1), new float[][] {image.data().clone()});
        VolumeRunner.join(session.openSeries(SeriesKey.inMemory("image " + (++images)), one));
        current = image;
    }

    @Override
    public void close() {
        session.close();
    }
}
