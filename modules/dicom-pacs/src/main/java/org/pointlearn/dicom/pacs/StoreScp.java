package org.pointlearn.dicom.pacs;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pointlearn.dicom.api.DicomException;

/**
 * Our storage SCP, the destination of C-MOVE: listens on a configured port under our AE
 * title, accepts every transfer syntax the sender proposes (compressed ones included), and
 * refuses associations from AEs that are not configured PACS nodes ({@link AssociationGate});
 * objects arriving while no retrieve waits for them are deleted on arrival and logged
 * without patient data.
 */
final class StoreScp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoreScp.class.getName());
    private static final int MAX_PDU = 16_384;
    private static final int SOCKET_BUFFER = 65_536;

    private final int port;
    private final String aeTitle;
    private final Supplier<Set<String>> allowedAes;
    private final Path incoming;
    private final AtomicReference<ReceivedFiles> target = new AtomicReference<>();
    private ServerSocket inner;
    private AssociationGate gate;

    /**
     * @param port where to listen
     * @param aeTitle our AE title (the move destination)
     * @param allowedAes the AE titles whose objects are kept (asked on every arrival: nodes change)
     * @param incoming where the dispatcher writes objects before they are sorted
     */
    StoreScp(int port, String aeTitle, Supplier<Set<String>> allowedAes, Path incoming) {
        this.port = port;
        this.aeTitle = aeTitle;
        this.allowedAes = allowedAes;
        this.incoming = incoming;
    }

    /**
     * Starts listening.
     *
     * @throws DicomException when the port cannot be opened
     */
    void start() throws DicomException {
        try {
            Files.createDirectories(incoming);
            inner = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            gate = new AssociationGate(port, inner.getLocalPort(), allowedAes);
        } catch (IOException e) {
            close();
            throw new DicomException("The store SCP cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        daemon("pointlearn-store-scp-" + port, gate::serve);
        daemon("pointlearn-store-scp-inner", this::serveInner);
        LOG.log(Level.INFO, "Store SCP {0} listening on port {1}", new Object[] {aeTitle, port});
    }

    /** Runs the toolkit's SCP on every association the gate let through. */
    private void serveInner() {
        while (!inner.isClosed()) {
            try {
                Socket s = inner.accept();
                if (!gate.isRelay(s)) {
                    s.close();
                    continue;
                }
                daemon("pointlearn-store-association", new StorageSOPClassSCP(s, aeTitle, MAX_PDU, SOCKET_BUFFER,
                        SOCKET_BUFFER, incoming.toFile(), StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER,
                        new Handler(), null, null, null, null, new AcceptAsSentPolicy()));
            } catch (IOException | com.pixelmed.network.DicomNetworkException | com.pixelmed.dicom.DicomException e) {
                if (!inner.isClosed()) {
                    LOG.log(Level.WARNING, "Store SCP association failed", e);
                }
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /** Our AE title. */
    String aeTitle() {
        return aeTitle;
    }

    /** Sends objects arriving from now on to {@code files} (one retrieve at a time). */
    void receiveInto(ReceivedFiles files) {
        target.set(files);
    }

    /** Stops routing objects to the current retrieve. */
    void stopReceiving() {
        target.set(null);
    }

    @Override
    public void close() {
        if (gate != null) {
            gate.close();
        }
        if (inner != null) {
            try {
                inner.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing the store SCP's loopback port", e);
            }
        }
    }

    /** Sorts each arriving object: kept for the waiting retrieve, or deleted. */
    private final class Handler extends ReceivedObjectHandler {

        @Override
        public void sendReceivedObjectIndication(String fileName, String syntax, String callingAe) {
            Path file = Path.of(fileName);
            ReceivedFiles files = target.get();
            String sender = callingAe == null ? "" : callingAe.trim();
            boolean allowed = allowedAes.get().contains(sender);
            if (!allowed || files == null) {
                LOG.log(Level.WARNING, "Store SCP discarded an object from AE {0}: {1}", new Object[] {sender,
                        allowed ? "no retrieve is waiting" : "not a configured PACS node"});
                delete(file);
                return;
            }
            try {
                Path kept = files.folder().resolve(file.getFileName());
                Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
                files.arrived(kept);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Store SCP could not keep a received object", e);
                delete(file);
            }
        }

        private void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Store SCP could not delete a discarded object " + file, e);
            }
        }
    }
}
