package org.pointlearn.dicom.pacs;

import com.pixelmed.network.VerificationSOPClassSCU;
import java.time.Duration;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;

/** The connection test: a C-ECHO within a deadline. */
final class PacsEcho {

    private PacsEcho() {
    }

    /**
     * Sends a C-ECHO.
     *
     * @throws PacsException saying why the node did not answer
     */
    static void echo(PacsNode node, Duration timeout) throws PacsException {
        ScuDeadline.run(node, "testing the connection (C-ECHO)", timeout, () -> {
            new VerificationSOPClassSCU(node.host(), node.port(), node.aeTitle(), node.callingAeTitle(), false);
            return null;
        });
    }
}
