package org.pointlearn.evaluation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * A dataset folder named as the domain, under {@code into}, holding copies of the given images of
     * that shared domain and their masks.
     */
    public static Path subset(String domain, List<String> ids, Path into) throws IOException {
        Path out = into.resolve(domain);
        for (String part : List.of("images", "masks")) {
            Files.createDirectories(out.resolve(part));
            for (String id : ids) {
                Files.copy(domain(domain).resolve(part).resolve(id + ".png"), out.resolve(part).resolve(id + ".png"));
            }
        }
        return out;
    }
}
