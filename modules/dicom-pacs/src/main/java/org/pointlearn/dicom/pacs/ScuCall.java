package org.pointlearn.dicom.pacs;

/** One blocking call of a DICOM or DICOMweb client, run by {@link ScuDeadline}. */
@FunctionalInterface
interface ScuCall<T> {

    /** Performs the call; may block on the network. */
    T call() throws Exception;
}
