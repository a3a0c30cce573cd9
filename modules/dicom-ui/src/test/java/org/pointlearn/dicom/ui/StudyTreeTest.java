package org.pointlearn.dicom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import org.junit.jupiter.api.Test;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;

class StudyTreeTest {

    private static final SeriesRef T1 = new SeriesRef("2.25.1", "2.25.11", "MR", "T1 1 mm (Colin27 template)", 181);
    private static final SeriesRef LOCALIZER = new SeriesRef("2.25.2", "2.25.21", "MR", "", 1);
    private static final SeriesRef EPI = new SeriesRef("2.25.2", "2.25.22", "MR", "Product EPI Sag Ascending", 63);
    private static final SeriesRef CT = new SeriesRef("2.25.3", "2.25.31", "CT", "Head", 120);
    private static final List<IndexedStudy> STUDIES = List.of(
            new IndexedStudy("Colin27^Demo", "PL-DEMO-COLIN27", "2.25.1", "20261128",
                    "Pointlearn demo: Colin27 brain MRI", List.of(T1)),
            new IndexedStudy("Doe^Jane", "123", "2.25.2", "20240105", "", List.of(LOCALIZER, EPI)),
            new IndexedStudy("Doe^Jane", "123", "2.25.3", "", "Trauma", List.of(CT)));

    @Test
    void showsPatientsStudiesAndSeriesWithDatesDescriptionsAndCounts() {
        DefaultTreeModel model = StudyTree.build(STUDIES, "");

        assertEquals(List.of(
                "Colin27^Demo (PL-DEMO-COLIN27)",
                "  2026-11-28  Pointlearn demo: Colin27 brain MRI",
                "    MR  T1 1 mm (Colin27 template)  \u2014 181 images",
                "Doe^Jane (123)",
                "  2024-01-05",
                "    MR  \u2014 1 image",
                "    MR  Product EPI Sag Ascending  \u2014 63 images",
                "  (no date)  Trauma",
                "    CT  Head  \u2014 120 images"), lines(model));
    }

    @Test
    void onlySeriesNodesOpenSomething() {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) StudyTree.build(STUDIES, "").getRoot();
        DefaultMutableTreeNode patient = (DefaultMutableTreeNode) root.getChildAt(1);
        DefaultMutableTreeNode study = (DefaultMutableTreeNode) patient.getChildAt(0);

        assertNull(((BrowserEntry) patient.getUserObject()).series());
        assertNull(((BrowserEntry) study.getUserObject()).series());
        assertSame(EPI, ((BrowserEntry) ((DefaultMutableTreeNode) study.getChildAt(1)).getUserObject()).series());
    }

    @Test
    void theFilterKeepsMatchingSeriesWithTheirStudyAndPatient() {
        assertEquals(List.of(
                "Doe^Jane (123)",
                "  2024-01-05",
                "    MR  Product EPI Sag Ascending  \u2014 63 images"), lines(StudyTree.build(STUDIES, "epi")));
    }

    @Test
    void aMatchingPatientOrStudyKeepsEverythingBelowIt() {
        assertEquals(9 - 3, lines(StudyTree.build(STUDIES, "JANE")).size());
        assertEquals(List.of("Doe^Jane (123)", "  (no date)  Trauma", "    CT  Head  \u2014 120 images"),
                lines(StudyTree.build(STUDIES, " trauma ")));
    }

    @Test
    void aFilterMatchingNothingLeavesAnEmptyTree() {
        assertEquals(List.of(), lines(StudyTree.build(STUDIES, "ultrasound")));
    }

    private static List<String> lines(DefaultTreeModel model) {
        List<String> lines = new ArrayList<>();
        collect((DefaultMutableTreeNode) model.getRoot(), -1, lines);
        return lines;
    }

    private static void collect(DefaultMutableTreeNode node, int depth, List<String> lines) {
        if (depth >= 0) {
            lines.add("  ".repeat(depth) + node.getUserObject());
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            collect((DefaultMutableTreeNode) node.getChildAt(i), depth + 1, lines);
        }
    }
}
