package org.pointlearn.dicom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudyQueryTest {

    @Test
    void datesBecomeTheDicomRangeMatchingKey() {
        assertEquals("", StudyQuery.ALL.dateRange());
        assertEquals("20240101-20241231", new StudyQuery("", "", "20240101", "20241231", "", "").dateRange());
        assertEquals("20240101-", new StudyQuery("", "", "20240101", "", "", "").dateRange());
        assertEquals("-20241231", new StudyQuery("", "", null, "20241231", null, null).dateRange());
        assertEquals("20240506", new StudyQuery("", "", "20240506", "20240506", "", "").dateRange());
    }

    @Test
    void aDateInAnotherFormatIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StudyQuery("", "", "2024-01-01", "", "", ""));

        assertTrue(e.getMessage().contains("YYYYMMDD"), e.getMessage());
    }
}
