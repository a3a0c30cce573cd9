package org.pointlearn.evaluation.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a domain folder laid out as {@code <domain>/images/<id>.<ext>} and
 * {@code <domain>/masks/<id>.<ext>}, in any format javax.imageio decodes. Pairs that cannot be
 * used (image without mask, mask without image, sizes that differ, unreadable file, empty
 * mask, two files with one id) are skipped and reported; the read goes on.
 */
public final class DatasetReader {

    /** Subfolder holding the images. */
    public static final String IMAGES = "images";
    /** Subfolder holding the masks. */
    public static final String MASKS = "masks";

    /** Reads all pairs of the domain folder, sorted by id, with the problems found. */
    public Dataset read(Path domainFolder) throws DatasetException {
        Path folder = domainFolder.toAbsolutePath().normalize();
        Map<String, List<Path>> images = filesById(requireFolder(folder, IMAGES));
        Map<String, List<Path>> masks = filesById(requireFolder(folder, MASKS));
        List<DatasetProblem> problems = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        PairReader pairs = new PairReader(problems);
        for (Map.Entry<String, List<Path>> entry : images.entrySet()) {
            String id = entry.getKey();
            List<Path> imageFiles = entry.getValue();
            List<Path> maskFiles = masks.getOrDefault(id, List.of());
            if (isUnambiguous(id, imageFiles, maskFiles, problems)) {
                pairs.read(id, imageFiles.get(0), maskFiles.get(0)).ifPresent(samples::add);
            }
        }
        masks.keySet().removeAll(images.keySet());
        masks.values().forEach(files -> files.forEach(f -> problems.add(new DatasetProblem(f,
                "mask without image: no file " + IMAGES + "/" + idOf(f) + ".*"))));
        problems.sort(Comparator.comparing((DatasetProblem p) -> p.file().toString())
                .thenComparing(DatasetProblem::reason));
        return new Dataset(String.valueOf(folder.getFileName()), samples, problems);
    }

    /** The id of a file: its name without the last extension. */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean isUnambiguous(String id, List<Path> imageFiles, List<Path> maskFiles,
            List<DatasetProblem> problems) {
        if (maskFiles.isEmpty()) {
            problems.add(new DatasetProblem(imageFiles.get(0),
                    "image without mask: no file " + MASKS + "/" + id + ".*"));
            return false;
        }
        boolean unique = true;
        if (imageFiles.size() > 1) {
            imageFiles.forEach(f -> problems.add(new DatasetProblem(f, sharedId("images", id, imageFiles))));
            unique = false;
        }
        if (maskFiles.size() > 1) {
            maskFiles.forEach(f -> problems.add(new DatasetProblem(f, sharedId("masks", id, maskFiles))));
            unique = false;
        }
        return unique;
    }

    private static String sharedId(String kind, String id, List<Path> files) {
        return "several " + kind + " have the id " + id + " ("
                + files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "))
                + "); keep one of them";
    }

    private static Path requireFolder(Path domainFolder, String name) throws DatasetException {
        Path sub = domainFolder.resolve(name);
        if (!Files.isDirectory(sub)) {
            throw new DatasetException("no folder " + sub + ": a domain folder must hold " + IMAGES + "/<id>.<ext> and "
                    + MASKS + "/<id>.<ext> (mask non-zero = object)");
        }
        return sub;
    }

    /** Regular, non-hidden files of a folder grouped by id, ids and files sorted. */
    private static Map<String, List<Path>> filesById(Path folder) throws DatasetException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .collect(Collectors.groupingBy(DatasetReader::idOf, TreeMap::new, Collectors.toList()));
        } catch (IOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
