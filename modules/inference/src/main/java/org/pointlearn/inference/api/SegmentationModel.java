package org.pointlearn.inference.api;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pointlearn.inference.impl.UNet;

/**
 * A segmentation network with its card: the DJL model, built from the card's architecture,
 * its parameters, and the encoder that feeds it. Loaded from and saved to a model folder
 * ({@code model.json} + parameters file).
 */
public final class SegmentationModel implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Model model;
    private volatile ModelCard card;
    private final InputEncoder encoder;

    private SegmentationModel(Model model, ModelCard card) {
        this.model = model;
        this.card = card;
        this.encoder = new InputEncoder(card);
    }

    /**
     * A new network with freshly initialised parameters, as training starts.
     *
     * @param card architecture and input specification (sha256 may be unset)
     * @param device where the parameters live
     * @return the model
     */
    public static SegmentationModel create(ModelCard card, Device device) {
        Model m = Model.newInstance(card.name() == null ? "segmentation" : card.name(), device);
        UNet net = new UNet(card.inputChannels(), card.architecture().base(), card.architecture().levels());
        m.setBlock(net);
        net.initialize(m.getNDManager(), DataType.FLOAT32, inputShape(card, 1));
        return new SegmentationModel(m, card);
    }

    /**
     * Loads a model folder, checking the card and the parameters' SHA-256.
     *
     * @param folder a folder with model.json and the parameters file
     * @param device where to run
     * @return the model
     * @throws ModelLoadException when the card is missing, malformed or unsupported, or the
     *                            parameters do not match their hash or the architecture
     */
    public static SegmentationModel load(Path folder, Device device) throws ModelLoadException {
        ModelCard card = readCard(folder);
        Path params = folder.resolve(card.parameters());
        String actual;
        try {
            actual = sha256(params);
        } catch (IOException e) {
            throw new ModelLoadException("Model " + folder + ": cannot read " + params.getFileName() + ": " + e.getMessage(), e);
        }
        if (!actual.equals(card.sha256())) {
            throw new ModelLoadException("Model " + folder + ": " + params.getFileName()
                    + " does not match its SHA-256 in model.json (damaged or replaced file)");
        }
        SegmentationModel sm = create(card, device);
        Map<String, Shape> expected = parameterShapes(sm.block());
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
            sm.block().loadParameters(sm.model.getNDManager(), in);
            Map<String, Shape> loaded = parameterShapes(sm.block());
            if (!loaded.equals(expected)) {
                throw new MalformedModelException("parameter shapes differ from those of the architecture");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            sm.close();
            throw new ModelLoadException("Model " + folder + ": the parameters do not fit the architecture in model.json: "
                    + e.getMessage(), e);
        }
        return sm;
    }

    private static Map<String, Shape> parameterShapes(Block block) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            shapes.put(p.getKey(), p.getValue().getArray().getShape());
        }
        return shapes;
    }

    /** Reads and checks a model card. */
    public static ModelCard readCard(Path folder) throws ModelLoadException {
        Path json = folder.resolve("model.json");
        ModelCard card;
        try {
            card = GSON.fromJson(Files.readString(json, StandardCharsets.UTF_8), ModelCard.class);
        } catch (IOException e) {
            throw new ModelLoadException("Model " + folder + ": cannot read model.json: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new ModelLoadException("Model " + folder + ": model.json is not valid JSON: " + e.getMessage(), e);
        }
        if (card == null) {
            throw new ModelLoadException("Model " + folder + ": model.json is empty");
        }
        if (!card.problems().isEmpty()) {
            throw new ModelLoadException("Model " + folder + ": model.json is not usable: " + String.join("; ", card.problems()));
        }
        return card;
    }

    /**
     * Saves parameters and card into a folder, each through a temporary file and a rename,
     * so a crash leaves either the old or the new file, never half of one. The card gets the
     * parameters' sha256 and the version they make, {@code name@<first 8 hex digits>}, whatever
     * version it named before (saved weights are that version); it becomes this model's card.
     */
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path params = folder.resolve(card.parameters());
        Path tmp = Files.createTempFile(folder, ".params", ".tmp");
        try (FileOutputStream raw = new FileOutputStream(tmp.toFile());
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
            model.getBlock().saveParameters(out);
            out.flush();
            raw.getFD().sync();
        }
        String sha = sha256(tmp);
        ModelCard.Builder saved = card.toBuilder().sha256(sha).version(card.name() + "@" + sha.substring(0, 8));
        Files.move(tmp, params, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ModelCard written = saved.build();
        writeAtomically(folder.resolve("model.json"), GSON.toJson(written));
        card = written;
    }

    /**
     * Replaces the card's description of this model (training record, metrics, version, focus
     * and edit rules); the network and its input encoding cannot change under a live model.
     *
     * @throws IllegalArgumentException when the new card describes another network or input
     */
    public void describeAs(ModelCard next) {
        if (!next.sameNetworkAndInput(card)) {
            throw new IllegalArgumentException("the card of " + card.versionOrName()
                    + " cannot change its architecture, input size, normalisation or click encoding");
        }
        card = next;
    }

    /** The card in JSON, as model.json holds it. */
    public static String toJson(ModelCard card) {
        return GSON.toJson(card);
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".card", ".tmp");
        Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Shape of a network input batch. */
    public static Shape inputShape(ModelCard card, int batch) {
        return new Shape(batch, card.inputChannels(), card.workingSize(), card.workingSize());
    }

    /** The card as of the last save or {@link #describeAs}. */
    public ModelCard card() {
        return card;
    }

    /** The encoder that feeds this model. */
    public InputEncoder encoder() {
        return encoder;
    }

    /** The DJL model, for training and adaptation. */
    public Model djlModel() {
        return model;
    }

    /** The network. */
    public Block block() {
        return model.getBlock();
    }

    /** Where the parameters live. */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    @Override
    public void close() {
        model.close();
    }
}
