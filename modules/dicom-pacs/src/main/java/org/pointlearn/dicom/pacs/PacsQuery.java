package org.pointlearn.dicom.pacs;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.network.FindSOPClassSCU;
import com.pixelmed.network.IdentifierHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.StudyMatch;
import org.pointlearn.dicom.api.StudyQuery;

/** C-FIND at study and series level (study root), each call bounded by a deadline. */
final class PacsQuery {

    private final Duration timeout;

    /** @param timeout how long one query may take */
    PacsQuery(Duration timeout) {
        this.timeout = timeout;
    }

    /** Studies matching the filters. */
    List<StudyMatch> studies(PacsNode node, StudyQuery query) throws PacsException {
        return find(node, "searching studies (C-FIND)", () -> Identifiers.studyQuery(query), Identifiers::study);
    }

    /** Series of one study. */
    List<SeriesMatch> series(PacsNode node, String studyInstanceUid) throws PacsException {
        return find(node, "searching series (C-FIND)", () -> Identifiers.seriesQuery(studyInstanceUid),
                Identifiers::series);
    }

    private <T> List<T> find(PacsNode node, String what, ScuCall<AttributeList> keys, Function<AttributeList, T> match)
            throws PacsException {
        return ScuDeadline.run(node, what, timeout, () -> {
            List<T> matches = new ArrayList<>();
            new FindSOPClassSCU(node.host(), node.port(), node.aeTitle(), node.callingAeTitle(),
                    SOPClass.StudyRootQueryRetrieveInformationModelFind, keys.call(), new IdentifierHandler() {
                        @Override
                        public void doSomethingWithIdentifier(AttributeList identifier) {
                            matches.add(match.apply(identifier));
                        }
                    });
            return matches;
        });
    }
}
