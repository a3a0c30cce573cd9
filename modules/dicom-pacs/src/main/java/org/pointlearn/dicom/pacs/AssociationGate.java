package org.pointlearn.dicom.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store SCP's front door: reads the calling AE title from each A-ASSOCIATE-RQ and
 * refuses an AE that is not a configured PACS node with an A-ASSOCIATE-RJ ("calling AE
 * title not recognised"), before any object is sent. Accepted associations are relayed,
 * byte for byte, to the DICOM toolkit's SCP listening on loopback only. (PixelMed's SCP
 * offers no hook to refuse by calling AE.)
 */
final class AssociationGate implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AssociationGate.class.getName());
    /** PDU type, reserved, length (4), protocol version (2), reserved (2), called AE (16), calling AE (16). */
    private static final int HEADER = 42;
    private static final int HEADER_TIMEOUT_MS = 10_000;
    /** A-ASSOCIATE-RJ: rejected-permanent (1), by the service user (1), calling AE not recognised (3). */
    private static final byte[] REJECT = {0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x01, 0x01, 0x03};

    private final ServerSocket server;
    private final int innerPort;
    private final Supplier<Set<String>> allowedAes;
    private final Set<Integer> relayPorts = ConcurrentHashMap.newKeySet();

    /**
     * @param port the public store port
     * @param innerPort the loopback port of the toolkit's SCP
     * @param allowedAes the configured AE titles (asked on every association: nodes change)
     * @throws IOException when the port cannot be opened
     */
    AssociationGate(int port, int innerPort, Supplier<Set<String>> allowedAes) throws IOException {
        this.server = new ServerSocket(port);
        this.innerPort = innerPort;
        this.allowedAes = allowedAes;
    }

    /** Whether a loopback connection to the inner SCP came from this gate. */
    boolean isRelay(Socket inner) {
        return inner.getInetAddress().isLoopbackAddress() && relayPorts.contains(inner.getPort());
    }

    /** Accepts associations until closed; run on a daemon thread. */
    void serve() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                daemon("pointlearn-store-gate", () -> admit(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "Store SCP stopped accepting associations", e);
                }
                return;
            }
        }
    }

    private void admit(Socket client) {
        try (client) {
            client.setSoTimeout(HEADER_TIMEOUT_MS);
            byte[] head = client.getInputStream().readNBytes(HEADER);
            if (head.length < HEADER || head[0] != 0x01) {
                return;
            }
            String calling = new String(head, 26, 16, StandardCharsets.US_ASCII).trim();
            if (!allowedAes.get().contains(calling)) {
                client.getOutputStream().write(REJECT);
                client.getOutputStream().flush();
                LOG.log(Level.WARNING, "Store SCP refused an association from AE {0}: not a configured PACS node", calling);
                return;
            }
            client.setSoTimeout(0);
            relay(client, head);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Store SCP association ended", e);
        }
    }

    private void relay(Socket client, byte[] head) throws IOException {
        try (Socket inner = new Socket()) {
            inner.bind(null);
            relayPorts.add(inner.getLocalPort());
            try {
                inner.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), innerPort));
                inner.getOutputStream().write(head);
                Thread back = daemon("pointlearn-store-relay", () -> copy(inner, client, client::shutdownOutput));
                copy(client, inner, () -> shutdown(inner));
                back.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                relayPorts.remove(inner.getLocalPort());
            }
        }
    }

    private static void copy(Socket from, Socket to, IoAction done) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            out.flush();
            done.run();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Store SCP relay closed", e);
        }
    }

    private static void shutdown(Socket s) throws IOException {
        if (!s.isClosed()) {
            s.shutdownOutput();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the store SCP port", e);
        }
    }
}
