package org.pointlearn.evaluation.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pointlearn.evaluation.SharedData;
import org.pointlearn.evaluation.data.DatasetReader;
import org.pointlearn.evaluation.data.Sample;
import org.pointlearn.evaluation.metrics.ImageResult;
import org.pointlearn.evaluation.metrics.PolicyRun;
import org.pointlearn.evaluation.metrics.PolicySummary;
import org.pointlearn.evaluation.report.EvaluationReport;
import org.pointlearn.evaluation.report.SummaryCsv;

/**
 * The whole protocol on real images with the nearest-click stand-in. The report is left in
 * target/protocol-report for people to look at.
 */
class ProtocolOnSharedDataTest {

    private static final Path REPORT = Path.of("target", "protocol-report");
    private static final List<PolicyRun> RUNS = new ArrayList<>();

    @BeforeAll
    static void runTheProtocol() throws Exception {
        ProtocolRunner runner = new ProtocolRunner();
        RUNS.add(run(runner, "brain-ms-flair", 8, "nearest-click", new NearestClickSegmenter(0.15, 40)));
        RUNS.add(run(runner, "brain-ms-flair", 8, "nearest-click-tight", new NearestClickSegmenter(0.08, 25)));
        RUNS.add(run(runner, "fundus-idrid", 3, "nearest-click", new NearestClickSegmenter(0.15, 80)));
        EvaluationReport.write(REPORT, RUNS);
    }

    private static PolicyRun run(ProtocolRunner runner, String domain, int images, String policy,
            InteractiveSegmenter segmenter) throws Exception {
        List<Sample> samples = new DatasetReader().read(SharedData.domain(domain)).samples().subList(0, images);
        return runner.run(domain, policy, SampleOrder.fixed(samples), segmenter);
    }

    @Test
    void moreClicksDoNotMakeTheMeanDiceWorse() {
        for (PolicyRun run : RUNS) {
            PolicySummary s = run.summary();
            assertTrue(s.diceAt(20) >= s.diceAt(1), run.domain() + "/" + run.policy() + ": Dice@1 " + s.diceAt(1)
                    + ", Dice@20 " + s.diceAt(20));
            assertTrue(s.diceAt(20) > 0.5, run.domain() + "/" + run.policy() + ": Dice@20 " + s.diceAt(20));
        }
    }

    @Test
    void numbersStayInTheirRanges() {
        for (PolicyRun run : RUNS) {
            for (ImageResult r : run.images()) {
                assertTrue(r.noc85() >= 1 && r.noc85() <= 20, r.image() + " NoC85 " + r.noc85());
                assertTrue(r.noc90() >= r.noc85() && r.noc90() <= 20, r.image() + " NoC90 " + r.noc90());
                assertTrue(r.auc() >= 0 && r.auc() <= 1, r.image() + " AUC " + r.auc());
                assertTrue(r.clicks().size() >= 1 && r.clicks().size() <= 20, r.image());
            }
        }
    }

    @Test
    void writesTheReportFilesWithTheExactHeader() throws Exception {
        List<String> summary = Files.readAllLines(REPORT.resolve(EvaluationReport.SUMMARY));
        assertEquals(SummaryCsv.HEADER, summary.get(0));
        assertTrue(summary.get(0).startsWith(
                "domain,policy,images,dice_at_1,dice_at_3,dice_at_5,dice_at_10,dice_at_20,noc85,noc90,auc,"),
                "the engine issue's columns come first: " + summary.get(0));
        assertEquals(1 + RUNS.size(), summary.size());
        assertTrue(summary.get(1).startsWith("brain-ms-flair,nearest-click,8,"), summary.get(1));
        assertEquals(1 + 8 + 8 + 3, Files.readAllLines(REPORT.resolve(EvaluationReport.PER_IMAGE)).size());
        assertTrue(Files.size(REPORT.resolve(EvaluationReport.PLOT)) > 1000);
    }
}
