package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.feed.LaneChange;
import hk.seamless.gate.LaneHub;
import hk.seamless.kafka.EngineIdentity;
import hk.seamless.kafka.FeedPublisher;
import hk.seamless.kafka.FeedSubscriber;
import hk.seamless.kafka.KafkaClients;
import hk.seamless.kafka.LaneReportPublisher;
import hk.seamless.kafka.LaneReportRecorder;
import hk.seamless.kafka.RemoteSnapshot;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.log.SegmentedLog;
import hk.seamless.registryfeed.FeedOutbox;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import hk.seamless.trade.Crossings;
import hk.seamless.trade.LodgementWindow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that join this engine to the others over Kafka, by role: the registry publishes its
 * feed and records the lane engines' reports; a lane engine reads the feed into its views and
 * reports its lanes. Standalone has none. None of them is on the way of a decision or of a start:
 * Kafka away, each retries on its own thread, and {@link #status()} says so.
 */
final class RoleLinks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RoleLinks.class);
    /** How often a lane engine tells its consoles how current its views are. */
    private static final long CONSOLE_FEED_STATUS_MILLIS = 2_000;

    private final List<AutoCloseable> parts;
    private final Supplier<JsonObject> status;

    private RoleLinks(List<AutoCloseable> parts, Supplier<JsonObject> status) {
        this.parts = parts;
        this.status = status;
    }

    static RoleLinks start(
            EngineConfig config,
            Clock clock,
            MeterRegistry metrics,
            Stores stores,
            RegistryWriter writer,
            FeedOutbox outbox,
            LaneFeedConsumer laneViews,
            SegmentedLog laneLog,
            LaneHub hub,
            Vertx vertx) {
        Topology topology = config.topology();
        KafkaClients kafka = new KafkaClients(topology);
        switch (topology.role()) {
            case STANDALONE -> {
                return new RoleLinks(List.of(), () -> new JsonObject().put("role", "standalone"));
            }
            case REGISTRY -> {
                FeedPublisher publisher = new FeedPublisher(kafka, Objects.requireNonNull(outbox));
                LaneReportRecorder recorder = new LaneReportRecorder(
                        kafka,
                        writer,
                        new Crossings(LodgementWindow.hongKong(config.rules().lodgementWindow())),
                        EngineIdentity.of(config.server().dataDir()));
                publisher.start();
                recorder.start();
                Gauge.builder("seamless_feed_published", publisher, FeedPublisher::published)
                        .description("the newest lane feed entry Kafka acknowledged")
                        .register(metrics);
                Gauge.builder("seamless_feed_outbox", outbox, FeedOutbox::lastSequence)
                        .description("the newest lane feed entry issued")
                        .register(metrics);
                Gauge.builder("seamless_feed_unprojectable", outbox, FeedOutbox::resynchronisations)
                        .description("registry changes that could not be put on the lane feed")
                        .register(metrics);
                return new RoleLinks(
                        List.of(publisher, recorder),
                        () -> new JsonObject()
                                .put("role", "registry")
                                .put(
                                        "feed",
                                        new JsonObject()
                                                .put("issued", outbox.lastSequence())
                                                .put("published", publisher.published())
                                                .put("kafkaError", publisher.lastError()))
                                .put(
                                        "laneReports",
                                        new JsonObject()
                                                .put("recorded", recorder.recorded())
                                                .put("kafkaError", recorder.lastError())));
            }
            case LANE -> {
                return lane(config, clock, metrics, stores, laneViews, laneLog, hub, vertx, kafka);
            }
            default -> throw new IllegalStateException("no links for role " + topology.role());
        }
    }

    private static RoleLinks lane(
            EngineConfig config,
            Clock clock,
            MeterRegistry metrics,
            Stores stores,
            LaneFeedConsumer laneViews,
            SegmentedLog laneLog,
            LaneHub hub,
            Vertx vertx,
            KafkaClients kafka) {
        Topology topology = config.topology();
        RemoteSnapshot snapshots = new RemoteSnapshot(topology.registryUrl(), topology.feedToken());
        long rebuilt = laneViews.finishStartFromRemote(snapshots);
        if (laneViews.isStale()) {
            LOG.warn(
                    "The lane views could not be rebuilt from the registry at {} ({}); every truck is inspected until"
                            + " they are (retried every few seconds)",
                    topology.registryUrl(),
                    laneViews.staleReason());
        } else if (rebuilt > 0) {
            LOG.info("The lane views were rebuilt from the registry's snapshot ({} lane changes)", rebuilt);
        }
        laneViews.onCloneSuspected(alert -> hub.toConsoles(cloneAlert(alert, clock)));
        FeedSubscriber subscriber =
                new FeedSubscriber(kafka, laneViews, snapshots, stores.store(StoreName.LANE_FEED), clock, metrics);
        LaneReportPublisher reports = new LaneReportPublisher(
                kafka,
                laneLog,
                config.server().dataDir(),
                EngineIdentity.of(config.server().dataDir()));
        subscriber.start();
        reports.start();
        Gauge.builder("seamless_lane_reports_waiting", reports, LaneReportPublisher::waiting)
                .description("lane log entries not yet acknowledged by Kafka")
                .register(metrics);
        Gauge.builder("seamless_feed_behind", subscriber, s -> s.status().behind() ? 1 : 0)
                .description("1 while this lane engine's views may lack what the registry has")
                .register(metrics);
        Supplier<JsonObject> status = () -> new JsonObject()
                .put("role", "lane")
                .put("controlPoint", topology.controlPoint())
                .put("feed", feedStatus(subscriber.status()))
                .put(
                        "laneReports",
                        new JsonObject().put("waiting", reports.waiting()).put("kafkaError", reports.lastError()));
        long timer = vertx.setPeriodic(
                CONSOLE_FEED_STATUS_MILLIS,
                id -> hub.toConsoles(
                        feedStatus(subscriber.status()).put("kind", "feed").encode()));
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(() -> vertx.cancelTimer(timer));
        parts.add(subscriber);
        parts.add(reports);
        return new RoleLinks(parts, status);
    }

    private static JsonObject feedStatus(FeedSubscriber.FeedStatus s) {
        return new JsonObject()
                .put("behind", s.behind())
                .put("behindSince", hk.seamless.config.HongKong.time(s.behindSince()))
                .put("lastHeardAt", hk.seamless.config.HongKong.time(s.lastHeardAt()))
                .put("applied", s.applied())
                .put("registrySequence", s.registrySequence())
                .put("kafkaError", s.lastError());
    }

    private static String cloneAlert(LaneChange.CloneSuspected alert, Clock clock) {
        return new JsonObject()
                .put("kind", "alert")
                .put("alert", "SUSPECTED_CLONE")
                .put("bundleId", alert.bundleId())
                .put("detail", alert.detail())
                .put("at", hk.seamless.config.HongKong.time(clock.instant()))
                .encode();
    }

    /** What {@code /health} says of the role and its links. */
    JsonObject status() {
        return status.get();
    }

    @Override
    public void close() {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("A Kafka link did not close cleanly", e);
            }
        }
    }
}
