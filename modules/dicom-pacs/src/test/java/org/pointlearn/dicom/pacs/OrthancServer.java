package org.pointlearn.dicom.pacs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Orthanc (Debian {@code orthanc} + {@code orthanc-dicomweb}) run as a child process
 * from a JSON configuration in a temporary folder: loopback only, free high ports, its own
 * storage, the listed modalities as the only AEs it talks to.
 */
final class OrthancServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    static final String AE_TITLE = "ORTHANC";

    private final Path folder;
    private final int dicomPort;
    private final int httpPort;
    private final Map<String, Integer> modalities;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Process process;

    /**
     * @param folder its configuration, storage and log
     * @param modalities AE title -> port on 127.0.0.1 of every AE allowed to talk to it
     */
    OrthancServer(Path folder, Map<String, Integer> modalities) throws IOException {
        this.folder = folder;
        this.dicomPort = freePort();
        this.httpPort = freePort();
        this.modalities = Map.copyOf(modalities);
    }

    /** Whether Orthanc is installed. */
    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /**
     * A port nobody uses right now, below Linux's ephemeral range (32768-60999): a port the
     * system hands out (bind to 0) can be given again as the local port of any outgoing
     * connection before the test listens on it, which a clean-clone run met as "Address already
     * in use" on the store SCP's port.
     */
    static int freePort() throws IOException {
        for (int i = 0; i < 200; i++) {
            int port = 20000 + PORTS.nextInt(12000);
            try (ServerSocket s = new ServerSocket(port)) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    private static final java.util.Random PORTS = new java.util.Random();

    /** Starts it (again, with the same storage) and waits until both ports answer. */
    void start() throws IOException, InterruptedException {
        Path config = folder.resolve("orthanc.json");
        Files.writeString(config, configuration());
        process = new ProcessBuilder(BINARY.toString(), config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("orthanc.log")
                        .toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(listens(dicomPort) && listens(httpPort))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("Orthanc did not start: " + Files.readString(folder.resolve("orthanc.log")));
            }
            Thread.sleep(50);
        }
    }

    /** Kills it at once (SIGKILL), as a crash or a pulled cable would. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** Stores a file through the REST API. */
    void upload(Path dicomFile) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(restUrl() + "/instances"))
                .POST(HttpRequest.BodyPublishers.ofFile(dicomFile)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("Orthanc refused " + dicomFile + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    int dicomPort() {
        return dicomPort;
    }

    String restUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String dicomWebUrl() {
        return restUrl() + "/dicom-web";
    }

    private String configuration() {
        String known = modalities.entrySet().stream()
                .map(e -> String.format("\"%s\": [\"%s\", \"127.0.0.1\", %d]", e.getKey().toLowerCase(), e.getKey(),
                        e.getValue()))
                .collect(Collectors.joining(", "));
        return """
                {
                  "Name": "pointlearn-test",
                  "StorageDirectory": "%s",
                  "IndexDirectory": "%s",
                  "HttpPort": %d,
                  "DicomPort": %d,
                  "DicomAet": "%s",
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "DicomCheckCalledAet": true,
                  "DicomAlwaysAllowEcho": false,
                  "DicomAlwaysAllowStore": false,
                  "DicomModalities": { %s },
                  "Plugins": ["%s"],
                  "DicomWeb": { "Enable": true, "Root": "/dicom-web/" }
                }
                """.formatted(folder.resolve("storage"), folder.resolve("index"), httpPort, dicomPort, AE_TITLE, known,
                DICOMWEB_PLUGIN);
    }

    private static boolean listens(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
