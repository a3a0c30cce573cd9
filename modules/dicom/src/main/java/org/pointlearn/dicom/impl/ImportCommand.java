package org.pointlearn.dicom.impl;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportFailure;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;

/**
 * The headless importer behind {@code scripts/pointlearn-import}: the same import as the
 * workstation's File > Import, into the index of the workstation's user directory or of
 * {@code --db <dir>}. Prints {@code imported N, duplicates M, failed K} and one line per
 * failed file; exits 0 unless the command itself could not run.
 */
public final class ImportCommand {

    /** Exit code when the source or the index could not be used at all. */
    static final int CANNOT_RUN = 1;
    /** Exit code for a malformed command line. */
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "usage: pointlearn-import <folder|DICOMDIR|zip|file> [--db <index folder>]";
    /** Held so the logging configuration is not collected: PixelMed logs every corrupt file at SEVERE. */
    private static final Logger PIXELMED = Logger.getLogger("com.pixelmed");
    /** The command's output is its summary: the index's INFO lines stay out of the way. */
    private static final Logger POINTLEARN = Logger.getLogger("org.pointlearn");

    private ImportCommand() {
    }

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        PIXELMED.setLevel(Level.OFF);
        POINTLEARN.setLevel(Level.WARNING);
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command.
     *
     * @return the exit code
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Path source = null;
        Path db = defaultIndex();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db") && i + 1 < args.length) {
                db = Path.of(args[++i]);
            } else if (args[i].startsWith("-") || source != null) {
                err.println(USAGE_TEXT);
                return USAGE;
            } else {
                source = Path.of(args[i]);
            }
        }
        if (source == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            ImportResult result = new LocalStudyIndex(db, DemoStudyBuilder.DEBIAN_TEMPLATE)
                    .importFrom(source, ImportMonitor.SILENT);
            out.println(result.summary());
            for (ImportFailure failure : result.failed()) {
                out.println("failed: " + failure);
            }
            return 0;
        } catch (DicomException e) {
            err.println("pointlearn-import: " + e.getMessage());
            return CANNOT_RUN;
        }
    }

    /** The index of the workstation's default user directory ({@code ~/.pointlearn/0.1}). */
    private static Path defaultIndex() {
        return Path.of(System.getProperty("user.home"), ".pointlearn", "0.1", "pointlearn");
    }
}
