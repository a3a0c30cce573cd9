package org.pointlearn.inference.impl;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openide.modules.InstalledFileLocator;

/**
 * Finds the model folders shipped with the workstation: in the folder named by the
 * {@code pointlearn.models} system property when set, else in the application's
 * {@code models/} folder (copied there from the repository's models/ at build time).
 */
final class ShippedModels {

    /** The model opened at start-up unless the user chose another: the first of these that is shipped. */
    static final List<String> DEFAULTS = List.of("mri-general", "brain-mri");

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

    /** Names of every shipped model folder (those with a model.json), sorted. */
    static List<String> names() {
        String override = System.getProperty("pointlearn.models");
        Path root;
        if (override != null) {
            root = Path.of(override);
        } else {
            InstalledFileLocator locator = InstalledFileLocator.getDefault();
            File f = locator == null ? null : locator.locate("models", CODE_NAME, false);
            if (f == null) {
                return List.of();
            }
            root = f.toPath();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("model.json")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The model to open: the one asked for when it is shipped, else the first default that is. */
    static String choose(String asked, List<String> shipped) {
        if (asked != null && shipped.contains(asked)) {
            return asked;
        }
        return DEFAULTS.stream().filter(shipped::contains).findFirst().orElse(DEFAULTS.get(DEFAULTS.size() - 1));
    }

    /** Where a user would look for the shipped models, for messages. */
    static String whereLooked() {
        String override = System.getProperty("pointlearn.models");
        return override != null ? override : "the application's models/ folder";
    }
}
