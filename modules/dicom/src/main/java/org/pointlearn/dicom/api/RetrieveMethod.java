package org.pointlearn.dicom.api;

/** How images are fetched from a PACS node. */
public enum RetrieveMethod {
    /** The node sends them to our store SCP (our AE title must be a known destination there). */
    C_MOVE,
    /** The node sends them back on our own association: no port of ours needs to be reachable. */
    C_GET,
    /** DICOMweb over HTTP (the node's web URL). */
    WADO_RS
}
