package org.pointlearn.evaluation.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** What a model card says about its training data: the licence and citation lines of SOURCE.md. */
final class DataProvenance {

    private DataProvenance() {
    }

    static String describe(Path domain) throws IOException {
        Path source = domain.resolve("SOURCE.md");
        if (!Files.isRegularFile(source)) {
            return domain.getFileName() + " (no SOURCE.md: licence unknown)";
        }
        return Files.readAllLines(source).stream()
                .map(String::trim)
                .filter(l -> l.startsWith("- Dataset:") || l.startsWith("- Licence") || l.startsWith("- Citation:"))
                .map(l -> l.substring(2))
                .collect(Collectors.joining(" | "));
    }
}
