package hk.seamless.config;

import java.time.Duration;

/**
 * How the registry's segmented log ({@code hk.seamless.log.SegmentedLog}) is laid out and kept, and
 * how often the registry checkpoints it. A setting like the others, so it lives beside them: the log
 * reads it, the configuration never needs the log.
 *
 * @param segmentBytes       a segment is sealed and a new one started once a write would take it past
 *                           this size (a segment also ends with its Hong Kong day)
 * @param fsync              force appended entries to the disk at each flush: for the registry's log
 *                           the {@code journalFsync} setting (a write acknowledged survives a power
 *                           cut, not only a killed process); the lane log and the feed outbox are
 *                           never forced (see LaneLogStart, FeedOutbox)
 * @param checkpointInterval the registry checkpoints at least this often while it is written to
 * @param checkpointChanges  ... or after this many registry changes, whichever comes first
 * @param archiveRetention   sealed segments older than this may be deleted; null: kept for ever
 */
public record LogSettings(
        long segmentBytes,
        boolean fsync,
        Duration checkpointInterval,
        long checkpointChanges,
        Duration archiveRetention) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

    public LogSettings {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("a segment of at least 4096 bytes");
        }
        if (checkpointChanges < 1) {
            throw new IllegalArgumentException("checkpointChanges must be positive");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive");
        }
    }

    /**
     * 64 MiB segments (a few hundred thousand changes, a busy day's worth at most); a checkpoint
     * every 5 minutes or 100,000 changes, so a kill -9 costs at most 100,000 entries of replay (a
     * few seconds, see the README), and a checkpoint (forcing every map) costs the writer a pause a
     * few times an hour at most; segments kept for ever.
     */
    public static LogSettings defaults() {
        return new LogSettings(DEFAULT_SEGMENT_BYTES, true, Duration.ofMinutes(5), 100_000, null);
    }

    public LogSettings withFsync(boolean force) {
        return new LogSettings(segmentBytes, force, checkpointInterval, checkpointChanges, archiveRetention);
    }

    public LogSettings withSegmentBytes(long bytes) {
        return new LogSettings(bytes, fsync, checkpointInterval, checkpointChanges, archiveRetention);
    }

    public LogSettings withCheckpoints(Duration interval, long changes) {
        return new LogSettings(segmentBytes, fsync, interval, changes, archiveRetention);
    }

    public LogSettings withArchiveRetention(Duration retention) {
        return new LogSettings(segmentBytes, fsync, checkpointInterval, checkpointChanges, retention);
    }
}
