package org.pointlearn.dicom.api;

import java.util.Locale;

/**
 * A PACS (or other DICOM node) the workstation queries and retrieves from.
 *
 * @param name what the user calls it, e.g. "ORTHANC"
 * @param aeTitle the node's AE title (the called AE)
 * @param host host name or address
 * @param port DICOM port
 * @param callingAeTitle our AE title towards this node
 * @param retrieveMethod how images are fetched
 * @param webUrl the DICOMweb root (e.g. {@code http://host:8042/dicom-web}), or empty
 */
public record PacsNode(String name, String aeTitle, String host, int port, String callingAeTitle,
        RetrieveMethod retrieveMethod, String webUrl) {

    /** Checks the values a DICOM association needs. */
    public PacsNode {
        requireAe(aeTitle, "AE title");
        requireAe(callingAeTitle, "calling AE title");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The host of PACS " + name + " is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port of PACS " + name + " must be 1 to 65535, not " + port);
        }
        webUrl = webUrl == null ? "" : webUrl.strip();
    }

    /** E.g. "ORTHANC (ORTHANC@localhost:4242)", for messages. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%s@%s:%d)", name, aeTitle, host, port);
    }

    private static void requireAe(String ae, String what) {
        if (ae == null || ae.isBlank() || ae.length() > 16 || ae.contains("\\")) {
            throw new IllegalArgumentException("The " + what + " \"" + ae + "\" is not valid: 1 to 16 characters,"
                    + " no backslash");
        }
    }
}
