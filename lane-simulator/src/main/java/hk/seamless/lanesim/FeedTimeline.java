package hk.seamless.lanesim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each lane engine could know of a bundle made at the registry during the run, from evidence
 * only: samples of the registry's {@code feed.issued} and each lane engine's {@code feed.applied}
 * (their /health, both in the registry's feed sequence), and when the feed was cut and restored.
 * Times are {@code System.nanoTime()}.
 *
 * <p>A bundle is {@link Knowledge#KNOWN} at a lane engine when the lane engine had applied, before
 * the arrival's reads were sent, at least what the registry had issued some time after the bundle
 * was answered (the feed is in order: applying a later entry means having applied the bundle's). It
 * is {@link Knowledge#UNKNOWN} when it was made after the feed was cut and decided before the feed
 * was restored: nothing could have brought it. Anything else (bundled while the cut was coming, or
 * decided while the lane engine was catching up) is {@link Knowledge#EITHER}. Evidence of knowing wins
 * over the cut: if a lane engine applied the bundle, the cut did not cut it off, and a RELEASE was right.
 */
final class FeedTimeline {

    enum Knowledge {
        KNOWN,
        UNKNOWN,
        EITHER
    }

    /** A bundle made during the run: when its request left and when its answer came. */
    record BundleMade(long startedNanos, long answeredNanos) {}

    /** One /health reading: asked at {@code startNanos}, answered at {@code endNanos}. */
    record Sample(long startNanos, long endNanos, long value) {}

    private final List<Sample> issued = new ArrayList<>();
    private final Map<String, List<Sample>> applied = new HashMap<>();
    private volatile long cutStarted = Long.MAX_VALUE;
    private volatile long cutDone = Long.MAX_VALUE;
    private volatile long restoreStarted = Long.MAX_VALUE;
    private volatile long restoreDone = Long.MAX_VALUE;

    synchronized void issued(long startNanos, long endNanos, long value) {
        issued.add(new Sample(startNanos, endNanos, value));
    }

    synchronized void applied(String controlPoint, long startNanos, long endNanos, long value) {
        applied.computeIfAbsent(controlPoint, cp -> new ArrayList<>()).add(new Sample(startNanos, endNanos, value));
    }

    void cutStarted(long nanos) {
        cutStarted = nanos;
    }

    void cutDone(long nanos) {
        cutDone = nanos;
    }

    void restoreStarted(long nanos) {
        restoreStarted = nanos;
    }

    void restoreDone(long nanos) {
        restoreDone = nanos;
    }

    /**
     * The registry's issued count in the first reading asked at or after {@code nanos}: at least the
     * sequence of anything the registry had issued by then; -1 while there is no such reading.
     */
    synchronized long issuedAfter(long nanos) {
        for (Sample s : issued) {
            if (s.startNanos() >= nanos) {
                return s.value();
            }
        }
        return -1;
    }

    /** The most the lane engine is known to have applied by {@code nanos}: its newest reading answered by then; -1 if none. */
    synchronized long appliedBy(String controlPoint, long nanos) {
        long best = -1;
        for (Sample s : applied.getOrDefault(controlPoint, List.of())) {
            if (s.endNanos() <= nanos) {
                best = Math.max(best, s.value());
            }
        }
        return best;
    }

    /**
     * @param sentNanos    when the arrival's reads were sent
     * @param decidedNanos when its decision reached the simulator (so it was made before)
     */
    Knowledge knowledge(BundleMade made, String controlPoint, long sentNanos, long decidedNanos) {
        long sequence = issuedAfter(made.answeredNanos());
        if (sequence >= 0 && appliedBy(controlPoint, sentNanos) >= sequence) {
            return Knowledge.KNOWN;
        }
        if (made.startedNanos() >= cutDone && decidedNanos < restoreStarted) {
            return Knowledge.UNKNOWN;
        }
        return Knowledge.EITHER;
    }

    /** Whether a decision heard at {@code nanos} may have been made while the feed was cut (from the cut's start to its restore's end). */
    boolean cutOffAt(long nanos) {
        return nanos >= cutStarted && nanos < restoreDone;
    }

    boolean wasCut() {
        return cutStarted != Long.MAX_VALUE;
    }

    long cutStartedNanos() {
        return cutStarted;
    }

    long restoreDoneNanos() {
        return restoreDone;
    }
}
