package org.pointlearn.dicom.pacs;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.pointlearn.dicom.api.ImportMonitor;

/** Counts the files a retrieve has received so far and reports them to the user's monitor. */
final class ReceivedFiles {

    private final Path folder;
    private final ImportMonitor monitor;
    private final AtomicInteger count = new AtomicInteger();

    /**
     * @param folder where received files go
     * @param monitor the user's progress and cancel
     */
    ReceivedFiles(Path folder, ImportMonitor monitor) {
        this.folder = folder;
        this.monitor = monitor;
    }

    /** Where received files go. */
    Path folder() {
        return folder;
    }

    /** One more file arrived. */
    void arrived(Path file) {
        monitor.progressed(count.incrementAndGet(), file.getFileName().toString());
    }

    /** How many arrived. */
    int count() {
        return count.get();
    }

    /** Whether the user asked to stop. */
    boolean cancelled() {
        return monitor.isCancelled();
    }
}
