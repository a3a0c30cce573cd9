package org.pointlearn.evaluation.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Locale-independent CSV cells ('.' as decimal separator, RFC 4180 quoting) and file writing. */
public final class CsvText {

    private CsvText() {
    }

    /** A number with the given decimals and '.' as separator, whatever the default locale. */
    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A text cell, quoted when it holds a comma, quote or line break. */
    public static String text(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Writes the header and rows as UTF-8 with '\n' line ends, creating parent folders. */
    public static void write(Path file, String header, List<String> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (String row : rows) {
                out.write(row);
                out.write('\n');
            }
        }
    }
}
