package org.pointlearn.dicom.pacs;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.network.DicomNetworkException;
import com.pixelmed.network.MoveSOPClassSCU;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;

/** C-MOVE: the node sends the instances to our store SCP, named by our AE title as move destination. */
final class CMoveFetch implements Fetch {

    private static final int SUCCESS = 0x0000;
    private static final int DESTINATION_UNKNOWN = 0xA801;
    private static final int SOME_FAILED = 0xB000;
    /** Orthanc answers an unknown destination with this generic failure. */
    private static final int UNABLE_TO_PROCESS = 0xC000;
    private static final Pattern FAILURE_STATUS = Pattern.compile("failure status 0x([0-9a-fA-F]{4})");

    private final StoreScp scp;
    private final Duration timeout;

    /**
     * @param scp our running store SCP
     * @param timeout how long the whole retrieve may take
     */
    CMoveFetch(StoreScp scp, Duration timeout) {
        this.scp = scp;
        this.timeout = timeout;
    }

    @Override
    public void fetch(PacsNode node, String study, String series, ReceivedFiles received) throws PacsException {
        scp.receiveInto(received);
        try {
            int status = ScuDeadline.run(node, "retrieving images (C-MOVE)", timeout, received::cancelled,
                    () -> move(node, study, series));
            requireSuccess(node, status);
        } finally {
            scp.stopReceiving();
        }
    }

    /** Performs the C-MOVE; a failure status PixelMed throws as an exception comes back as the status. */
    private int move(PacsNode node, String study, String series) throws Exception {
        try {
            return new MoveSOPClassSCU(node.host(), node.port(), node.aeTitle(), node.callingAeTitle(), scp.aeTitle(),
                    SOPClass.StudyRootQueryRetrieveInformationModelMove, Identifiers.retrieve(study, series))
                    .getStatus();
        } catch (DicomNetworkException e) {
            Matcher status = FAILURE_STATUS.matcher(String.valueOf(e.getMessage()));
            if (status.find()) {
                return Integer.parseInt(status.group(1), 16);
            }
            throw e;
        }
    }

    private void requireSuccess(PacsNode node, int status) throws PacsException {
        if (status == SUCCESS) {
            return;
        }
        String pacs = "PACS " + node.describe();
        String message = switch (status) {
            case DESTINATION_UNKNOWN, UNABLE_TO_PROCESS -> pacs + " does not know the move destination " + scp.aeTitle()
                    + " (or refused to send there, status 0x" + String.format(Locale.ROOT, "%04X", status) + "): add this"
                    + " AE title with this workstation's host and store port to the PACS's modalities";
            case SOME_FAILED -> pacs + " could not send some of the images (C-MOVE status 0xB000)";
            default -> pacs + " reported failure of the C-MOVE (status 0x"
                    + String.format(Locale.ROOT, "%04X", status) + ")";
        };
        throw new PacsException(PacsException.Reason.FAILED_STATUS, message, null);
    }
}
