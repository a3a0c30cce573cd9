package org.pointlearn.dicom.pacs;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.network.StorageSOPClassSCU;
import java.nio.file.Path;
import java.time.Duration;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;

/** C-STORE of one file to a node, within a deadline. */
final class PacsStore {

    private PacsStore() {
    }

    /**
     * Sends the file.
     *
     * @throws PacsException when the file cannot be read, the node refuses, or the store fails
     */
    static void send(PacsNode node, Path file, Duration timeout) throws PacsException {
        String what = "sending " + file.getFileName() + " (C-STORE)";
        ScuDeadline.run(node, what, timeout, () -> {
            AttributeList header = new AttributeList();
            header.read(file.toFile(), (list, tag, offset) -> TagFromName.PixelData.equals(tag));
            StorageSOPClassSCU scu = new StorageSOPClassSCU(node.host(), node.port(), node.aeTitle(),
                    node.callingAeTitle(), file.toString(),
                    Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPClassUID),
                    Attribute.getSingleStringValueOrEmptyString(header, TagFromName.SOPInstanceUID), 0);
            if (scu.encounteredTrappedExceptions()) {
                throw new PacsException(PacsException.Reason.FAILED_STATUS, "PACS " + node.describe()
                        + " did not accept " + file.getFileName() + " (C-STORE failed)", null);
            }
            return null;
        });
    }
}
