package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * /metrics as an operator's dashboard uses it: decisions by lane, control point and reason, the
 * pipeline latency as histogram buckets, and the JVM's and the process's own figures.
 */
class MetricsLaneTest extends LaneHarness {

    @Test
    void decisionsAreLabelledByLaneAndReasonAndLatencyHasBuckets() {
        Rig rig = rig("IMPORT");
        Truck unbundled = newTruck();
        String cp = rig.lane().substring(0, rig.lane().indexOf('-'));
        arrive(rig, unbundled); // no bundle: INSPECT, NO_BUNDLE, completed by its tag read
        // The gate hears the decision before the pipeline counts it: wait for the count.
        String counted = "seamless_lane_decisions_total{control_point=\"" + cp + "\",decision=\"INSPECT\",lane=\""
                + rig.lane() + "\"} 1.0";
        String metrics = api.get("/metrics", null).expect(200).body();
        String timed = "seamless_decision_latency_seconds_bucket{control_point=\"" + cp + "\",le=\"+Inf\"} 1";
        for (long deadline = System.nanoTime() + 10_000_000_000L;
                !(metrics.contains(counted) && metrics.contains(timed)) && System.nanoTime() < deadline; ) {
            Thread.onSpinWait();
            metrics = api.get("/metrics", null).expect(200).body();
        }
        String ours = String.join(
                "\n", metrics.lines().filter(l -> l.startsWith("seamless_")).toList());
        assertTrue(
                metrics.contains("seamless_lane_decisions_total{control_point=\"" + cp
                        + "\",decision=\"INSPECT\",lane=\"" + rig.lane() + "\"} 1.0"),
                ours);
        assertTrue(
                metrics.contains("seamless_decision_reasons_total{control_point=\"" + cp + "\",reason=\"NO_BUNDLE\"}"),
                ours);
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith(
                                "seamless_decision_latency_seconds_bucket{control_point=\"" + cp + "\",le=\"0.001\"}")),
                "a bucket Prometheus can aggregate: " + ours);
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("seamless_decision_latency_seconds_bucket{control_point=\"" + cp
                                + "\",le=\"+Inf\"} 1")),
                ours);
        // (jvm_gc_pause_seconds appears only after the first collection: not something a fresh engine has)
        for (String jvm : new String[] {
            "jvm_memory_used_bytes",
            "jvm_gc_memory_allocated_bytes",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "process_uptime_seconds",
            "process_files_open_files"
        }) {
            assertTrue(metrics.contains(jvm), jvm + " missing");
        }
    }

    @Test
    void everyLanesCountsAreThereAtZeroBeforeItsFirstTruck() {
        // Made when the pipeline is built, so no truck waits for them; HYW-N-03 is never driven here.
        String metrics = api.get("/metrics", null).expect(200).body();
        assertTrue(
                metrics.contains("seamless_lane_decisions_total{control_point=\"HYW\",decision=\"RELEASE\","
                        + "lane=\"HYW-N-03\"} 0.0"),
                String.join(
                        "\n",
                        metrics.lines().filter(l -> l.contains("HYW-N-03")).toList()));
    }
}
