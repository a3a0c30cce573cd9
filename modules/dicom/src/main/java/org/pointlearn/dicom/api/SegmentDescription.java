package org.pointlearn.dicom.api;

/**
 * What an exported segment is and what made it.
 *
 * @param label SegmentLabel, e.g. "MS lesion"
 * @param category SegmentedPropertyCategoryCodeSequence
 * @param type SegmentedPropertyTypeCodeSequence
 * @param algorithmName SegmentAlgorithmName, e.g. "Pointlearn interactive segmentation"
 * @param modelVersionId the id of the model version that produced the mask
 */
public record SegmentDescription(String label, CodedConcept category, CodedConcept type, String algorithmName,
        String modelVersionId) {

    /** SNOMED CT "Morphologically Altered Structure". */
    public static final CodedConcept ALTERED_STRUCTURE = new CodedConcept("49755003", "SCT",
            "Morphologically Altered Structure");
    /** SNOMED CT "Lesion". */
    public static final CodedConcept LESION = new CodedConcept("52988006", "SCT", "Lesion");
    /** The algorithm name Pointlearn writes. */
    public static final String POINTLEARN_ALGORITHM = "Pointlearn interactive segmentation";

    /** A lesion segmented with Pointlearn by the given model version. */
    public static SegmentDescription lesion(String label, String modelVersionId) {
        return new SegmentDescription(label, ALTERED_STRUCTURE, LESION, POINTLEARN_ALGORITHM, modelVersionId);
    }
}
