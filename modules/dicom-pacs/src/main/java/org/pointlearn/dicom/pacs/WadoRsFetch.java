package org.pointlearn.dicom.pacs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.pointlearn.dicom.api.PacsException;
import org.pointlearn.dicom.api.PacsNode;

/**
 * DICOMweb WADO-RS: GET {@code <web url>/studies/<uid>[/series/<uid>]} as
 * {@code multipart/related; type="application/dicom"}, each part stored as one file. The
 * response is held in memory while it is split.
 */
final class WadoRsFetch implements Fetch {

    private final Duration timeout;

    /** @param timeout how long the whole retrieve may take */
    WadoRsFetch(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void fetch(PacsNode node, String study, String series, ReceivedFiles received) throws PacsException {
        if (node.webUrl().isEmpty()) {
            throw new PacsException(PacsException.Reason.FAILED_STATUS, "PACS " + node.describe()
                    + " has no DICOMweb URL: set one in its options to retrieve by WADO-RS", null);
        }
        URI uri = URI.create(node.webUrl().replaceAll("/+$", "") + "/studies/" + study
                + (series.isEmpty() ? "" : "/series/" + series));
        ScuDeadline.run(node, "retrieving images (WADO-RS)", timeout, received::cancelled, () -> {
            store(node, get(uri), received);
            return null;
        });
    }

    private HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "multipart/related; type=\"application/dicom\"").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void store(PacsNode node, HttpResponse<byte[]> response, ReceivedFiles received)
            throws IOException, PacsException {
        if (response.statusCode() != 200) {
            throw new PacsException(PacsException.Reason.FAILED_STATUS, "PACS " + node.describe() + " answered HTTP "
                    + response.statusCode() + " to " + response.uri(), null);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        List<byte[]> parts = MultipartParts.split(response.body(), MultipartParts.boundary(type));
        for (int i = 0; i < parts.size(); i++) {
            Path file = received.folder().resolve(String.format("wado-%05d.dcm", i + 1));
            Files.write(file, parts.get(i));
            received.arrived(file);
        }
    }
}
