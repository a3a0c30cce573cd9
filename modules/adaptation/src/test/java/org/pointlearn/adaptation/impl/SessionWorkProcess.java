package org.pointlearn.adaptation.impl;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.pointlearn.adaptation.api.Fixtures;
import org.pointlearn.adaptation.api.InteractiveSession;
import org.pointlearn.adaptation.api.InteractiveSessions;
import org.pointlearn.inference.api.Click;

/**
 * A workstation's session in a child JVM for {@link SessionKillTest}: accepts slice 1, puts two
 * clicks on slice 3, says "working" once the journal holds them, then keeps working until killed.
 */
public final class SessionWorkProcess {

    private SessionWorkProcess() {
    }

    public static void main(String[] args) throws Exception {
        InteractiveSession s = InteractiveSessions.getDefault().open(Fixtures.smallModel(), Path.of(args[0]), true);
        while (!s.state().ready()) {
            Thread.sleep(50);
        }
        s.openSeries(SegmentationSessionTest.SERIES, SegmentationSessionTest.volume()).get(1, TimeUnit.MINUTES);
        s.click(0, new Click(40, 36, true)).get(1, TimeUnit.MINUTES);
        s.accept(0).orElseThrow().get(2, TimeUnit.MINUTES);
        s.click(2, new Click(40, 36, true));
        s.click(2, new Click(12, 12, false));
        s.idle().get(1, TimeUnit.MINUTES);
        while (s.journaled().get(1, TimeUnit.MINUTES).map(d -> d.clicks().size()).orElse(0) < 2) {
            Thread.sleep(20);
        }
        System.out.println("working");
        System.out.flush();
        for (int i = 0; ; i++) {   // a brush going back and forth until the kill
            s.beginStroke(2, 5 + i % 30, 60, 1, true);
            s.endStroke();
            s.undo(2);
            Thread.sleep(5);
        }
    }
}
