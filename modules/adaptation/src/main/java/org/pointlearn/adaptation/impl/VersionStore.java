package org.pointlearn.adaptation.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pointlearn.imaging.api.AtomicFiles;
import org.pointlearn.inference.api.ModelLoadException;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.ModelVersion;
import org.pointlearn.adaptation.api.VersionStoreException;

/**
 * The versions of one adaptation session: the base model and one version per accepted image
 * that changed the model, with their lineage and the active one. A persistent store keeps each
 * version as a model folder under {@code versions/} and the table of contents in
 * {@code manifest.json}, every write atomic, so a crash at any moment leaves the last
 * completed state. Recent versions also stay in memory for fast rollback.
 */
public final class VersionStore implements AutoCloseable {

    static final String MANIFEST = "manifest.json";
    static final String VERSIONS = "versions";

    private final Path folder;
    private final int inMemory;
    private final Manifest manifest;
    private final LinkedHashMap<String, ModelState> states = new LinkedHashMap<>(16, 0.75f, true);
    private final List<String> repairs = new ArrayList<>();

    private VersionStore(Path folder, int inMemory, Manifest manifest) {
        this.folder = folder;
        this.inMemory = inMemory;
        this.manifest = manifest;
    }

    /** A store that keeps its most recent versions in memory only (for evaluation). */
    public static VersionStore inMemory(int versionsInMemory) {
        return new VersionStore(null, versionsInMemory, new Manifest());
    }

    /**
     * Opens the store in a folder, creating it when absent, and clears the debris of an
     * interrupted write (temporary files, version folders the manifest does not list).
     *
     * @param folder the store's folder (the application passes one under the user directory)
     * @param versionsInMemory recent versions kept in memory
     * @throws VersionStoreException when the folder cannot be used or its manifest is damaged
     */
    public static VersionStore open(Path folder, int versionsInMemory) throws VersionStoreException {
        try {
            Files.createDirectories(folder.resolve(VERSIONS));
            Manifest m = readManifest(folder);
            VersionStore store = new VersionStore(folder, versionsInMemory, m == null ? new Manifest() : m);
            store.clearDebris();
            return store;
        } catch (IOException e) {
            throw new VersionStoreException("Model versions in " + folder + " cannot be opened: " + e.getMessage(), e);
        }
    }

    private static Manifest readManifest(Path folder) throws IOException, VersionStoreException {
        String text;
        try {
            text = Files.readString(folder.resolve(MANIFEST), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return Manifest.parse(text);
        } catch (IOException e) {
            throw new VersionStoreException("Model versions in " + folder + ": " + MANIFEST + " is damaged ("
                    + e.getMessage() + "); move the folder aside to start a new lineage", e);
        }
    }

    private void clearDebris() throws IOException {
        List<String> listed = manifest.versions.stream().map(ModelVersion::id).toList();
        Path versionsDir = folder.resolve(VERSIONS);
        for (Path dir : List.of(folder, versionsDir)) {
            try (var entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    // By identity, not by name: a store folder may itself be called "versions".
                    boolean orphan = dir.equals(versionsDir) && !listed.contains(name);
                    if (name.startsWith(AtomicFiles.TEMP_PREFIX) || orphan) {
                        AtomicFiles.deleteTree(p);
                        repairs.add("removed " + name + " left by an interrupted save");
                    }
                }
            }
        }
    }

    /** Whether the store keeps its versions on disk. */
    public boolean persistent() {
        return folder != null;
    }

    /** Whether no version exists yet. */
    public boolean isEmpty() {
        return manifest.versions.isEmpty();
    }

    /** Every version, oldest first. */
    public List<ModelVersion> versions() {
        return List.copyOf(manifest.versions);
    }

