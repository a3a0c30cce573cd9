package org.pointlearn.adaptation.impl;

import java.nio.file.Path;
import java.util.Random;
import org.pointlearn.inference.api.SegmentationModel;
import org.pointlearn.adaptation.api.AdaptationPolicy;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.UpdateReport;

/**
 * A child process for the crash test: learns from synthetic images and saves a version after
 * each, forever, announcing every saved version on standard output, until it is killed.
 */
public final class StoreWriterProcess {

    private StoreWriterProcess() {
    }

    /** @param args the store folder */
    public static void main(String[] args) throws Exception {
        Random rnd = new Random(ProcessHandle.current().pid());
        try (SegmentationModel model = Fixtures.smallModel();
             VersionStore store = VersionStore.open(Path.of(args[0]), 2);
             AdaptationSession s = new AdaptationSession(model, AdaptationPolicy.POST,
                     Fixtures.strong().withSteps(1, 0).withGuard(false), store)) {
            System.out.println("ready " + s.activeVersion().id());
            System.out.flush();
            for (long i = 0; ; i++) {
                int cx = 20 + rnd.nextInt(40);
                int cy = 20 + rnd.nextInt(30);
                UpdateReport r = AdaptationSessionTest.learnFrom(s, cx, cy, 8 + rnd.nextInt(6), i);
                System.out.println("saved " + (r.kept() ? r.version().id() : "none"));
                System.out.flush();
            }
        }
    }
}
