package org.pointlearn.inference.api;

import java.nio.file.Path;
import org.pointlearn.lib.djl.DjlRuntime;

/** Small networks for tests: the real engine, a fraction of the real size. */
final class TestModels {

    private TestModels() {
    }

    static ModelCard smallCard(int imageChannels) {
        ModelCard c = new ModelCard();
        c.name = "test";
        c.imageChannels = imageChannels;
        c.workingSize = 64;
        c.architecture.base = 16;
        c.architecture.levels = 3;
        return c;
    }

    static void engine() throws Exception {
        DjlRuntime.engine(Path.of(System.getProperty("DJL_CACHE_DIR")));
    }
}
