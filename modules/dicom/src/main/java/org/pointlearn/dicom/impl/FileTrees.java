package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** Removes folders of files the study index owns (staging folders, copies of deleted studies). */
final class FileTrees {

    private static final Logger LOG = Logger.getLogger(FileTrees.class.getName());

    private FileTrees() {
    }

    /**
     * Deletes a file or folder with everything in it; nothing happens when it is absent.
     *
     * @throws IOException when something in it cannot be deleted
     */
    static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(tree)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** Deletes as {@link #delete}, logging instead of throwing: for clean-up after another failure. */
    static void deleteQuietly(Path tree) {
        try {
            delete(tree);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove " + tree, e);
        }
    }

    /** Removes now-empty folders from {@code folder} up to, not including, {@code stop}. */
    static void pruneEmpty(Path folder, Path stop) {
        Path current = folder;
        while (current != null && current.startsWith(stop) && !current.equals(stop)) {
            try (Stream<Path> entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
                Files.delete(current);
            } catch (IOException e) {
                LOG.log(Level.FINE, "Could not prune " + current, e);
                return;
            }
            current = current.getParent();
        }
    }
}
