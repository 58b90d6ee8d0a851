package hk.seamless.engine;

import hk.seamless.access.Session;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StalePurge;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine purges, and how often: sessions past their expiry and idempotency answers older
 * than their retention. (IVRS call states live in memory, capped, and are forgotten after 30 idle
 * minutes by a timer of their own, {@link hk.seamless.ivrs.IvrsCalls#forgetIdleCalls()}: they never reach a store.)
 */
final class Housekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    static final Duration EVERY = Duration.ofMinutes(10);

    /** The one field every remembered idempotency record carries for this: when it was written. */
    record Stamped(Instant at) {}

    private Housekeeping() {}

    static StalePurge purge(Stores stores, RegistryWriter writer, Clock clock, Duration idempotencyRetention) {
        return new StalePurge(
                stores,
                writer,
                clock,
                List.of(
                        new StalePurge.Rule(
                                StoreName.SESSIONS,
                                "expired sessions",
                                (json, now) -> !JsonCodec.read(json, Session.class)
                                        .expiresAt()
                                        .isAfter(now)),
                        new StalePurge.Rule(
                                StoreName.IDEMPOTENCY, "idempotency answers past their retention", (json, now) -> {
                                    Instant at =
                                            JsonCodec.read(json, Stamped.class).at();
                                    // Answers remembered before they carried a time are kept: their age is unknown.
                                    return at != null
                                            && at.plus(idempotencyRetention).isBefore(now);
                                })));
    }

    /**
     * Deletes sealed log segments older than the archive retention (before each log's checkpoint
     * only), hourly on a worker. Nothing is scheduled when the retention is "never", the default.
     */
    static void scheduleArchiveRetention(
            Vertx vertx, Clock clock, Duration retention, List<hk.seamless.log.SegmentedLog> logs) {
        if (retention == null) {
            return;
        }
        vertx.setPeriodic(
                Duration.ofHours(1).toMillis(),
                id -> vertx.executeBlocking(
                                () -> {
                                    logs.forEach(log -> log.deleteSegmentsBefore(
                                            clock.instant().minus(retention)));
                                    return null;
                                },
                                false)
                        .onFailure(e -> LOG.warn(
                                "Deleting log segments past the archive retention failed; tried again in an hour", e)));
    }

    /** How often finished records are moved out of the hot maps: daily is plenty for a period in days. */
    static final Duration RETENTION_EVERY = Duration.ofHours(24);
    /** The first move, soon after a start, off the start's own critical path. */
    static final Duration RETENTION_FIRST = Duration.ofMinutes(5);

    /** Moves finished records to the archive daily, on a worker (it scans the hot maps). */
    static void scheduleRetention(Vertx vertx, hk.seamless.trade.RetentionMove move) {
        Runnable run = () -> vertx.executeBlocking(() -> move.run().join(), false)
                .onFailure(e -> LOG.warn(
                        "Moving finished records to the archive failed; it runs again in {}", RETENTION_EVERY, e));
        vertx.setTimer(RETENTION_FIRST.toMillis(), id -> run.run());
        vertx.setPeriodic(RETENTION_EVERY.toMillis(), id -> run.run());
    }

    /**
     * Checkpoints the lane log every {@code interval} on a worker, so that a start after a kill
     * reads only what followed (the lane's own thread never waits for the disk).
     */
    static void scheduleLaneCheckpoints(Vertx vertx, Duration interval, hk.seamless.log.SegmentedLog laneLog) {
        vertx.setPeriodic(
                interval.toMillis(),
                id -> vertx.executeBlocking(
                                () -> {
                                    hk.seamless.log.Checkpoint last = laneLog.lastCheckpoint();
                                    return last != null && last.sequence() >= laneLog.lastSequence()
                                            ? last
                                            : laneLog.checkpoint(java.util.Map.of());
                                },
                                false)
                        .onFailure(e -> LOG.warn("Could not checkpoint the lane log; tried again in {}", interval, e)));
    }

    /** Runs the purge every {@link #EVERY}, on a worker (it scans stores), never on the event loop. */
    static void schedule(Vertx vertx, StalePurge purge) {
        vertx.setPeriodic(
                EVERY.toMillis(),
                id -> vertx.executeBlocking(() -> purge.run().join(), false)
                        .onFailure(e -> LOG.warn("The purge of stale records failed; it runs again in {}", EVERY, e)));
    }
}