    /** The version of that id. */
    public Optional<ModelVersion> version(String id) {
        return manifest.versions.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The active version, or null in an empty store. */
    public ModelVersion active() {
        return manifest.active == null ? null : version(manifest.active).orElseThrow();
    }

    /** What was repaired when the store was opened, in words (empty when nothing). */
    public List<String> repairs() {
        return List.copyOf(repairs);
    }

    /** The id the next version gets. */
    String nextId() {
        int max = -1;
        for (ModelVersion v : manifest.versions) {
            max = Math.max(max, Integer.parseInt(v.id().substring(1)));
        }
        return "v" + (max + 1);
    }

    /** Ids from the base to the version. */
    public List<String> lineage(String id) {
        List<String> ids = new ArrayList<>();
        for (String at = id; at != null; at = version(at).map(ModelVersion::parentId).orElse(null)) {
            ids.add(0, at);
        }
        return ids;
    }

    /**
     * Adds a version made from the live model's current state and makes it active.
     *
     * @param version its record
     * @param model the live model, in the version's state
     * @param state the captured state (owned by the store from now on)
     */
    void commit(ModelVersion version, SegmentationModel model, ModelState state) throws VersionStoreException {
        if (manifest.baseModel == null) {
            manifest.baseModel = model.card().version();
        }
        List<String> ids = new ArrayList<>(lineage(version.parentId() == null ? version.id() : version.parentId()));
        if (version.parentId() != null) {
            ids.add(version.id());
        }
        try {
            if (persistent()) {
                VersionFolder.write(folder.resolve(VERSIONS).resolve(version.id()), model, version, ids);
            }
            manifest.versions.add(version);
            String previous = manifest.active;
            manifest.active = version.id();
            try {
                saveManifest();
            } catch (IOException e) {
                manifest.versions.remove(version);
                manifest.active = previous;
                throw e;
            }
        } catch (IOException e) {
            state.close();
            throw new VersionStoreException("Version " + version.id() + " could not be saved in " + folder + ": "
                    + e.getMessage() + "; the previous version stays active", e);
        }
        remember(version.id(), state);
    }

    /** Makes another version the active one (its state must already be in the model). */
    void activate(String id) throws VersionStoreException {
        String previous = manifest.active;
        manifest.active = version(id).orElseThrow(() -> new VersionStoreException("no version " + id)).id();
        try {
            saveManifest();
        } catch (IOException e) {
            manifest.active = previous;
            throw new VersionStoreException("Model versions in " + folder + ": cannot record " + id
                    + " as active: " + e.getMessage(), e);
        }
    }

    private void saveManifest() throws IOException {
        if (persistent()) {
            AtomicFiles.writeString(folder.resolve(MANIFEST), manifest.toJson() + "\n");
        }
    }

    /** Keeps a copy of a version's state in memory again (owned by the store from now on). */
    void keep(String id, ModelState state) {
        remember(id, state);
    }

    private void remember(String id, ModelState state) {
        ModelState old = states.put(id, state);
        if (old != null && old != state) {
            old.close();
        }
        while (states.size() > inMemory) {
            Map.Entry<String, ModelState> eldest = states.entrySet().iterator().next();
            states.remove(eldest.getKey());
            eldest.getValue().close();
        }
    }

    /**
     * The parameters of a version, from memory or from its folder (owned by the store).
     *
     * @throws VersionStoreException when the version is unknown, no longer kept, or damaged on disk
     */
    ModelState state(String id, SegmentationModel live) throws VersionStoreException {
        ModelState s = states.get(id);
        if (s != null) {
            return s;
        }
        if (version(id).isEmpty()) {
            throw new VersionStoreException("There is no model version " + id);
        }
        if (!persistent()) {
            throw new VersionStoreException("Version " + id + " is no longer kept (only the last " + inMemory
                    + " versions stay in memory in this session)");
        }
        try {
            ModelState loaded = new ModelState(VersionFolder.read(versionFolder(id), live), null);
            remember(id, loaded);
            return loaded;
        } catch (ModelLoadException e) {
            throw new VersionStoreException("Version " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The folder of a persisted version (a model folder). */
    public Path versionFolder(String id) {
        if (!persistent()) {
            throw new IllegalStateException("an in-memory store has no version folders");
        }
        return folder.resolve(VERSIONS).resolve(id);
    }

    /**
     * A small file the session keeps beside the versions (what it learned that is not weights, e.g.
     * the first-square memory); empty when the store is in memory or the file was never written.
     *
     * @throws VersionStoreException when the file is there but cannot be read
     */
    public Optional<String> readBeside(String name) throws VersionStoreException {
        if (!persistent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(folder.resolve(name), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new VersionStoreException(name + " in " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes such a file atomically (nothing when the store is in memory).
     *
     * @throws VersionStoreException when it cannot be written (the one before stays whole)
     */
    public void writeBeside(String name, String text) throws VersionStoreException {
        if (!persistent()) {
            return;
        }
        try {
            AtomicFiles.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new VersionStoreException(name + " cannot be written in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The lineage as JSON: the base model, the active version and every version with its record. */
    public String lineageJson() {
        return manifest.toJson();
    }

    /** Writes the lineage JSON to a file, atomically. */
    public void exportLineage(Path file) throws VersionStoreException {
        try {
            AtomicFiles.writeString(file, lineageJson() + "\n");
        } catch (IOException e) {
            throw new VersionStoreException("Lineage cannot be written to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies a persisted version as a model folder ({@code models/} format) to a new place.
     *
     * @throws VersionStoreException when the version is unknown or the copy fails
     */
    public void exportModel(String id, Path target) throws VersionStoreException {
        Path source = versionFolder(version(id).orElseThrow(() -> new VersionStoreException("There is no model version "
                + id)).id());
        try {
            Files.createDirectories(target);
            for (String name : List.of(VersionFolder.PARAMS, "model.json")) {
                byte[] bytes = Files.readAllBytes(source.resolve(name));
                AtomicFiles.write(target.resolve(name), out -> out.write(bytes));
            }
        } catch (IOException e) {
            throw new VersionStoreException("Version " + id + " cannot be exported to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        states.values().forEach(ModelState::close);
        states.clear();
    }
}
