package org.pointlearn.evaluation.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pointlearn.evaluation.metrics.DiceCurve;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.imaging.api.AtomicFiles;
import org.pointlearn.inference.api.Click;

/**
 * The finished parts of an evaluation, kept in its output folder ({@code parts/}) so that a
 * stopped run goes on where it stopped ({@code --resume}): one file per policy and image order,
 * with every image's whole Dice curve and clicks, and the forgetting check's runs after it, in a
 * form read back exactly (doubles as Java writes them), so a resumed evaluation reports the very
 * numbers of one that ran through. The folder also records the arguments the parts were made
 * with; parts made with others are refused, not mixed.
 *
 * <p>Lines of a part: {@code run<TAB>domain<TAB>policy<TAB>order}, then {@code image<TAB>id<TAB>dice
 * dice ...<TAB>x,y,+ x,y,- ...} per image; {@code source} starts the next run (the forgetting check's
 * runs on each source domain, in order). Written to a temporary file and moved into place, so a
 * part is there whole or not at all.
 */
public final class RunParts {

    /** The folder of the parts inside an evaluation's output folder. */
    public static final String FOLDER = "parts";
    private static final String ARGUMENTS = "arguments.txt";
    private static final String SOURCE_BEFORE = "source-before.txt";

    /**
     * One policy's run in one image order and the forgetting check's runs made after it (may be
     * empty); or, with no run, the check's runs with the model as shipped.
     */
    public record Part(PolicyRun run, List<PolicyRun> sourceAfter) {
        /** Copies the list. */
        public Part {
            sourceAfter = List.copyOf(sourceAfter);
        }
    }

    private final Path folder;

    private RunParts(Path folder) {
        this.folder = folder;
    }

    /**
     * The parts folder of an output folder for an evaluation with these arguments: created and
     * stamped with them when new, checked against them when there.
     *
     * @param resume false to remove the parts a former run kept (the run starts over)
     * @throws IOException when the folder holds parts made with other arguments (in words)
     */
    public static RunParts open(Path out, String arguments, boolean resume) throws IOException {
        Path folder = out.resolve(FOLDER);
        if (!resume) {
            AtomicFiles.deleteTree(folder);
        }
        Path stamp = folder.resolve(ARGUMENTS);
        if (Files.exists(stamp)) {
            String before = Files.readString(stamp, StandardCharsets.UTF_8).strip();
            if (!before.equals(arguments.strip())) {
                throw new IOException("the finished parts in " + folder + " were made with other arguments ("
                        + before + "): remove that folder or choose another output folder");
            }
        } else {
            Files.createDirectories(folder);
            AtomicFiles.writeString(stamp, arguments.strip() + "\n");
        }
        return new RunParts(folder);
    }

    /** The finished part of a policy in an image order, if there is one. */
    public Optional<Part> find(String policy, int order) throws IOException {
        Path file = file(policy, order);
        return Files.exists(file) ? Optional.of(parse(Files.readAllLines(file, StandardCharsets.UTF_8), file))
                : Optional.empty();
    }

    /** The forgetting check's runs with the model as shipped, if they were kept. */
    public Optional<List<PolicyRun>> findSourceBefore() throws IOException {
        Path file = folder.resolve(SOURCE_BEFORE);
        return Files.exists(file) ? Optional.of(parse(Files.readAllLines(file, StandardCharsets.UTF_8), file).sourceAfter())
                : Optional.empty();
    }

    /** Keeps the forgetting check's runs with the model as shipped. */
    public void keepSourceBefore(List<PolicyRun> runs) throws IOException {
        write(folder.resolve(SOURCE_BEFORE), new Part(null, runs));
    }

    /** Keeps a finished part (whole or not at all). */
    public void keep(Part part) throws IOException {
        write(file(part.run().policy(), part.run().order()), part);
    }

    private static void write(Path file, Part part) throws IOException {
        StringBuilder b = new StringBuilder();
        if (part.run() != null) {
            append(b, "run", part.run());
        }
        for (PolicyRun after : part.sourceAfter()) {
            append(b, "source", after);
        }
        AtomicFiles.writeString(file, b.toString());
    }

    private Path file(String policy, int order) {
        return folder.resolve(policy.replaceAll("[^A-Za-z0-9.+-]", "_") + "-order" + order + ".txt");
    }

    private static void append(StringBuilder b, String kind, PolicyRun run) {
        b.append(kind).append('\t').append(field(run.domain())).append('\t').append(field(run.policy()))
                .append('\t').append(run.order()).append('\n');
        for (ImageResult image : run.images()) {
            b.append("image\t").append(field(image.image())).append('\t');
            for (int k = 1; k <= image.curve().length(); k++) {
                b.append(k > 1 ? " " : "").append(image.diceAt(k));
            }
            b.append('\t');
            List<Click> clicks = image.clicks();
            for (int i = 0; i < clicks.size(); i++) {
                Click c = clicks.get(i);
                b.append(i > 0 ? " " : "").append(c.x()).append(',').append(c.y()).append(',')
                        .append(c.positive() ? '+' : '-');
            }
            b.append('\n');
        }
    }

    private static String field(String text) {
        if (text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a name with a tab or a line break cannot be kept: '" + text + "'");
        }
        return text;
    }

    private static Part parse(List<String> lines, Path file) throws IOException {
        PolicyRun main = null;
        List<PolicyRun> sources = new ArrayList<>();
        String[] head = null;
        List<ImageResult> images = new ArrayList<>();
        try {
            for (String line : lines) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f[0].equals("run") || f[0].equals("source")) {
                    if (f.length != 4 || (f[0].equals("run") && head != null)) {
                        throw new IllegalArgumentException("unexpected line '" + line + "'");
                    }
                    if (head != null) {
                        sources.add(new PolicyRun(head[1], head[2], images, Integer.parseInt(head[3])));
                    }
                    head = f;
                    images = new ArrayList<>();
                } else if (f[0].equals("image") && head != null && f.length == 4) {
                    List<Double> dice = new ArrayList<>();
                    for (String d : f[2].split(" ")) {
                        dice.add(Double.parseDouble(d));
                    }
                    List<Click> clicks = new ArrayList<>();
                    for (String c : f[3].isEmpty() ? new String[0] : f[3].split(" ")) {
                        String[] xy = c.split(",");
                        clicks.add(new Click(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]), xy[2].equals("+")));
                    }
                    images.add(new ImageResult(f[1], DiceCurve.of(dice, dice.size()), clicks));
                } else {
                    throw new IllegalArgumentException("unexpected line '" + line + "'");
                }
            }
            if (head == null) {
                throw new IllegalArgumentException("no run in it");
            }
            sources.add(new PolicyRun(head[1], head[2], images, Integer.parseInt(head[3])));
            if (lines.stream().anyMatch(l -> l.startsWith("run\t"))) {
                main = sources.remove(0);
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot read the finished part " + file + " (" + e.getMessage()
                    + "): remove it and it is run again", e);
        }
        return new Part(main, sources);
    }
}
