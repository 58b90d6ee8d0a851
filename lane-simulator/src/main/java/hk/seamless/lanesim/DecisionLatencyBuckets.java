package hk.seamless.lanesim;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The engine's own pipeline latency as it publishes it on {@code /metrics}: the cumulative buckets
 * of {@code seamless_decision_latency_seconds} (last read into the ring to decision handed to the
 * gate), added up over control points. Buckets, unlike the client-side quantiles beside them, can be
 * subtracted: the scrape at the end of a run minus the one at the end of its warm-up is the measured
 * window alone, without the first seconds' JIT compilation that dominated the whole run's tail.
 *
 * <p>Quantiles are read from the buckets as Prometheus's {@code histogram_quantile} reads them: by
 * linear interpolation inside the bucket the rank falls in, so they are estimates within that
 * bucket's bounds (50, 100, 250, 500 µs, 1, 2, 5 ms, ...). A rank in the last, unbounded bucket is
 * reported as infinite: "more than the highest bound", not a made-up figure.
 *
 * @param cumulative count of decisions at or under each bound in seconds ({@code +Inf} included)
 */
record DecisionLatencyBuckets(NavigableMap<Double, Long> cumulative) {

    static final String BUCKET = "seamless_decision_latency_seconds_bucket{";

    /** The buckets in a Prometheus text exposition; empty when the engine publishes none. */
    static DecisionLatencyBuckets parse(String exposition) {
        NavigableMap<Double, Long> byBound = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(BUCKET)) {
                continue;
            }
            int le = line.indexOf("le=\"");
            int close = line.lastIndexOf('}');
            if (le < 0 || close < le) {
                continue;
            }
            String bound = line.substring(le + 4, line.indexOf('"', le + 4));
            double seconds = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
            long count =
                    (long) Double.parseDouble(line.substring(close + 1).trim().split(" ")[0]);
            byBound.merge(seconds, count, Long::sum);
        }
        return new DecisionLatencyBuckets(byBound);
    }

    /** What was counted after {@code earlier}: this scrape's buckets less that one's. */
    DecisionLatencyBuckets since(DecisionLatencyBuckets earlier) {
        NavigableMap<Double, Long> window = new TreeMap<>();
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            window.put(bucket.getKey(), bucket.getValue() - earlier.cumulative.getOrDefault(bucket.getKey(), 0L));
        }
        return new DecisionLatencyBuckets(window);
    }

    /** The highest finite bound, in seconds (what an infinite quantile is "over"); NaN with no buckets. */
    double highestBound() {
        Double below = cumulative.lowerKey(Double.POSITIVE_INFINITY);
        return below == null ? Double.NaN : below;
    }

    long count() {
        return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    }

    /** The share of decisions at or under {@code seconds}, which must be one of the bounds; NaN if it is not. */
    double shareWithin(double seconds) {
        Long within = cumulative.get(seconds);
        return within == null || count() == 0 ? Double.NaN : within / (double) count();
    }

    /** The {@code q} quantile (0..1) in seconds, interpolated within its bucket; infinite past the last bound. */
    double quantile(double q) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        long below = 0;
        for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
            long atOrUnder = bucket.getValue();
            if (atOrUnder >= rank && atOrUnder > below) {
                double upper = bucket.getKey();
                if (Double.isInfinite(upper)) {
                    return upper;
                }
                return lower + (upper - lower) * (rank - below) / (atOrUnder - below);
            }
            lower = bucket.getKey();
            below = atOrUnder;
        }
        return Double.POSITIVE_INFINITY;
    }
}
