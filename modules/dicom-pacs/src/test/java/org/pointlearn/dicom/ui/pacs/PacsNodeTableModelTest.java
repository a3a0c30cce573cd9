package org.pointlearn.dicom.ui.pacs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.RetrieveMethod;

class PacsNodeTableModelTest {

    @Test
    void rowsEditedInTheTableBecomeNodes() {
        PacsNodeTableModel model = new PacsNodeTableModel();
        model.setNodes(List.of(new PacsNode("MAIN", "MAINPACS", "pacs.example", 104, "POINTLEARN",
                RetrieveMethod.C_MOVE, "")));
        model.addRow("POINTLEARN");

        model.setValueAt("RESEARCH", 1, 0);
        model.setValueAt(RetrieveMethod.WADO_RS, 1, 5);
        model.setValueAt("http://localhost:8042/dicom-web", 1, 6);

        List<PacsNode> nodes = model.nodes();
        assertEquals("MAINPACS", nodes.get(0).aeTitle());
        assertEquals(new PacsNode("RESEARCH", "ORTHANC", "localhost", 4242, "POINTLEARN", RetrieveMethod.WADO_RS,
                "http://localhost:8042/dicom-web"), nodes.get(1));
    }

    @Test
    void anInvalidRowIsExplained() {
        PacsNodeTableModel model = new PacsNodeTableModel();
        model.addRow("POINTLEARN");
        model.setValueAt("A_TITLE_LONGER_THAN_16", 0, 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, model::nodes);

        assertTrue(e.getMessage().contains("A_TITLE_LONGER_THAN_16") && e.getMessage().contains("1 to 16"),
                e.getMessage());
    }
}
