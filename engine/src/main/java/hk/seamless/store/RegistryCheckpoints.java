package hk.seamless.store;

import hk.seamless.log.Checkpoint;
import hk.seamless.log.SegmentedLog;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the registry's maps are forced to the disk and the log checkpointed, so that a start after a
 * kill replays only what came after: every so many changes or so much time, whichever first, and at
 * a clean close. Runs on the writer thread only, between commands, so the maps hold exactly the
 * log's last entry when they are forced.
 */
public final class RegistryCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryCheckpoints.class);

    /** Checkpoint after {@code changes} log entries or {@code interval}, whichever comes first. */
    public record Policy(Duration interval, long changes) {

        public static Policy defaults() {
            return new Policy(Duration.ofMinutes(5), 100_000);
        }
    }

    private final Stores stores;
    private final SegmentedLog log;
    private final Policy policy;
    private final Supplier<Map<String, Long>> marks;
    private long lastAttemptMillis = -1;

    RegistryCheckpoints(Stores stores, SegmentedLog log, Policy policy, Supplier<Map<String, Long>> marks) {
        this.stores = stores;
        this.log = log;
        this.policy = policy;
        this.marks = marks;
    }

    private long sinceLastCheckpoint() {
        Checkpoint last = log.lastCheckpoint();
        return log.lastSequence() - (last == null ? 0 : last.sequence());
    }

    void ifDue(long nowMillis) {
        if (lastAttemptMillis < 0) {
            lastAttemptMillis = nowMillis;
        }
        long since = sinceLastCheckpoint();
        if (since > 0
                && (since >= policy.changes()
                        || nowMillis - lastAttemptMillis >= policy.interval().toMillis())) {
            tryNow(nowMillis);
        }
    }

    void atClose(long nowMillis) {
        if (sinceLastCheckpoint() > 0) {
            tryNow(nowMillis);
        }
    }

    /** Forces every map, then records the log's position: the order that makes the checkpoint true. */
    Checkpoint now(long nowMillis) {
        lastAttemptMillis = nowMillis;
        stores.force();
        return log.checkpoint(marks.get());
    }

    /**
     * A checkpoint that fails costs only replay time at the next start (the log still has every
     * change), so writes go on; it is tried again after the interval.
     */
    private void tryNow(long nowMillis) {
        try {
            now(nowMillis);
        } catch (RuntimeException e) {
            LOG.error("Could not checkpoint the registry log; writes go on, a start after a crash replays more", e);
        }
    }
}
