package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * dcmtk's decoding of a file, the independent reference for our pixel values: compressed
 * files are decompressed by dcmtk's own codec (dcmdrle, dcmdjpeg, dcmdjpls), everything is
 * converted to explicit little endian, and dcmdump writes the raw pixel words.
 */
final class DcmtkReference {

    private static final Map<String, String> DECOMPRESSORS = Map.of(
            "1.2.840.10008.1.2.5", "dcmdrle",
            "1.2.840.10008.1.2.4.50", "dcmdjpeg",
            "1.2.840.10008.1.2.4.51", "dcmdjpeg",
            "1.2.840.10008.1.2.4.57", "dcmdjpeg",
            "1.2.840.10008.1.2.4.70", "dcmdjpeg",
            "1.2.840.10008.1.2.4.80", "dcmdjpls",
            "1.2.840.10008.1.2.4.81", "dcmdjpls");

    private DcmtkReference() {
    }

    /** Whether dcmtk can decode this transfer syntax (it has no JPEG 2000 codec). */
    static boolean decodes(String syntax) {
        return !syntax.startsWith("1.2.840.10008.1.2.4.9");
    }

    /** The raw pixel words (16-bit) of a file as dcmtk decodes them, all frames concatenated. */
    static short[] words(Path file, String syntax, Path work) throws IOException, InterruptedException {
        Path plain = work.resolve(file.getFileName() + ".le.dcm");
        String tool = DECOMPRESSORS.getOrDefault(syntax, "dcmconv");
        run("/usr/bin/" + tool, "+te", file.toString(), plain.toString());
        short[] words = Dcmtk.pixelWords(plain, work);
        Files.deleteIfExists(plain);
        return words;
    }

    /** Runs a dcmtk tool, failing with its output when it fails. */
    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
