package org.pointlearn.dicom.pacs;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsException.Reason;
import org.pointlearn.dicom.api.PacsNode;

/** Turns what PixelMed and the JDK throw into messages a user can act on. */
final class PacsFailures {

    private PacsFailures() {
    }

    /** The failure of {@code what} with {@code node}, explained. */
    static PacsException explain(PacsNode node, String what, Throwable failure) {
        if (failure instanceof PacsException known) {
            return known;
        }
        String text = chainText(failure).toLowerCase(Locale.ROOT);
        String pacs = "PACS " + node.describe();
        if (text.contains("calling ae title not recognized")) {
            return new PacsException(Reason.CALLING_AE_NOT_ALLOWED, pacs + " refused association: calling AE "
                    + node.callingAeTitle() + " not allowed (add it to the PACS's list of known AEs)", failure);
        }
        if (text.contains("called ae title not recognized")) {
            return new PacsException(Reason.CALLED_AE_UNKNOWN, pacs + " refused association: it does not answer to"
                    + " the AE title " + node.aeTitle() + " (check the node's AE title)", failure);
        }
        if (text.contains("a-associate-rj")) {
            return new PacsException(Reason.REFUSED, pacs + " refused association: " + failure.getMessage(), failure);
        }
        if (has(failure, UnknownHostException.class)) {
            return new PacsException(Reason.UNREACHABLE, pacs + " is unreachable: the host " + node.host()
                    + " is unknown", failure);
        }
        if (has(failure, ConnectException.class) || has(failure, NoRouteToHostException.class)) {
            return new PacsException(Reason.UNREACHABLE, pacs + " is unreachable: nothing accepts connections on "
                    + node.host() + " port " + node.port() + " (" + rootMessage(failure) + ")", failure);
        }
        if (has(failure, SocketException.class) || text.contains("abort")) {
            return new PacsException(Reason.ABORTED, pacs + " broke off the connection while " + what + " ("
                    + rootMessage(failure) + ")", failure);
        }
        return new PacsException(Reason.FAILED_STATUS, what + " with " + pacs + " failed: " + rootMessage(failure),
                failure);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t) || (t.getMessage() != null && t.getMessage().contains(type.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static String chainText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(' ');
        }
        return text.toString();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
