package org.pointlearn.dicom.pacs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Splits a multipart/related body (RFC 2046) into the bodies of its parts. */
final class MultipartParts {

    private MultipartParts() {
    }

    /** The boundary parameter of a multipart Content-Type header. */
    static String boundary(String contentType) throws IOException {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return p.substring("boundary=".length()).replace("\"", "");
            }
        }
        throw new IOException("The response is not multipart (Content-Type: " + contentType + ")");
    }

    /** The part bodies, headers removed, in order. */
    static List<byte[]> split(byte[] body, String boundary) throws IOException {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int afterDelimiter = at + delimiter.length;
            if (afterDelimiter + 1 < body.length && body[afterDelimiter] == '-' && body[afterDelimiter + 1] == '-') {
                return parts;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), afterDelimiter);
            int next = indexOf(body, delimiter, afterDelimiter);
            if (headersEnd < 0 || next < 0) {
                throw new IOException("The multipart response is cut off after " + parts.size() + " parts");
            }
            parts.add(Arrays.copyOfRange(body, headersEnd + 4, next - 2));
            at = next;
        }
        throw new IOException("The multipart response has no boundary " + boundary);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
