package org.pointlearn.dicom.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.List;
import java.util.stream.Collectors;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import org.openide.DialogDisplayer;
import org.openide.NotifyDescriptor;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.dicom.api.ImportFailure;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.ui.ImportTask.ImportOutcome;

/** The dialog that ends an import: counts, whether it was cancelled, and every file not imported with its reason. */
@Messages({
    "# {0} - file or folder",
    "TITLE_importResult=Import of {0}",
    "# {0} - imported images",
    "# {1} - duplicates",
    "# {2} - failed files",
    "MSG_importCounts=Imported {0,choice,0#no images|1#1 image|1<{0} images}; "
            + "{1,choice,0#no duplicates|1#1 duplicate|1<{1} duplicates} skipped; "
            + "{2,choice,0#every file was readable|1#1 file not imported|1<{2} files not imported}.",
    "MSG_importCancelled=The import was cancelled: the images imported so far stay in the index.",
    "# {0} - reason",
    "MSG_importFailed=The import could not run: {0}",
    "LBL_notImported=Files not imported, with the reason:",
})
final class ImportResultDialog {

    private ImportResultDialog() {
    }

    /** Shows the outcome; call on the event thread. */
    static void show(ImportOutcome outcome) {
        String title = Bundle.TITLE_importResult(outcome.source().getFileName());
        NotifyDescriptor message = outcome.result() == null
                ? new NotifyDescriptor.Message(Bundle.MSG_importFailed(outcome.error()), NotifyDescriptor.ERROR_MESSAGE)
                : new NotifyDescriptor.Message(content(outcome.result()), outcome.result().failed().isEmpty()
                        ? NotifyDescriptor.INFORMATION_MESSAGE : NotifyDescriptor.WARNING_MESSAGE);
        message.setTitle(title);
        DialogDisplayer.getDefault().notifyLater(message);
    }

    /** The headline: counts and, when so, that the import was cancelled. */
    static String headline(ImportResult result) {
        String counts = Bundle.MSG_importCounts(result.imported(), result.duplicates(), result.failed().size());
        return result.cancelled() ? counts + " " + Bundle.MSG_importCancelled() : counts;
    }

    /**
     * The files not imported, grouped by reason: a reason given once is "file: reason"; one given
     * for several files is "reason (n files): name, name, ..." (the first ten names). Problems come
     * first, files that are not DICOM at all (notes, licences beside the images) last.
     */
    static String failureLines(ImportResult result) {
        java.util.Map<String, List<ImportFailure>> byReason = new java.util.LinkedHashMap<>();
        for (ImportFailure f : result.failed()) {
            byReason.computeIfAbsent(f.reason(), r -> new java.util.ArrayList<>()).add(f);
        }
        List<String> problems = new java.util.ArrayList<>();
        List<String> notDicom = new java.util.ArrayList<>();
        byReason.forEach((reason, files) -> {
            String line = files.size() == 1 ? files.get(0).toString()
                    : reason + " (" + files.size() + " files): " + files.stream().limit(10)
                            .map(f -> java.nio.file.Path.of(f.source()).getFileName().toString())
                            .collect(Collectors.joining(", ")) + (files.size() > 10 ? ", \u2026" : "");
            (reason.startsWith("not a DICOM file") ? notDicom : problems).add(line);
        });
        problems.addAll(notDicom);
        return String.join("\n", problems);
    }

    private static JComponent content(ImportResult result) {
        JPanel panel = new JPanel(new BorderLayout(0, 8));
        panel.add(new JLabel(headline(result)), BorderLayout.NORTH);
        if (!result.failed().isEmpty()) {
            JTextArea lines = new JTextArea(failureLines(result));
            lines.setEditable(false);
            JScrollPane scroll = new JScrollPane(lines);
            scroll.setPreferredSize(new Dimension(640, 220));
            scroll.setBorder(BorderFactory.createTitledBorder(Bundle.LBL_notImported()));
            panel.add(scroll, BorderLayout.CENTER);
        }
        return panel;
    }
}
