package org.pointlearn.dicom.impl;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.swing.event.ChangeListener;
import org.netbeans.api.progress.ProgressHandle;
import org.openide.modules.Places;
import org.openide.util.ChangeSupport;
import org.openide.util.NbBundle.Messages;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.Volume;

/**
 * The study index of this workstation: an SQLite database and a file store in one folder,
 * by default {@code <user dir>/pointlearn}. Opened on first use.
 */
@ServiceProvider(service = StudyIndex.class)
public final class LocalStudyIndex implements StudyIndex {

    private static final Logger LOG = Logger.getLogger(LocalStudyIndex.class.getName());

    private final Path configuredRoot;
    private final Path template;
    private final ChangeSupport changes = new ChangeSupport(this);
    private final Object openLock = new Object();
    private final Object demoLock = new Object();
    private Opened opened;

    /** The index in the user directory (a temporary folder when there is none, as in unit tests). */
    public LocalStudyIndex() {
        this(null, DemoStudyBuilder.DEBIAN_TEMPLATE);
    }

    /**
     * @param root the index folder, or null for the default
     * @param template the Colin27 NIfTI file the demo study is built from
     */
    LocalStudyIndex(Path root, Path template) {
        this.configuredRoot = root;
        this.template = template;
    }

    @Messages("demo_progress=Preparing the demo study…")
    @Override
    public SeriesRef ensureDemoStudy() throws DicomException {
        synchronized (demoLock) {
            Opened index = open();
            Optional<SeriesRef> existing = index.queries().firstSeriesOfPatient(DemoStudyBuilder.PATIENT_ID);
            if (existing.isPresent()) {
                return existing.get();
            }
            DemoStudyBuilder builder = new DemoStudyBuilder(template, index.location().demo());
            builder.removeUnfinished();
            Optional<Path> completed = builder.completedSeries();
            Path folder = completed.isPresent() ? completed.get() : buildWithProgress(builder);
            ImportResult result = index.importer().importFolder(folder);
            if (!result.failed().isEmpty()) {
                throw new DicomException("The demo series in " + folder + " could not be indexed ("
                        + result.failed().get(0) + "); delete that folder and try again");
            }
            changes.fireChange();
            return index.queries().firstSeriesOfPatient(DemoStudyBuilder.PATIENT_ID).orElseThrow(
                    () -> new DicomException("The demo series in " + folder + " was imported but is not in the index"));
        }
    }

    @Override
    public List<IndexedStudy> studies() throws DicomException {
        return open().queries().studies();
    }

    @Override
    public Volume loadSeries(SeriesRef series) throws DicomException {
        List<Path> files = open().queries().instanceFiles(series.seriesInstanceUid());
        if (files.isEmpty()) {
            throw new DicomException("The series \"" + series.description() + "\" (" + series.seriesInstanceUid()
                    + ") is not in the study index");
        }
        return SeriesLoader.load(files);
    }

    /**
     * Imports every file under a folder, in place.
     *
     * @throws DicomException when the folder cannot be listed or the index cannot be written
     */
    ImportResult importFolder(Path folder) throws DicomException {
        ImportResult result = open().importer().importFolder(folder);
        if (result.imported() > 0) {
            changes.fireChange();
        }
        return result;
    }

    @Override
    public void addChangeListener(ChangeListener l) {
        changes.addChangeListener(l);
    }

    @Override
    public void removeChangeListener(ChangeListener l) {
        changes.removeChangeListener(l);
    }

    private Path buildWithProgress(DemoStudyBuilder builder) throws DicomException {
        AtomicBoolean cancelled = new AtomicBoolean();
        try (ProgressHandle progress = ProgressHandle.createHandle(Bundle.demo_progress(), () -> {
            cancelled.set(true);
            return true;
        })) {
            progress.start();
            Volume template = builder.readTemplate();
            progress.switchToDeterminate(template.geometry().depth());
            return builder.write(template, slices -> {
                if (cancelled.get()) {
                    throw new CancellationException();
                }
                progress.progress(slices);
            });
        } catch (CancellationException e) {
            throw new DicomException("Preparing the demo study was cancelled", e);
        }
    }

    private Opened open() throws DicomException {
        synchronized (openLock) {
            if (opened == null) {
                IndexLocation location = new IndexLocation(configuredRoot != null ? configuredRoot : defaultRoot());
                IndexDatabase database = new IndexDatabase(location.database());
                opened = new Opened(location, new DicomImporter(database, location.root()),
                        new IndexQueries(database, location.root()));
            }
            return opened;
        }
    }

    private static Path defaultRoot() throws DicomException {
        File userDirectory = Places.getUserDirectory();
        if (userDirectory != null) {
            return userDirectory.toPath().resolve("pointlearn");
        }
        try {
            Path temporary = Files.createTempDirectory("pointlearn-index-");
            LOG.log(Level.INFO, "No user directory: the study index lives in {0} for this run", temporary);
            return temporary;
        } catch (IOException e) {
            throw new DicomException("No user directory and no temporary folder for the study index: "
                    + e.getMessage(), e);
        }
    }

    /** The parts of an opened index. */
    private record Opened(IndexLocation location, DicomImporter importer, IndexQueries queries) {
    }
}
