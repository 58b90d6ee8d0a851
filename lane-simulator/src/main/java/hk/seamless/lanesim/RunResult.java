package hk.seamless.lanesim;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one run (against the engine, or the floor) gave. Latencies are in microseconds, of measured
 * arrivals only (warm-up left out): {@code all}; {@code complete}, arrivals whose last read
 * completes them (plate and tag), decided as soon as it is in; {@code waiting}, arrivals without
 * a tag, which the lane decides only when its fusion window closes or the next plate comes.
 * {@code moved}: arrivals sent to another lane of the same direction because theirs still held a
 * vehicle; {@code queued}: arrivals that waited (over 1 ms) for a lane of their direction to be
 * free; {@code neverSent}: arrivals still waiting for a lane when the run ended; {@code tally}: the
 * rules exercised (reason codes, scenarios, late frames, gate drops); {@code tagToBoom}: measured
 * RELEASEs from the tag leaving (the emulated reader, or the reader's socket) to the boom's command (the
 * coil write at an emulated Modbus gate, or the RELEASE reaching a gate socket); {@code boom}: what the
 * emulated Modbus gates saw (null when the run had none).
 */
record RunResult(
        String label,
        long arrivals,
        long warmupArrivals,
        long decided,
        long wrong,
        long warmupWrong,
        List<String> wrongExamples,
        Map<String, Long> outcomes,
        Histogram all,
        Histogram complete,
        Histogram waiting,
        double throughput,
        long starved,
        long unmatched,
        long holds,
        long undecided,
        long moved,
        long queued,
        long neverSent,
        long problemCount,
        List<String> problems,
        RandomSelectionCheck random,
        RuleTally tally,
        Histogram tagToBoom,
        BoomOracle.Findings boom) {

    RunResult(
            String label,
            long arrivals,
            long warmupArrivals,
            long decided,
            long wrong,
            long warmupWrong,
            List<String> wrongExamples,
            Map<String, Long> outcomes,
            Histogram all,
            Histogram complete,
            Histogram waiting,
            double throughput,
            long starved,
            long unmatched,
            long holds,
            long undecided,
            long moved,
            long queued,
            long neverSent,
            long problemCount,
            List<String> problems,
            RandomSelectionCheck random) {
        this(
                label,
                arrivals,
                warmupArrivals,
                decided,
                wrong,
                warmupWrong,
                wrongExamples,
                outcomes,
                all,
                complete,
                waiting,
                throughput,
                starved,
                unmatched,
                holds,
                undecided,
                moved,
                queued,
                neverSent,
                problemCount,
                problems,
                random,
                new RuleTally());
    }

    RunResult(
            String label,
            long arrivals,
            long warmupArrivals,
            long decided,
            long wrong,
            long warmupWrong,
            List<String> wrongExamples,
            Map<String, Long> outcomes,
            Histogram all,
            Histogram complete,
            Histogram waiting,
            double throughput,
            long starved,
            long unmatched,
            long holds,
            long undecided,
            long moved,
            long queued,
            long neverSent,
            long problemCount,
            List<String> problems,
            RandomSelectionCheck random,
            RuleTally tally) {
        this(
                label,
                arrivals,
                warmupArrivals,
                decided,
                wrong,
                warmupWrong,
                wrongExamples,
                outcomes,
                all,
                complete,
                waiting,
                throughput,
                starved,
                unmatched,
                holds,
                undecided,
                moved,
                queued,
                neverSent,
                problemCount,
                problems,
                random,
                tally,
                new Histogram(3),
                null);
    }

    boolean passed() {
        return wrong == 0
                && warmupWrong == 0
                && decided > 0
                && neverSent == 0
                && (random == null || random.withinBounds())
                && (boom == null || boom.violations() == 0);
    }

    long wrongTotal() {
        return wrong + warmupWrong + (random != null && !random.withinBounds() ? 1 : 0);
    }
}
