package org.pointlearn.inference.impl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openide.modules.Places;
import org.openide.util.RequestProcessor;
import org.openide.util.lookup.ServiceProvider;
import org.pointlearn.inference.api.EngineStatus;
import org.pointlearn.inference.api.InferenceRuntime;
import org.pointlearn.inference.api.ModelCard;
import org.pointlearn.inference.api.ModelLoadException;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.lib.djl.DjlRuntime;
import org.pointlearn.lib.djl.EngineUnavailableException;

/** Starts DJL's PyTorch engine in the background and reports what it runs on. */
@ServiceProvider(service = InferenceRuntime.class)
public final class DjlInferenceRuntime implements InferenceRuntime {

    private static final Logger LOG = Logger.getLogger(DjlInferenceRuntime.class.getName());
    private static final RequestProcessor RP = new RequestProcessor("Inference engine start", 1);

    private final List<Consumer<EngineStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile EngineStatus status = new EngineStatus(EngineStatus.State.STARTING, "", "", "");
    private boolean started;
    private volatile SegmentationModel model;
    private final java.util.Map<String, SegmentationModel> loaded = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile ai.djl.Device device;
    private static final String MODEL_KEY = "model";

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        RP.post(this::load);
    }

    @Override
    public EngineStatus status() {
        return status;
    }

    @Override
    public void addStatusListener(Consumer<EngineStatus> listener) {
        listeners.add(listener);
    }

    private void load() {
        shippedModels();   // read the cards here, off the event thread, before the model panel asks
        long t0 = System.nanoTime();
        try {
            InferenceRuntime.StartSettings start = startSettings();
            if (start.threads() > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(start.threads()));
            }
            Engine engine = DjlRuntime.engine(cacheDirectory());
            DeviceChoice.Choice choice = DeviceChoice.choose(DeviceChoice.requested(start.device()),
                    engine.getGpuCount());
            selfTest(engine, choice);
            String detail = choice.note().isEmpty() ? engine.getGpuCount() + " GPU(s) visible" : choice.note();
            org.pointlearn.lib.djl.TorchLibraries.Choice libs = DjlRuntime.libraries();
            String name = "PyTorch " + engine.getVersion()
                    + (libs.folder() == null ? "" : " (" + libs.flavour() + " from " + libs.folder() + ")");
            publish(new EngineStatus(EngineStatus.State.READY, name, DeviceChoice.describe(choice.device()), detail)
                    .withNotice(libs.notice()));
            LOG.log(Level.INFO, "Inference engine ready in {0} ms: {1}",
                    new Object[] {(System.nanoTime() - t0) / 1_000_000, status.summary()});
            device = choice.device();
            loadModel(ShippedModels.choose(preferences().get(MODEL_KEY, null), ShippedModels.names()));
        } catch (EngineUnavailableException | RuntimeException e) {
            LOG.log(Level.WARNING, "Inference engine failed to start", e);
            publish(new EngineStatus(EngineStatus.State.FAILED, "", "", e.getMessage()));
        }
    }

    /** The shipped models, read once (their cards do not change while the workstation runs). */
    private volatile List<ModelChoice> shipped;

    @Override
    public List<ModelChoice> shippedModels() {
        List<ModelChoice> known = shipped;
        if (known == null) {
            known = readShippedModels();
            shipped = known;
        }
        return known;
    }

    private static List<ModelChoice> readShippedModels() {
        List<ModelChoice> out = new java.util.ArrayList<>();
        for (String name : ShippedModels.names()) {
            ShippedModels.locate(name).ifPresent(folder -> {
                try {
                    org.pointlearn.inference.api.ModelCard card = SegmentationModel.readCard(folder);
                    out.add(new ModelChoice(name, card.description(), card.trainingSources()));
                } catch (ModelLoadException e) {
                    out.add(new ModelChoice(name, ""));
                }
            });
        }
        return List.copyOf(out);
    }

    @Override
    public InferenceRuntime.StartSettings startSettings() {
        java.util.prefs.Preferences p = preferences();
        try {
            return new InferenceRuntime.StartSettings(p.get("device", "auto"), p.getInt("threads", 0));
        } catch (IllegalArgumentException e) {
            return new InferenceRuntime.StartSettings("auto", 0);
        }
    }

    @Override
    public void rememberStartSettings(InferenceRuntime.StartSettings settings) {
        preferences().put("device", settings.device());
        preferences().putInt("threads", settings.threads());
    }

    @Override
    public void useModel(String name) {
        preferences().put(MODEL_KEY, name);
        RP.post(() -> {
            if (device != null) {
                loadModel(name);
            }
        });
    }

    private static java.util.prefs.Preferences preferences() {
        return org.openide.util.NbPreferences.forModule(DjlInferenceRuntime.class);
    }

    private void loadModel(String name) {
        SegmentationModel cached = loaded.get(name);
        if (cached != null) {
            model = cached;
            publish(status.withModel(describe(cached.card())));
            return;
        }
        var folder = ShippedModels.locate(name);
        if (folder.isEmpty()) {
            publish(status.withModel(new EngineStatus.ModelInfo(name, "", "",
                    "not found in " + ShippedModels.whereLooked(), false)));
            return;
        }
        publish(status.withModel(EngineStatus.ModelInfo.loading(name)));
        try {
            SegmentationModel m = SegmentationModel.load(folder.get(), device);
            loaded.put(name, m);
            model = m;
            publish(status.withModel(describe(m.card())));
            LOG.log(Level.INFO, "Segmentation model {0} loaded from {1}", new Object[] {m.card().version(), folder.get()});
        } catch (ModelLoadException e) {
            LOG.log(Level.WARNING, "Shipped model could not be loaded", e);
            publish(status.withModel(new EngineStatus.ModelInfo(name, "", "", e.getMessage(), false)));
        }
    }

    private static EngineStatus.ModelInfo describe(ModelCard card) {
        StringBuilder d = new StringBuilder("trained on ").append(card.training().getOrDefault("data", "?"));
        Object dice = card.metrics().get("validationDiceAt5");
        if (dice instanceof Number n) {
            d.append(String.format(java.util.Locale.ROOT, "; validation Dice after 5 clicks %.2f", n.doubleValue()));
        }
        return new EngineStatus.ModelInfo(card.name(), card.version(), card.description(), d.toString(), true);
    }

    @Override
    public Optional<SegmentationModel> activeModel() {
        return Optional.ofNullable(model);
    }

    /** One tiny computation proves the native library really runs on the chosen device. */
    private static void selfTest(Engine engine, DeviceChoice.Choice choice) {
        try (NDManager m = engine.newBaseManager(choice.device())) {
            NDArray sum = m.ones(new ai.djl.ndarray.types.Shape(2, 2)).sum();
            if (sum.getFloat() != 4f) {
                throw new IllegalStateException("the engine computed 1+1+1+1 = " + sum.getFloat());
            }
        }
    }

    private void publish(EngineStatus s) {
        status = s;
        for (Consumer<EngineStatus> l : listeners) {
            l.accept(s);
        }
    }

    /** The unpacked libtorch lives in the application's cache folder, never in ~/.djl.ai. */
    private static Path cacheDirectory() {
        File cache = Places.getCacheDirectory();
        return cache != null ? Places.getCacheSubdirectory("djl").toPath()
                : Path.of(System.getProperty("java.io.tmpdir"), "pointlearn-djl");
    }
}
