package org.pointlearn.dicom.pacs;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.GetSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;

/** C-GET: the node sends the instances back on our association, so no port of ours must be reachable. */
final class CGetFetch implements Fetch {

    /** The storage SOP classes offered for the returned instances (images of the modalities we segment, and SEG). */
    static final Set<String> STORAGE_CLASSES = Set.of(SOPClass.MRImageStorage, SOPClass.EnhancedMRImageStorage,
            SOPClass.LegacyConvertedEnhancedMRImageStorage, SOPClass.CTImageStorage, SOPClass.EnhancedCTImageStorage,
            SOPClass.PETImageStorage, SOPClass.SecondaryCaptureImageStorage, SOPClass.SegmentationStorage);

    private final Duration timeout;

    /** @param timeout how long the whole retrieve may take */
    CGetFetch(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void fetch(PacsNode node, String study, String series, ReceivedFiles received) throws PacsException {
        ScuDeadline.run(node, "retrieving images (C-GET)", timeout, received::cancelled, () -> {
            new GetSOPClassSCU(node.host(), node.port(), node.aeTitle(), node.callingAeTitle(),
                    SOPClass.StudyRootQueryRetrieveInformationModelGet, Identifiers.retrieve(study, series),
                    new IdentifierHandler(), received.folder().toFile(),
                    StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, new ReceivedObjectHandler() {
                        @Override
                        public void sendReceivedObjectIndication(String file, String syntax, String callingAe) {
                            received.arrived(Path.of(file));
                        }
                    }, STORAGE_CLASSES, true, true, true);
            return null;
        });
    }
}
