package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The latency percentiles a throughput report quotes, in milliseconds. */
record LatencySummary(double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {

    static LatencySummary of(Histogram nanos) {
        return new LatencySummary(
                ms(nanos.getValueAtPercentile(50)),
                ms(nanos.getValueAtPercentile(90)),
                ms(nanos.getValueAtPercentile(99)),
                ms(nanos.getValueAtPercentile(99.9)),
                ms(nanos.getMaxValue()));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Three decimals (microsecond resolution), dot as separator whatever the machine's locale. */
    static String format(double millis) {
        return String.format(Locale.ROOT, "%.3f", millis);
    }

    String text() {
        return "p50 " + format(p50Ms) + " ms, p90 " + format(p90Ms) + " ms, p99 " + format(p99Ms) + " ms, p99.9 "
                + format(p999Ms) + " ms, max " + format(maxMs) + " ms";
    }

    JsonObject json() {
        return new JsonObject()
                .put("p50", Decimals.of(p50Ms, 3))
                .put("p90", Decimals.of(p90Ms, 3))
                .put("p99", Decimals.of(p99Ms, 3))
                .put("p99_9", Decimals.of(p999Ms, 3))
                .put("max", Decimals.of(maxMs, 3));
    }
}
