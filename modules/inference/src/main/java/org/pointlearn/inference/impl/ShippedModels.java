package org.pointlearn.inference.impl;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.openide.modules.InstalledFileLocator;

/**
 * Finds the model folders shipped with the workstation: in the folder named by the
 * {@code pointlearn.models} system property when set, else in the application's
 * {@code models/} folder (copied there from the repository's models/ at build time).
 */
final class ShippedModels {

    /** The model opened at start-up: the demo study is a brain MRI. */
    static final String DEFAULT = "brain-mri";

    private static final String CODE_NAME = "org.pointlearn.inference";

    private ShippedModels() {
    }

    static Optional<Path> locate(String name) {
        String override = System.getProperty("pointlearn.models");
        if (override != null) {
            Path p = Path.of(override, name);
            return Files.isRegularFile(p.resolve("model.json")) ? Optional.of(p) : Optional.empty();
        }
        InstalledFileLocator locator = InstalledFileLocator.getDefault();
        File f = locator == null ? null : locator.locate("models/" + name + "/model.json", CODE_NAME, false);
        return f == null ? Optional.empty() : Optional.of(f.toPath().getParent());
    }

    /** Where a user would look for the shipped models, for messages. */
    static String whereLooked() {
        String override = System.getProperty("pointlearn.models");
        return override != null ? override : "the application's models/ folder";
    }
}
