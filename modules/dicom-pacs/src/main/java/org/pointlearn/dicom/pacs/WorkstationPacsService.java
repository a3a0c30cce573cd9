package org.pointlearn.dicom.pacs;

import java.nio.file.Path;
import java.util.List;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportMonitor;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.PacsService;
import org.pointlearn.dicom.api.RetrieveMethod;
import org.pointlearn.dicom.api.RetrieveResult;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.StudyIndex;
import org.pointlearn.dicom.api.StudyMatch;
import org.pointlearn.dicom.api.StudyQuery;

/** The PACS client of the workstation: PixelMed SCUs on deadlines, a store SCP for C-MOVE, DICOMweb for WADO-RS. */
@ServiceProvider(service = PacsService.class)
public final class WorkstationPacsService implements PacsService {

    private final StudyIndex index;
    private final PacsSettings settings;
    private final Object scpLock = new Object();
    private StoreScp scp;

    /** The service of the workstation's index, with the settings of the Options panel. */
    public WorkstationPacsService() {
        this(StudyIndex.getDefault(), PacsPreferences.settings());
    }

    /**
     * @param index where retrieved images go
     * @param settings our AE, store port, deadline and allowed senders
     */
    public WorkstationPacsService(StudyIndex index, PacsSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    @Override
    public void echo(PacsNode node) throws PacsException {
        PacsEcho.echo(node, settings.timeout());
    }

    @Override
    public List<StudyMatch> findStudies(PacsNode node, StudyQuery query) throws PacsException {
        return node.retrieveMethod() == RetrieveMethod.WADO_RS
                ? new QidoRsQuery(settings.timeout()).studies(node, query)
                : new PacsQuery(settings.timeout()).studies(node, query);
    }

    @Override
    public List<SeriesMatch> findSeries(PacsNode node, String studyInstanceUid) throws PacsException {
        return node.retrieveMethod() == RetrieveMethod.WADO_RS
                ? new QidoRsQuery(settings.timeout()).series(node, studyInstanceUid)
                : new PacsQuery(settings.timeout()).series(node, studyInstanceUid);
    }

    @Override
    public RetrieveResult retrieve(PacsNode node, String studyInstanceUid, String seriesInstanceUid,
            ImportMonitor monitor) throws PacsException {
        try {
            return new RetrieveTask(index, this::findSeries, fetch(node))
                    .run(node, studyInstanceUid, seriesInstanceUid == null ? "" : seriesInstanceUid, monitor);
        } catch (PacsException e) {
            throw e;
        } catch (DicomException e) {
            throw new PacsException(PacsException.Reason.FAILED_STATUS, "Retrieved images could not be stored: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void store(PacsNode node, Path file) throws PacsException {
        PacsStore.send(node, file, settings.timeout());
    }

    /** Stops the store SCP, if it runs. */
    public void shutdown() {
        synchronized (scpLock) {
            if (scp != null) {
                scp.close();
                scp = null;
            }
        }
    }

    private Fetch fetch(PacsNode node) throws DicomException {
        return switch (node.retrieveMethod()) {
            case C_GET -> new CGetFetch(settings.timeout());
            case C_MOVE -> new CMoveFetch(storeScp(), settings.timeout());
            case WADO_RS -> new WadoRsFetch(settings.timeout());
        };
    }

    private StoreScp storeScp() throws DicomException {
        synchronized (scpLock) {
            if (scp == null) {
                StoreScp started = new StoreScp(settings.storePort(), settings.storeAeTitle(), settings.allowedAes(),
                        index.newStagingFolder());
                started.start();
                scp = started;
            }
            return scp;
        }
    }
}
