package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.gate.LaneHub;
import hk.seamless.log.SegmentedLog;
import hk.seamless.pipeline.ConsoleHeartbeat;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreFillAlerts;
import hk.seamless.trade.Archive;
import hk.seamless.trade.RetentionMove;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/** The timers a running engine keeps, all on its Vert.x instance (closed with it). */
final class EngineTimers {

    /** How often the stores' fill is compared with the alert level. */
    private static final long FILL_CHECK_MILLIS = 30_000;

    private EngineTimers() {}

    /**
     * The engine's timers: the pipeline's tick, the console's heartbeat, the stores' fill, the purge
     * of stale entries, the lane log's checkpoints, the logs' archive retention and the daily move of
     * finished records to the archive (returned: it can be run on demand too).
     */
    static RetentionMove start(
            Vertx vertx,
            EngineConfig config,
            Clock clock,
            ChronicleStores stores,
            RegistryWriter writer,
            LanePipeline pipeline,
            LaneHub hub,
            StoreFillAlerts fillAlerts,
            Archive archive,
            TradeRegistry registry,
            SegmentedLog registryLog,
            SegmentedLog laneLog) {
        vertx.setPeriodic(config.pipeline().tickInterval().toMillis(), id -> pipeline.tick());
        ConsoleHeartbeat.start(vertx, hub, clock);
        // A timer on the event loop, but a cheap one: a few counters read per store.
        vertx.setPeriodic(FILL_CHECK_MILLIS, id -> fillAlerts.check());
        Housekeeping.schedule(
                vertx, Housekeeping.purge(stores, writer, clock, config.limits().idempotencyRetention()));
        Housekeeping.scheduleLaneCheckpoints(vertx, config.log().checkpointInterval(), laneLog);
        Housekeeping.scheduleArchiveRetention(
                vertx, clock, config.log().archiveRetention(), List.of(registryLog, laneLog));
        RetentionMove retention = new RetentionMove(
                stores, writer, archive, registry.consignments().window(), clock, config.retention());
        Housekeeping.scheduleRetention(vertx, retention);
        return retention;
    }
}
