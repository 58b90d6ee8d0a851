package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.Lane;
import hk.seamless.gate.LaneHub;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.log.Checkpoint;
import hk.seamless.pipeline.CrossingRecovery;
import hk.seamless.pipeline.CrossingReporter;
import hk.seamless.pipeline.LaneJournalReplay;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.store.RegistryWriter;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.Crossing;
import hk.seamless.trade.Crossings;
import hk.seamless.trade.LodgementWindow;
import hk.seamless.trade.TradeRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane side's part of a start: where the lane feed's numbering goes on from, the lanes and their
 * latched gate faults, the console's board and the crossings read back from the lane journal, and
 * how the lanes report a crossing to the registry. {@link Engine#start} calls these in its order.
 */
final class LaneSideStart {

    private static final Logger LOG = LoggerFactory.getLogger(LaneSideStart.class);

    private LaneSideStart() {}

    /** Crossings the lane journal holds but the registry did not record before the last stop. */
    static void reportUnrecordedCrossings(
            LaneJournalReplay laneHistory, TradeRegistry registry, CrossingReporter crossings) {
        int recovered = CrossingRecovery.reportUnrecorded(
                laneHistory,
                bundleId -> {
                    // A recorded crossing leaves the bundle USED for good; ACTIVE, or UNBUNDLED by
                    // the trucker since the release, it was never recorded (Crossings records both).
                    Bundle b = registry.bundles().find(bundleId);
                    return b != null && (b.status() == BundleStatus.ACTIVE || b.status() == BundleStatus.UNBUNDLED);
                },
                crossings);
        if (recovered > 0) {
            LOG.warn("Reported {} crossings the registry had not recorded before the last stop", recovered);
        }
    }

    /** Lanes in the pipeline's order; a gate fault latched before a restart still holds its lane. */
    static LaneHub laneHub(EngineConfig config) {
        return new LaneHub(
                config.controlPoints().stream()
                        .flatMap(cp -> cp.lanes().stream())
                        .map(Lane::id)
                        .toList(),
                config.server().dataDir().resolve("gate-faults.properties"));
    }

    /** The console's board as it was: the recent arrivals the lane journal holds. */
    static void restoreArrivals(LanePipeline pipeline, LaneJournalReplay laneHistory) {
        pipeline.restoreArrivals(laneHistory.recentArrivals());
        if (laneHistory.unreadable() > 0) {
            LOG.warn(
                    "{} arrivals in the lane journal could not be read back; they are not on the console's board",
                    laneHistory.unreadable());
        }
    }

    /**
     * Where the lane feed's numbering goes on from: the mark the last checkpoint kept, since the
     * start replays only the changes after it. Maps made afresh take the whole log, numbered from
     * the start. A checkpoint without the mark (written before the feed) cannot say what the lane
     * view holds: the view is rebuilt from the registry once the log is read.
     */
    static void resumeLaneFeed(
            EngineConfig config, boolean mapsExisted, LaneFeed laneFeed, LaneFeedConsumer laneConsumer) {
        Checkpoint checkpoint = mapsExisted
                ? Checkpoint.read(RegistryLogStart.logDir(config.server().dataDir()))
                : null;
        Long mark = checkpoint == null ? null : checkpoint.marks().get(LaneFeed.CHECKPOINT_MARK);
        if (checkpoint != null && mark == null) {
            laneConsumer.rebuildAtStart("the registry's checkpoint does not say where the lane feed was");
        }
        laneFeed.resumeAt(mark == null ? 0 : mark);
    }

    /** The lane side reports a crossing; the registry records it on its own thread, durably. */
    static CrossingReporter crossingReporter(RegistryWriter writer, EngineConfig config) {
        Crossings crossings =
                new Crossings(LodgementWindow.hongKong(config.rules().lodgementWindow()));
        return (bundleId, controlPoint, lane, arrivalId, atMillis) -> writer.submit(
                        "lane " + lane,
                        "lane " + lane,
                        tx -> crossings.record(
                                tx,
                                bundleId,
                                new Crossing(controlPoint, lane, arrivalId, Instant.ofEpochMilli(atMillis))))
                .exceptionally(e -> {
                    LOG.error(
                            "Could not record the crossing of bundle {} ({}); it is in the lane journal and will be"
                                    + " reported again at the next start",
                            bundleId,
                            arrivalId,
                            e);
                    return false;
                });
    }
}
