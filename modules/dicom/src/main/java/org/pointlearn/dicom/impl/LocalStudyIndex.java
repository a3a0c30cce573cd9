package org.pointlearn.dicom.impl;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.ImportResult;
import org.pointlearn.dicom.api.IndexedStudy;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;

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
     * The index in a given folder, for the headless importer and tests.
     *
     * @param root the index folder
     */
    public LocalStudyIndex(Path root) {
        this(root, DemoStudyBuilder.DEBIAN_TEMPLATE);
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

    @Override
    public List<Volume> loadVolumes(SeriesRef series) throws DicomException {
        return SeriesLoader.loadVolumes(instanceFiles(series));
    }

    /**
     * The files of a series' instances.
     *
     * @throws DicomException when the series is not indexed
     */
    @Override
    public List<Path> instanceFiles(SeriesRef series) throws DicomException {
        List<Path> files = open().queries().instanceFiles(series.seriesInstanceUid());
        if (files.isEmpty()) {
            throw new DicomException("The series \"" + series.description() + "\" (" + series.seriesInstanceUid()
                    + ") is not in the study index");
        }
        return files;
    }

    @Override
    public List<WindowLevel> windowPresets(SeriesRef series) throws DicomException {
        return WindowPresets.read(instanceFiles(series).get(0));
    }

    @Override
    public Volume loadFirstSlice(SeriesRef series) throws DicomException {
        return FirstSlice.load(open().queries().instancePlanes(series.seriesInstanceUid()),
                "\"" + series.description() + "\" (" + series.seriesInstanceUid() + ")");
    }

    @Override
    public ImportResult importFrom(Path source, ImportMonitor monitor) throws DicomException {
        ImportResult result;
        try {
            result = open().importer().importFrom(source, monitor);
        } catch (DicomException e) {
            changes.fireChange();
            throw e;
        }
        LOG.log(Level.INFO, "Import of {0}: {1}", new Object[] {source, result.summary()});
        if (result.imported() > 0) {
            changes.fireChange();
        }
        return result;
    }

    /**
     * A new, empty folder in the store's staging area for files about to be imported as
     * copies (e.g. a retrieve in progress); removed when the index next opens unless imported.
     *
     * @throws DicomException when the folder cannot be created
     */
    @Override
    public Path newStagingFolder() throws DicomException {
        Path folder = open().location().staging().resolve(UUID.randomUUID().toString());
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new DicomException("Cannot create a staging folder in the study index store: " + e.getMessage(), e);
        }
    }

    /**
     * Imports the files of a staging folder as copies the index owns: the folder is moved
     * into the store first, files not indexed (duplicates, failures) are deleted.
     *
     * @throws DicomException when the folder cannot be moved or the index cannot be written
     */
    @Override
    public ImportResult importStaged(Path stagingFolder, ImportMonitor monitor) throws DicomException {
        Opened index = open();
        ImportResult result = index.importer().importStaged(stagingFolder, monitor);
        LOG.log(Level.INFO, "Import of retrieved files: {0}", result.summary());
        if (result.imported() > 0) {
            changes.fireChange();
        }
        return result;
    }

    /**
     * Records whether a series holds every image its PACS announced, after a retrieve.
     *
     * @param expected the number the PACS announced
     * @return whether the series is complete now
     * @throws DicomException when the index cannot be read or written
     */
    @Override
    public boolean recordRetrieved(String seriesInstanceUid, int expected) throws DicomException {
        IndexQueries queries = open().queries();
        boolean complete = queries.indexedImages(seriesInstanceUid) >= expected;
        queries.markIncomplete(seriesInstanceUid, !complete);
        changes.fireChange();
        return complete;
    }

    @Override
    public void deleteStudy(String studyInstanceUid) throws DicomException {
        Opened index = open();
        int files = new StudyRemoval(index.database(), index.location(), index.queries()).remove(studyInstanceUid);
        LOG.log(Level.INFO, "Study {0} removed from the index, {1} stored files deleted",
                new Object[] {studyInstanceUid, files});
        changes.fireChange();
    }

    /**
     * Imports every file under a folder, in place.
     *
     * @throws DicomException when the folder cannot be listed or the index cannot be written
     */
    ImportResult importFolder(Path folder) throws DicomException {
        return importFrom(folder, ImportMonitor.SILENT);
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
                removeUnfinishedExtractions(location);
                opened = new Opened(location, database, new DicomImporter(database, location),
                        new IndexQueries(database, location.root()));
            }
            return opened;
        }
    }

    /**
     * Extractions an earlier run left unfinished (crash or kill): never indexed, so never
     * needed. Best effort: a transfer still closing (e.g. a cancelled retrieve's last objects)
     * may write into it meanwhile; what is left is removed at the next opening.
     */
    private static void removeUnfinishedExtractions(IndexLocation location) {
        try {
            FileTrees.delete(location.staging());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not clean the staging folder " + location.staging()
                    + " of the study index; it is tried again at the next start", e);
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
    private record Opened(IndexLocation location, IndexDatabase database, DicomImporter importer,
            IndexQueries queries) {
    }
}
