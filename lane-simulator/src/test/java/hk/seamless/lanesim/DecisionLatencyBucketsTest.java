package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine's pipeline buckets as its /metrics prints them, over a window and read as quantiles. */
class DecisionLatencyBucketsTest {

    /** Two control points, the engine's bounds (abridged), as Micrometer's Prometheus registry writes them. */
    private static String scrape(long[] lmc, long[] hyw) {
        String[] bounds = {"5.0E-5", "1.0E-4", "2.5E-4", "0.001", "0.1", "2.0", "+Inf"};
        StringBuilder text = new StringBuilder()
                .append("# HELP seamless_decision_latency_seconds last read into the ring to decision\n")
                .append("# TYPE seamless_decision_latency_seconds histogram\n");
        for (int i = 0; i < bounds.length; i++) {
            text.append("seamless_decision_latency_seconds_bucket{control_point=\"LMC\",le=\"")
                    .append(bounds[i])
                    .append("\"} ")
                    .append(lmc[i])
                    .append('\n');
            text.append("seamless_decision_latency_seconds_bucket{control_point=\"HYW\",le=\"")
                    .append(bounds[i])
                    .append("\"} ")
                    .append(hyw[i])
                    .append('\n');
        }
        return text.append("seamless_decision_latency_seconds_count{control_point=\"LMC\"} ")
                .append(lmc[lmc.length - 1])
                .append("\nseamless_pipeline_latency_seconds{quantile=\"0.99\"} 0.12\n")
                .toString();
    }

    @Test
    void controlPointsAreAddedUpAndTheWarmUpIsTakenOff() {
        // Warm-up: 100 decisions, 40 of them over 100 ms (a cold JIT), all at LMC.
        DecisionLatencyBuckets warm =
                DecisionLatencyBuckets.parse(scrape(new long[] {0, 10, 30, 50, 60, 100, 100}, new long[7]));
        // By the end: 1,000 more, none over 1 ms, split between the two control points.
        DecisionLatencyBuckets end = DecisionLatencyBuckets.parse(
                scrape(new long[] {100, 410, 530, 550, 560, 600, 600}, new long[] {100, 400, 500, 500, 500, 500, 500}));

        assertEquals(1_100, end.count());
        DecisionLatencyBuckets window = end.since(warm);

        assertEquals(1_000, window.count(), "the warm-up's 100 taken off");
        assertEquals(0.8, window.shareWithin(0.0001), 1e-9, "(400 + 400) of 1,000 within 100 us");
        assertTrue(window.quantile(0.999) <= 0.001, "none over 1 ms in the window: " + window.quantile(0.999));
        assertTrue(end.quantile(0.99) > 0.001, "over the whole run the warm-up's tail shows");
    }

    @Test
    void quantilesAreInterpolatedInsideTheirBucketAsPrometheusDoes() {
        DecisionLatencyBuckets b =
                DecisionLatencyBuckets.parse(scrape(new long[] {0, 50, 100, 100, 100, 100, 100}, new long[7]));

        assertEquals(0.000075, b.quantile(0.25), 1e-12, "rank 25 halfway through the 50..100 us bucket");
        assertEquals(0.0001, b.quantile(0.5), 1e-12);
        assertEquals(0.000175, b.quantile(0.75), 1e-12, "rank 75 halfway through 100..250 us");
    }

    @Test
    void aRankPastTheHighestBoundIsSaidToBeOverIt() {
        DecisionLatencyBuckets b =
                DecisionLatencyBuckets.parse(scrape(new long[] {0, 0, 0, 0, 0, 98, 100}, new long[7]));

        assertEquals(Double.POSITIVE_INFINITY, b.quantile(0.99));
        assertEquals(2.0, b.highestBound());
        assertTrue(Double.isNaN(b.shareWithin(0.0003)), "not a bound: no share made up");
    }

    @Test
    void anEngineWithoutTheHistogramGivesNothing() {
        DecisionLatencyBuckets none = DecisionLatencyBuckets.parse("# nothing here\nsome_metric 1\n");

        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.quantile(0.5)));
    }
}
