package org.pointlearn.dicom.pacs;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How the workstation meets PACS nodes.
 *
 * @param storeAeTitle our AE title as C-MOVE destination (the store SCP's)
 * @param storePort the store SCP's port
 * @param timeout the deadline of one query, echo or retrieve
 * @param allowedAes the AE titles whose C-STOREs the store SCP keeps (the configured nodes)
 */
public record PacsSettings(String storeAeTitle, int storePort, Duration timeout, Supplier<Set<String>> allowedAes) {
}
