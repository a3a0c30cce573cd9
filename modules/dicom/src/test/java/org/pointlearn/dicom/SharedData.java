package org.pointlearn.dicom;

import java.nio.file.Path;

/** The shared developer data (../shared/data beside the repository), as Maven passes it. */
public final class SharedData {

    private SharedData() {
    }

    /** A file or folder below the shared data folder. */
    public static Path path(String relative) {
        String root = System.getProperty("pointlearn.data");
        if (root == null) {
            throw new IllegalStateException("system property pointlearn.data is not set; run the tests through Maven");
        }
        return Path.of(root, relative);
    }
}
