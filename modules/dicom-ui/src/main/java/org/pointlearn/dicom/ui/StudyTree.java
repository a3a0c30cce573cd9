package org.pointlearn.dicom.ui;

import java.util.List;
import java.util.Locale;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;

/**
 * The browser's tree of patient, study and series nodes, optionally narrowed by a filter
 * text: a node stays when its own label or one of its ancestors' or descendants' matches.
 */
final class StudyTree {

    private StudyTree() {
    }

    /**
     * Builds the tree of the given studies (in index order: studies of one patient adjacent).
     *
     * @param filter text to look for, case-insensitive; blank shows everything
     */
    static DefaultTreeModel build(List<IndexedStudy> studies, String filter) {
        String wanted = filter.strip().toLowerCase(Locale.ROOT);
        DefaultMutableTreeNode root = new DefaultMutableTreeNode("Studies");
        DefaultMutableTreeNode patient = null;
        String patientLabel = null;
        for (IndexedStudy study : studies) {
            String label = BrowserLabels.patient(study.patientName(), study.patientId());
            boolean patientMatches = matches(label, wanted);
            DefaultMutableTreeNode studyNode = studyNode(study, wanted, patientMatches);
            if (studyNode == null) {
                continue;
            }
            if (patient == null || !label.equals(patientLabel)) {
                patient = new DefaultMutableTreeNode(new BrowserEntry(label, null, null));
                patientLabel = label;
                root.add(patient);
            }
            patient.add(studyNode);
        }
        return new DefaultTreeModel(root);
    }

    /** How many studies a tree built by {@link #build} shows. */
    static int studiesShown(DefaultTreeModel model) {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) model.getRoot();
        int n = 0;
        for (int i = 0; i < root.getChildCount(); i++) {
            n += root.getChildAt(i).getChildCount();
        }
        return n;
    }

    /** The study's node with its matching series, or null when nothing of it matches. */
    private static DefaultMutableTreeNode studyNode(IndexedStudy study, String wanted, boolean parentMatches) {
        String label = BrowserLabels.study(study.studyDate(), study.description());
        boolean showAll = parentMatches || matches(label, wanted);
        DefaultMutableTreeNode node = new DefaultMutableTreeNode(new BrowserEntry(label, study, null));
        for (SeriesRef series : study.series()) {
            String seriesLabel = BrowserLabels.series(series);
            if (showAll || matches(seriesLabel, wanted)) {
                node.add(new DefaultMutableTreeNode(new BrowserEntry(seriesLabel, study, series), false));
            }
        }
        return node.getChildCount() > 0 ? node : null;
    }

    private static boolean matches(String label, String wanted) {
        return wanted.isEmpty() || label.toLowerCase(Locale.ROOT).contains(wanted);
    }
}
