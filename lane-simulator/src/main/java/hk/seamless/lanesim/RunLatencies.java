package hk.seamless.lanesim;

import org.HdrHistogram.Histogram;

/**
 * The run's latency histograms, in microseconds, of measured arrivals only. HdrHistogram's
 * {@link Histogram} is not thread-safe and decisions are heard on many threads, so one lock (this
 * object) guards all four: a record is a few array writes, far shorter than the time between two
 * decisions at one lane, and the progress line and the result copy them under the same lock.
 */
final class RunLatencies {

    /** From each arrival's due time to its decision reaching the gate. */
    private final Histogram all = new Histogram(3);
    /** Of those, arrivals with a tag and a plate: decided as soon as their last read is in. */
    private final Histogram complete = new Histogram(3);
    /** Of those, arrivals without a tag: decided when the lane's fusion window closes or the next plate comes. */
    private final Histogram waiting = new Histogram(3);
    /** Measured RELEASEs: the tag leaving (reader emulator or socket) to the boom's command (coil write, or RELEASE at the gate socket). */
    private final Histogram tagToBoom = new Histogram(3);

    /** A measured arrival decided {@code micros} after it was due. */
    synchronized void decided(long micros, boolean tagRead) {
        all.recordValue(micros);
        (tagRead ? complete : waiting).recordValue(micros);
    }

    /** A measured RELEASE reached a gate socket: from its tag leaving to then. */
    synchronized void tagToBoom(long micros) {
        tagToBoom.recordValue(micros);
    }

    /** A coil write at an emulated gate: timed from the tag of the truck on the loop, when it is measured. */
    void boomRaised(int lane, Object truck, long nanos) {
        if (truck instanceof InFlight f && !f.plan.warmup() && f.tagSentNanos != 0) {
            tagToBoom(Math.max(0, (nanos - f.tagSentNanos) / 1_000));
        }
    }

    /** The 99th percentiles for the progress line: of all arrivals, and of those with tag and plate. */
    synchronized String[] p99Texts() {
        return new String[] {p99Text(all), p99Text(complete)};
    }

    synchronized Histogram all() {
        return all.copy();
    }

    synchronized Histogram complete() {
        return complete.copy();
    }

    synchronized Histogram waiting() {
        return waiting.copy();
    }

    synchronized Histogram tagToBoom() {
        return tagToBoom.copy();
    }

    /**
     * The 99th percentile so far, in ms; during warm-up nothing is measured yet, and "0.000 ms"
     * would read as an impossibly fast engine, so it says so instead.
     */
    static String p99Text(Histogram micros) {
        return micros.getTotalCount() == 0
                ? "- (none measured yet)"
                : LatencySummary.format(micros.getValueAtPercentile(99) / 1000.0) + " ms";
    }
}
