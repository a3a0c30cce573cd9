package org.pointlearn.inference.api;

import java.nio.file.Path;
import org.pointlearn.lib.djl.DjlRuntime;

/** Small networks for tests: the real engine, a fraction of the real size. */
final class TestModels {

    private TestModels() {
    }

    static ModelCard smallCard(int imageChannels) {
        return ModelCard.builder().name("test").imageChannels(imageChannels).workingSize(64).unet(16, 3).build();
    }

    static void engine() throws Exception {
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
    }
}
