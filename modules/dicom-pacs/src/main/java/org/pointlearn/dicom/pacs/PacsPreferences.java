package org.pointlearn.dicom.pacs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import org.openide.util.NbPreferences;
import org.pointlearn.dicom.api.PacsNode;
import org.pointlearn.dicom.api.RetrieveMethod;

/** The PACS nodes and our own DICOM settings, kept in the NetBeans preferences of this module. */
public final class PacsPreferences {

    /** Our default AE title. */
    public static final String DEFAULT_AE = "POINTLEARN";
    /** The store SCP's default port. */
    public static final int DEFAULT_STORE_PORT = 11112;
    /** The default deadline of one PACS call, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(PacsPreferences.class.getName());
    private static final String NODES = "pacsNodes";

    private PacsPreferences() {
    }

    /** The configured nodes, by name. */
    public static List<PacsNode> nodes() {
        Preferences all = root().node(NODES);
        List<PacsNode> nodes = new ArrayList<>();
        try {
            for (String name : all.childrenNames()) {
                Preferences p = all.node(name);
                nodes.add(new PacsNode(name, p.get("ae", "ORTHANC"), p.get("host", "localhost"), p.getInt("port", 4242),
                        p.get("callingAe", DEFAULT_AE), RetrieveMethod.valueOf(p.get("method", "C_GET")),
                        p.get("webUrl", "")));
            }
        } catch (BackingStoreException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Some PACS nodes in the preferences cannot be read", e);
        }
        nodes.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return nodes;
    }

    /**
     * Replaces the configured nodes.
     *
     * @throws BackingStoreException when the preferences cannot be written
     */
    public static void saveNodes(List<PacsNode> nodes) throws BackingStoreException {
        Preferences all = root().node(NODES);
        for (String name : all.childrenNames()) {
            all.node(name).removeNode();
        }
        for (PacsNode node : nodes) {
            Preferences p = all.node(node.name());
            p.put("ae", node.aeTitle());
            p.put("host", node.host());
            p.putInt("port", node.port());
            p.put("callingAe", node.callingAeTitle());
            p.put("method", node.retrieveMethod().name());
            p.put("webUrl", node.webUrl());
        }
        all.flush();
    }

    /** Our AE title as C-MOVE destination. */
    public static String storeAeTitle() {
        return root().get("storeAe", DEFAULT_AE);
    }

    /** The store SCP's port. */
    public static int storePort() {
        return root().getInt("storePort", DEFAULT_STORE_PORT);
    }

    /** The deadline of one call, in seconds. */
    public static int timeoutSeconds() {
        return root().getInt("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
    }

    /** Saves our own settings. */
    public static void saveLocal(String storeAe, int storePort, int timeoutSeconds) {
        root().put("storeAe", storeAe);
        root().putInt("storePort", storePort);
        root().putInt("timeoutSeconds", timeoutSeconds);
    }

    /** The settings the PACS client runs with now. */
    static PacsSettings settings() {
        return new PacsSettings(storeAeTitle(), storePort(), Duration.ofSeconds(timeoutSeconds()),
                PacsPreferences::nodeAeTitles);
    }

    /** The AE titles of the configured nodes. */
    static Set<String> nodeAeTitles() {
        return nodes().stream().map(PacsNode::aeTitle).collect(Collectors.toSet());
    }

    private static Preferences root() {
        return NbPreferences.forModule(PacsPreferences.class);
    }
}
