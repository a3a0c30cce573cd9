package org.pointlearn.dicom.pacs;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.SeriesMatch;
import org.pointlearn.dicom.api.StudyMatch;
import org.pointlearn.dicom.api.StudyQuery;

/** DICOMweb QIDO-RS: study and series searches as {@code application/dicom+json}, for nodes retrieved by WADO-RS. */
final class QidoRsQuery {

    private final Duration timeout;

    /** @param timeout how long one query may take */
    QidoRsQuery(Duration timeout) {
        this.timeout = timeout;
    }

    /** Studies matching the filters. */
    List<StudyMatch> studies(PacsNode node, StudyQuery q) throws PacsException {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("PatientName", q.patientName());
        keys.put("PatientID", q.patientId());
        keys.put("StudyDate", q.dateRange());
        keys.put("ModalitiesInStudy", q.modality());
        keys.put("AccessionNumber", q.accessionNumber());
        keys.put("includefield", "StudyDescription,NumberOfStudyRelatedInstances,ModalitiesInStudy");
        return search(node, "/studies", keys, json -> new StudyMatch(text(json, "0020000D"), text(json, "00100010"),
                text(json, "00100020"), text(json, "00080020"), text(json, "00081030"), text(json, "00080050"),
                text(json, "00080061"), number(json, "00201208")));
    }

    /** Series of one study. */
    List<SeriesMatch> series(PacsNode node, String studyInstanceUid) throws PacsException {
        Map<String, String> keys = Map.of("includefield", "SeriesDescription,NumberOfSeriesRelatedInstances");
        return search(node, "/studies/" + studyInstanceUid + "/series", keys, json -> new SeriesMatch(studyInstanceUid,
                text(json, "0020000E"), text(json, "00080060"), Math.max(0, number(json, "00200011")),
                text(json, "0008103E"), number(json, "00201209")));
    }

    private <T> List<T> search(PacsNode node, String path, Map<String, String> keys, Function<JsonObject, T> match)
            throws PacsException {
        if (node.webUrl().isEmpty()) {
            throw new PacsException(PacsException.Reason.FAILED_STATUS, "PACS " + node.describe()
                    + " has no DICOMweb URL: set one in its options to search by QIDO-RS", null);
        }
        String query = keys.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(node.webUrl().replaceAll("/+$", "") + path + (query.isEmpty() ? "" : "?" + query));
        return ScuDeadline.run(node, "searching (QIDO-RS)", timeout, () -> {
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout).build()
                    .send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/dicom+json")
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 204) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new PacsException(PacsException.Reason.FAILED_STATUS, "PACS " + node.describe()
                        + " answered HTTP " + response.statusCode() + " to " + uri, null);
            }
            List<T> matches = new ArrayList<>();
            for (JsonElement e : JsonParser.parseString(response.body()).getAsJsonArray()) {
                matches.add(match.apply(e.getAsJsonObject()));
            }
            return matches;
        });
    }

    /** The first value of an attribute in DICOM JSON (PS3.18 F.2); person names by their alphabetic form. */
    private static String text(JsonObject dataset, String tag) {
        JsonArray values = values(dataset, tag);
        if (values == null || values.isEmpty() || values.get(0).isJsonNull()) {
            return "";
        }
        JsonElement first = values.get(0);
        if (first.isJsonObject()) {
            JsonElement alphabetic = first.getAsJsonObject().get("Alphabetic");
            return alphabetic == null ? "" : alphabetic.getAsString();
        }
        return values.asList().stream().map(JsonElement::getAsString).collect(Collectors.joining("\\"));
    }

    private static int number(JsonObject dataset, String tag) {
        JsonArray values = values(dataset, tag);
        return values == null || values.isEmpty() ? -1 : values.get(0).getAsInt();
    }

    private static JsonArray values(JsonObject dataset, String tag) {
        JsonObject attribute = dataset.getAsJsonObject(tag);
        return attribute == null ? null : attribute.getAsJsonArray("Value");
    }
}
