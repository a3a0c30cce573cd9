package org.pointlearn.viewer.ui;

import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.awt.ActionID;
import org.openide.awt.ActionReference;
import org.openide.awt.ActionRegistration;
import org.openide.modules.Modules;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.inference.api.InferenceRuntime;

/**
 * Help > About Pointlearn: the version, what the workstation is built on, and for each shipped
 * model the data it was trained on with their licences (from the models' cards), and the demo
 * study's source and licence. Replaces the platform's About (hidden in the layer).
 */
@ActionID(category = "Help", id = "org.pointlearn.viewer.ui.AboutPointlearnAction")
@ActionRegistration(displayName = "#CTL_AboutPointlearn")
@ActionReference(path = "Menu/Help", position = 1500)
@Messages({
    "CTL_AboutPointlearn=About Pointlearn",
    "# {0} version",
    "ABOUT_Head=Pointlearn {0}\nA DICOM workstation whose segmentation model learns from the user\u2019s clicks.",
    "ABOUT_Built=Built on the Apache NetBeans Platform (Apache-2.0), DJL (Apache-2.0) with PyTorch (BSD-3-Clause), "
            + "VTK (BSD-3-Clause), PixelMed (BSD-style) and SQLite (public domain).",
    "ABOUT_Models=Shipped models (trained by Pointlearn\u2019s own code; their cards in models/<name>/model.json):",
    "ABOUT_Demo=Demo study: the Colin27 average brain (Holmes et al., J Comput Assist Tomogr 22(2), 1998), "
            + "the template ch2.nii.gz of Debian\u2019s mricron-data package, BSD-3-Clause.",
    "ABOUT_NoModels=(no inference module is installed)"
})
public final class AboutPointlearnAction implements ActionListener {

    @Override
    public void actionPerformed(ActionEvent e) {
        InferenceRuntime runtime = InferenceRuntime.getDefault();
        JTextArea text = new JTextArea(text(runtime == null ? null : runtime.shippedModels(), version()));
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.setName("pointlearn.about");
        JScrollPane scroll = new JScrollPane(text);
        scroll.setPreferredSize(new Dimension(620, 420));
        DialogDisplayer.getDefault().notify(new NotifyDescriptor.Message(scroll, NotifyDescriptor.PLAIN_MESSAGE));
    }

    private static String version() {
        var module = Modules.getDefault().ownerOf(AboutPointlearnAction.class);
        return module == null || module.getSpecificationVersion() == null ? "(development build)"
                : module.getSpecificationVersion().toString();
    }

    /** The About text. */
    static String text(List<InferenceRuntime.ModelChoice> shipped, String version) {
        List<String> lines = new ArrayList<>();
        lines.add(Bundle.ABOUT_Head(version));
        lines.add("");
        lines.add(Bundle.ABOUT_Models());
        if (shipped == null) {
            lines.add("  " + Bundle.ABOUT_NoModels());
        } else {
            for (InferenceRuntime.ModelChoice m : shipped) {
                lines.add("- " + m.name() + (m.description().isBlank() ? "" : ": " + m.description()));
                m.trainingData().forEach(d -> lines.add("    " + d));
            }
        }
        lines.add("");
        lines.add(Bundle.ABOUT_Demo());
        lines.add("");
        lines.add(Bundle.ABOUT_Built());
        return String.join("\n", lines);
    }
}
