package org.pointlearn.dicom.api;

/**
 * What a retrieve brought into the index.
 *
 * @param expected instances the PACS announced, or -1 when it did not say
 * @param received instances that arrived
 * @param imported what indexing them did
 * @param complete whether every announced instance arrived and the PACS reported success
 * @param problem why it is incomplete, in words, or empty
 */
public record RetrieveResult(int expected, int received, ImportResult imported, boolean complete, String problem) {
}
