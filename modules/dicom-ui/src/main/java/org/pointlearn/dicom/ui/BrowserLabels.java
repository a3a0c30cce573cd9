package org.pointlearn.dicom.ui;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openide.util.NbBundle.Messages;
import org.pointlearn.dicom.api.SeriesRef;

/** The texts of the browser's patient, study and series nodes. */
@Messages({
    "# {0} - patient name",
    "# {1} - patient ID",
    "label_patient={0} ({1})",
    "label_noName=(no name)",
    "label_noDate=(no date)",
    "# {0} - number of images",
    "label_images=\u2014 {0,choice,1#1 image|1<{0} images}",
    "label_incomplete=(incomplete: retrieve again)",
})
final class BrowserLabels {

    private BrowserLabels() {
    }

    /** E.g. "Colin27^Demo (PL-DEMO-COLIN27)". */
    static String patient(String name, String id) {
        String shown = name == null || name.isBlank() ? Bundle.label_noName() : name;
        return id == null || id.isBlank() ? shown : Bundle.label_patient(shown, id);
    }

    /** E.g. "2026-11-28  Pointlearn demo: Colin27 brain MRI". */
    static String study(String date, String description) {
        String day = date != null && date.matches("\\d{8}")
                ? date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8)
                : Bundle.label_noDate();
        return description == null || description.isBlank() ? day : day + "  " + description;
    }

    /** E.g. "MR  T1 1 mm (Colin27 template)  — 181 images". */
    static String series(SeriesRef series) {
        return Stream.of(series.modality(), series.description(), Bundle.label_images(series.images()),
                        series.incomplete() ? Bundle.label_incomplete() : "")
                .filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining("  "));
    }
}
