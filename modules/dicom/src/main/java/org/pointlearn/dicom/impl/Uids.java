package org.pointlearn.dicom.impl;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Fresh DICOM UIDs under the UUID-derived root {@code 2.25} (PS3.5 B.2): unique without a
 * registered organisation root and without coordination between workstations.
 */
final class Uids {

    private Uids() {
    }

    /** A new, globally unique UID of at most 44 characters. */
    static String fresh() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
        return "2.25." + new BigInteger(1, bytes);
    }
}
