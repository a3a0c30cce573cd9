package org.pointlearn.evaluation.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pointlearn.evaluation.data.DataSplit;
import org.pointlearn.evaluation.data.Dataset;
import org.pointlearn.evaluation.data.DatasetException;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.GroupSplit;
import org.pointlearn.evaluation.data.PatientGroups;
import org.pointlearn.evaluation.data.Sample;

/**
 * The training images of one or more domain folders, each split into train and validation by
 * patient or volume, drawn balanced: a domain at random, then one of its object classes at
 * random, then an image of that class.
 */
final class TrainingData {

    /**
     * One domain folder.
     *
     * @param name the folder's name
     * @param folder where it is
     * @param split its train/validation split
     * @param grouping in words, how ids are grouped into patients or volumes
     * @param train training samples by object class
     * @param validation validation samples
     */
    record Domain(String name, Path folder, DataSplit split, String grouping, Map<String, List<Sample>> train,
            List<Sample> validation) {
    }

    private final List<Domain> domains;

    private TrainingData(List<Domain> domains) {
        this.domains = domains;
    }

    /**
     * Reads and splits the folders.
     *
     * @param groups per domain name, a regular expression whose first group is an id's patient or
     *               volume; other domains use {@link PatientGroups#of}
     */
    static TrainingData read(List<Path> folders, Map<String, Pattern> groups, double validationFraction, long seed,
            PrintStream log) throws IOException, DatasetException {
        List<Dataset> read = new ArrayList<>();
        for (Path folder : folders) {
            Dataset ds = new DatasetReader().read(folder);
            ds.problems().forEach(p -> log.println("skipped " + p));
            if (ds.samples().isEmpty()) {
                throw new IOException("no usable image/mask pairs in " + folder);
            }
            read.add(ds);
        }
        int channels = mostCommonChannels(read);
        List<Domain> domains = new ArrayList<>();
        for (int d = 0; d < folders.size(); d++) {
            Path folder = folders.get(d);
            Dataset ds = withChannels(read.get(d), channels, log);
            Pattern pattern = groups.get(ds.domain());
            Function<String, String> grouping = pattern == null ? PatientGroups::of : id -> group(pattern, id);
            DataSplit split = GroupSplit.split(ds.ids(), validationFraction, seed, grouping);
            Map<String, List<Sample>> byClass = new TreeMap<>();
            for (String id : split.train()) {
                byClass.computeIfAbsent(objectClass(id), k -> new ArrayList<>()).add(ds.sample(id).orElseThrow());
            }
            List<Sample> validation = split.validation().stream().map(id -> ds.sample(id).orElseThrow()).toList();
            String words = pattern == null ? "the id before its last '_' (or the whole id)"
                    : "the first group of /" + pattern.pattern() + "/ in the id";
            domains.add(new Domain(ds.domain(), folder, split, words, byClass, validation));
            log.printf("data %s: %d train images in %d classes, %d validation images (%d groups held out; groups: %s)%n",
                    ds.domain(), split.train().size(), byClass.size(), validation.size(), split.validationGroups().size(),
                    words);
        }
        return new TrainingData(List.copyOf(domains));
    }

    /** The channel count most of the images have (the model is made for it); the lower one on a tie. */
    static int mostCommonChannels(List<Dataset> datasets) {
        Map<Integer, Integer> count = new TreeMap<>();
        datasets.forEach(ds -> ds.samples().forEach(s -> count.merge(s.image().channels(), 1, Integer::sum)));
        return count.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /** The domain with every image of the given channel count ({@link Sample#withChannels}), said in the log. */
    private static Dataset withChannels(Dataset ds, int channels, PrintStream log) {
        long converted = ds.samples().stream().filter(s -> s.image().channels() != channels).count();
        if (converted == 0) {
            return ds;
        }
        List<Sample> samples = ds.samples().stream().map(s -> s.withChannels(channels)).toList();
        log.printf("data %s: %d image(s) converted to %d channel(s), as most of the training images have%n",
                ds.domain(), converted, channels);
        return new Dataset(ds.domain(), samples, ds.problems());
    }

    /** An id's patient or volume by a pattern; the id itself when it does not match. */
    static String group(Pattern pattern, String id) {
        Matcher m = pattern.matcher(id);
        return m.find() && m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : id;
    }

    /** The object class named at the end of an id ({@code 10000_121_svc}: svc), "object" when none is. */
    static String objectClass(String id) {
        int cut = id.lastIndexOf('_');
        String last = cut < 0 ? "" : id.substring(cut + 1);
        return last.chars().anyMatch(Character::isLetter) ? last : "object";
    }

    List<Domain> domains() {
        return domains;
    }

    /** A training sample: a domain, then a class, then an image, each uniformly. */
    Sample draw(Random rnd) {
        Domain d = domains.get(rnd.nextInt(domains.size()));
        List<List<Sample>> classes = new ArrayList<>(d.train().values());
        List<Sample> c = classes.get(rnd.nextInt(classes.size()));
        return c.get(rnd.nextInt(c.size()));
    }

    /** What the card records: per domain its split and how ids were grouped. */
    Map<String, Object> cardEntry() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Domain d : domains) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("dataSource", DataProvenance.describe(d.folder()));
            e.put("groupedBy", d.grouping());
            e.put("classes", new ArrayList<>(d.train().keySet()));
            e.put("trainIds", d.split().train());
            e.put("validationIds", d.split().validation());
            out.put(d.name(), e);
        }
        return out;
    }
}
