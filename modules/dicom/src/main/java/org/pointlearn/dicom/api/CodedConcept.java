package org.pointlearn.dicom.api;

/**
 * A coded concept as DICOM writes it in code sequences.
 *
 * @param value CodeValue, e.g. "52988006"
 * @param scheme CodingSchemeDesignator, e.g. "SCT"
 * @param meaning CodeMeaning, e.g. "Lesion"
 */
public record CodedConcept(String value, String scheme, String meaning) {
}
