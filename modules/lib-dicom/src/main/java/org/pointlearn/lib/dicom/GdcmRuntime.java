package org.pointlearn.lib.dicom;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads GDCM's JNI library (Debian {@code libgdcm-java}) once per JVM. GDCM decodes what no
 * Java codec here does: JPEG-LS, 12-bit lossy JPEG and JPEG 2000. The library must be
 * loaded by this module's class loader before the first {@code gdcm.*} call, else the
 * bindings fail with "swig_module_init".
 */
public final class GdcmRuntime {

    private static final Logger LOG = Logger.getLogger(GdcmRuntime.class.getName());
    private static final Object LOCK = new Object();
    private static String failure;
    private static boolean tried;

    private GdcmRuntime() {
    }

    /** Whether GDCM's natives are loaded (loading them on the first call). */
    public static boolean available() {
        synchronized (LOCK) {
            if (!tried) {
                tried = true;
                try {
                    System.loadLibrary("gdcmjni");
                } catch (UnsatisfiedLinkError e) {
                    failure = "GDCM's native library gdcmjni is not installed (Debian package libgdcm-java): "
                            + e.getMessage();
                    LOG.log(Level.INFO, failure, e);
                }
            }
            return failure == null;
        }
    }

    /** Why GDCM is unavailable, or null when it loaded (or was not tried yet). */
    public static String failure() {
        synchronized (LOCK) {
            return failure;
        }
    }
}
