package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk's dcmdump, an independent DICOM parser, to check what we write and read. */
final class Dcmtk {

    static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");

    private Dcmtk() {
    }

    /** Whether dcmtk is installed (Debian package dcmtk). */
    static boolean available() {
        return Files.isExecutable(DCMDUMP);
    }

    /** The dcmdump listing of a file. */
    static String dump(Path file) throws IOException, InterruptedException {
        return run(DCMDUMP.toString(), file.toString());
    }

    /** The pixel data as dcmdump extracts it, read as 16-bit little-endian words. */
    static short[] pixelWords(Path file, Path workFolder) throws IOException, InterruptedException {
        run(DCMDUMP.toString(), "+W", workFolder.toString(), file.toString());
        Path raw = workFolder.resolve(file.getFileName() + ".0.raw");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        short[] words = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(words);
        return words;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
