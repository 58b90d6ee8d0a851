package hk.seamless.lanesim;

import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The engine's own pipeline latency over the run's measured window: {@code /metrics} read when the
 * warm-up ends and again when the run has drained, the difference of the two
 * ({@link DecisionLatencyBuckets}). The reads are made on a thread of their own, so that the
 * arrivals due at that moment are not held up by them, and once more as the warm-up starts.
 *
 * <p>Decisions still in the pipeline as the warm-up ends fall on either side of the line: a few
 * milliseconds' worth out of the measured seconds.
 */
final class EnginePipelineWindow {

    private final EngineClient engine;
    private volatile DecisionLatencyBuckets atStart;
    private volatile String failure;
    private Thread reader;

    EnginePipelineWindow(EngineClient engine) {
        this.engine = engine;
    }

    /** Reads the buckets once {@code System.nanoTime()} reaches {@code measuredFromNanos}. */
    void startAt(long measuredFromNanos) {
        reader = new Thread(
                () -> {
                    try {
                        // Once during the warm-up as well: the engine's first scrape compiles its
                        // way through every meter (300 ms of a core with 2,000 lanes), which is a
                        // cold start's cost, not the measured window's.
                        scrape();
                    } catch (Exception e) {
                        // Said below if the read that counts fails too.
                    }
                    long wait;
                    while ((wait = measuredFromNanos - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        atStart = scrape();
                    } catch (Exception e) {
                        failure = "could not read " + engine.base() + "/metrics as the warm-up ended: " + e;
                    }
                },
                "engine-metrics");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The measured window's buckets; empty when the engine publishes none or a read failed (said on
     * {@code problems}).
     */
    DecisionLatencyBuckets finish(Consumer<String> problems) throws InterruptedException {
        if (reader == null) {
            return none();
        }
        reader.join(10_000);
        DecisionLatencyBuckets start = atStart;
        if (start == null) {
            problems.accept(failure != null ? failure : "the engine's /metrics was not read as the warm-up ended");
            return none();
        }
        try {
            return scrape().since(start);
        } catch (Exception e) {
            problems.accept("could not read " + engine.base() + "/metrics after the run: " + e);
            return none();
        }
    }

    private static DecisionLatencyBuckets none() {
        return new DecisionLatencyBuckets(new TreeMap<>());
    }

    private DecisionLatencyBuckets scrape() throws Exception {
        EngineClient.Answer answer = engine.getText("/metrics");
        if (answer.status() != 200) {
            throw new IllegalStateException("status " + answer.status());
        }
        return DecisionLatencyBuckets.parse(answer.body());
    }
}
