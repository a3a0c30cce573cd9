package org.pointlearn.evaluation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PatientGroupsTest {

    @Test
    void sliceSuffixIsDroppedToGetPatientAndStudy() {
        assertEquals("BraTS-MET-00230-000", PatientGroups.of("BraTS-MET-00230-000_1057"));
    }

    @Test
    void idWithoutUnderscoreIsItsOwnGroup() {
        assertEquals("105006", PatientGroups.of("105006"));
    }

    @Test
    void datasetNamePrefixIsNotAPatient() {
        assertEquals("IDRiD_01", PatientGroups.of("IDRiD_01"));
    }
}
