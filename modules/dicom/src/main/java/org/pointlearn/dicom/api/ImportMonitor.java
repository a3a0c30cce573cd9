package org.pointlearn.dicom.api;

/** Follows an import as it runs and can stop it; called on the importing thread. */
public interface ImportMonitor {

    /** A monitor that shows nothing and never cancels. */
    ImportMonitor SILENT = new ImportMonitor() {
    };

    /** The number of files to read is now known. */
    default void started(int files) {
    }

    /** One more file was read; {@code done} files of the total so far. */
    default void progressed(int done, String current) {
    }

    /** Whether the user asked to stop; checked between files. */
    default boolean isCancelled() {
        return false;
    }
}
