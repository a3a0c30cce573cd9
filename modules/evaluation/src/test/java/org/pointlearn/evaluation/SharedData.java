package org.pointlearn.evaluation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared developer data folder, named by the {@code pointlearn.data} system property. */
public final class SharedData {

    private SharedData() {
    }

    /** The folder of one domain of the shared data. */
    public static Path domain(String name) {
        String root = System.getProperty("pointlearn.data");
        assertNotNull(root, "system property pointlearn.data is not set; run the tests through Maven");
        Path folder = Path.of(root, name);
        assertTrue(Files.isDirectory(folder), "shared data folder missing: " + folder);
        return folder;
    }
}
