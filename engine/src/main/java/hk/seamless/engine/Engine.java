package hk.seamless.engine;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.EngineRole;
import hk.seamless.device.LaneDevices;
import hk.seamless.gate.LaneHub;
import hk.seamless.http.Authentication;
import hk.seamless.http.RequestContract;
import hk.seamless.kafka.LaneReportPublisher;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.lane.LaneView;
import hk.seamless.log.OwnerOnly;
import hk.seamless.log.SegmentedLog;
import hk.seamless.pipeline.CrossingReporter;
import hk.seamless.pipeline.LaneJournalReplay;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.registryfeed.FeedOutbox;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.risk.RiskView;
import hk.seamless.risk.WatchlistIndex;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.NoPhoneHome;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreFillAlerts;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreSizes;
import hk.seamless.trade.Archive;
import hk.seamless.trade.PendingRegistrations;
import hk.seamless.trade.RetentionMove;
import hk.seamless.trade.TradeRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine assembled: stores opened (and recovered after an unclean stop), the journal replayed,
 * the registry writer running, then, and only then, the HTTP servers listening.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineConfig config;
    private final ChronicleStores stores;
    private final RegistryWriter writer;
    private final LanePipeline pipeline;
    private final Vertx vertx;
    private final int port;
    private final String adminToken;
    private final RetentionMove retention;
    /** The LLRP readers and Modbus gates the lanes' settings name; none for lanes whose devices call in. */
    private LaneDevices laneDevices;
    /** Role registry or lane: the threads that talk to Kafka (none standalone). */
    private RoleLinks roleLinks;
    /** Role registry: the lane feed kept until Kafka has it. */
    private FeedOutbox feedOutbox;
    /** The API contract, read on Vert.x's worker threads while the engine starts serving. */
    private Future<RequestContract> contract;
    /** Builds the router every HTTP server instance serves: the one place the routes are mounted. */
    private final Supplier<Router> routers;

    private Engine(
            EngineConfig config,
            ChronicleStores stores,
            RegistryWriter writer,
            LanePipeline pipeline,
            Vertx vertx,
            int port,
            String adminToken,
            RetentionMove retention,
            Supplier<Router> routers) {
        this.config = config;
        this.stores = stores;
        this.writer = writer;
        this.pipeline = pipeline;
        this.vertx = vertx;
        this.port = port;
        this.adminToken = adminToken;
        this.retention = retention;
        this.routers = routers;
    }

    /**
     * Moves what has been finished for the retention period to the archive now (the engine does it
     * daily by itself); completes with how many records moved. Blocking: scans the hot maps.
     */
    public CompletableFuture<Integer> archiveFinishedRecords() {
        return retention.run();
    }

    /**
     * Starts the engine, in this order (each part needs the ones before it): the data folder and the
     * maps; the lane feed resumed; the registry's log replayed and its writer running; the registry;
     * metrics and Vert.x; the lane side (its journal read back, the pipeline); the role's links over
     * Kafka (RoleLinks: none standalone); the HTTP servers; the timers; the lane devices. A part that
     * fails closes what the parts before it opened.
     */
    public static Engine start(EngineConfig config, Clock clock) {
        NoPhoneHome.ensure();
        long started = System.nanoTime();
        createDataFolder(config);
        boolean mapsExisted = RegistryLogStart.mapsExist(config.server().dataDir());
        ChronicleStores stores = openStores(config);
        RegistryWriter writer = null;
        SegmentedLog registryLog = null;
        SegmentedLog laneLog = null;
        LanePipeline pipeline = null;
        Vertx vertx = null;
        Future<RequestContract> contract = null;
        FeedOutbox feedOutbox = null;
        RoleLinks roleLinks = null;
        EngineRole role = config.topology().role();
        try {
            // The lane view and the registry's feed to it, numbered on from the last checkpoint.
            LaneView laneView = new LaneView(stores);
            RiskView riskView = new RiskView(stores, config.controlPoints());
            LaneFeedConsumer laneConsumer = new LaneFeedConsumer(stores, laneView, riskView);
            // Where the feed goes: to this process's lanes, or (role registry) to Kafka through its outbox.
            feedOutbox = role == EngineRole.REGISTRY
                    ? FeedOutbox.open(
                            RegistryLogStart.logDir(config.server().dataDir()).resolveSibling("feed"),
                            config.log(),
                            clock)
                    : null;
            LaneFeed laneFeed = new LaneFeed(stores, feedOutbox != null ? feedOutbox : laneConsumer);
            WatchlistIndex watchlistIndex = new WatchlistIndex(stores);
            // A repaired lane map may have lost what the lane feed says it applied; a repaired registry
            // map is made whole again by the log's replay, which feeds the lanes what follows.
            if (stores.repairedMaps().stream().anyMatch(StoreName::isLaneView)) {
                laneConsumer.rebuildAtStart("Chronicle repaired a lane map after an unclean stop");
            }
            LaneSideStart.resumeLaneFeed(config, mapsExisted, laneFeed, laneConsumer);

            // The registry's log replayed over the maps, then its single writer. A lane engine's own
            // registry (its officers and devices) feeds nothing: its lanes are fed by the registry's.
            List<RegistryChangeListener> listeners =
                    role == EngineRole.LANE ? List.of(watchlistIndex) : List.of(laneFeed, watchlistIndex);
            RegistryLogStart.Opened opened = RegistryLogStart.open(config, stores, mapsExisted, listeners, clock);
            registryLog = opened.log();
            SegmentedLog registryLogKept = registryLog;
            if (role == EngineRole.STANDALONE) {
                laneConsumer.finishStart(laneFeed);
            }
            PendingRegistrations pendingRegistrations = new PendingRegistrations().recount(stores);
            writer = RegistryStart.writer(
                    config, stores, registryLog, clock, listeners, pendingRegistrations, laneFeed, feedOutbox);
            registryLog = null;
            if (opened.checkpointDue()) {
                StartStep.await(writer.checkpoint());
            }

            // The registry, and the accounts as the configuration wants them.
            Archive archive = RegistryStart.archive(stores, registryLogKept);
            TradeRegistry registry = RegistryStart.registry(config, stores, writer, clock, watchlistIndex, archive);
            String adminToken = AdminToken.resolve(
                    config.server().adminToken(), config.server().dataDir());
            if (RegistryStart.settleAccounts(stores, writer, adminToken)
                    && config.server().adminToken() != null) {
                // A configured token replaced the one in the file, which is now revoked: the file says
                // the token in force, or a later start without the setting would bring the old one back.
                AdminToken.write(config.server().dataDir(), adminToken);
            }

            // Metrics, and Vert.x reporting into them.
            PrometheusMeterRegistry metrics = EngineMetrics.withJvmAndProcess();
            new StoreMetrics(stores, writer).bindTo(metrics);
            LaneFeedMetrics.bind(metrics, laneFeed, laneConsumer);
            StoreFillAlerts fillAlerts =
                    new StoreFillAlerts(stores, config.limits().storeFillAlert());
            fillAlerts.check();
            vertx = EngineMetrics.reportingInto(metrics);
            // The API contract that checks request bodies, read while the rest starts.
            contract = RequestContract.load(vertx)
                    .onFailure(e ->
                            LOG.error("The API contract could not be read: writes are refused until a restart", e));
            Authentication auth = new Authentication(registry.accounts(), clock);

            // The lane side: its journal read back (crossings the registry missed reported), then the pipeline.
            laneLog = LaneLogStart.open(config, clock);
            // A lane engine's crossings reach the registry from its lane log, over Kafka (LaneReportPublisher).
            CrossingReporter crossings =
                    role == EngineRole.LANE ? CrossingReporter.NONE : LaneSideStart.crossingReporter(writer, config);
            SegmentedLog laneLogRead = laneLog;
            LaneJournalReplay laneHistory = RegistryLogStart.openOrSayWhy(
                    "the lane log",
                    () -> role == EngineRole.LANE
                            ? LaneJournalReplay.read(
                                    laneLogRead.reader(),
                                    LanePipeline.RECENT_ARRIVALS,
                                    LaneReportPublisher.reportedUpTo(
                                            config.server().dataDir()))
                            : LaneJournalReplay.read(laneLogRead.reader(), LanePipeline.RECENT_ARRIVALS),
                    config.server().dataDir());
            if (role == EngineRole.STANDALONE) {
                LaneSideStart.reportUnrecordedCrossings(laneHistory, registry, crossings);
            }
            LaneHub hub = LaneSideStart.laneHub(config);
            pipeline = new LanePipeline(config, laneView, riskView, hub, crossings, laneLog, clock, metrics);
            SegmentedLog laneLogKept = laneLog;
            laneLog = null;
            LaneSideStart.restoreArrivals(pipeline, laneHistory);
            // Cut off, a lane engine's views still hold the bundles it released ACTIVE: never twice.
            pipeline.restoreReleases(laneHistory.releasesByBundle().keySet(), clock.millis());

            // The role's links over Kafka: started before serving, they never hold the start up.
            roleLinks = RoleLinks.start(
                    config, clock, metrics, stores, writer, feedOutbox, laneConsumer, laneLogKept, hub, vertx);

            // The HTTP servers, last: nothing is served before the registry and the lanes are ready.
            List<Consumer<Router>> routes = EngineRoutes.all(
                    config,
                    stores,
                    registry,
                    auth,
                    vertx,
                    metrics,
                    fillAlerts,
                    laneConsumer,
                    pendingRegistrations,
                    pipeline,
                    hub,
                    new EngineRoutes.AuditLogs(registryLogKept, laneLogKept),
                    laneFeed,
                    roleLinks::status);
            Supplier<Router> routers = EngineRoutes.routers(vertx, config, registry, auth, contract, routes);
            int port = HttpServers.deploy(vertx, config, routers);
            LOG.info(
                    "Seamless engine serving on http://{}:{} (data in {}, started in {} ms)",
                    config.server().httpHost(),
                    port,
                    config.server().dataDir().toAbsolutePath(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            RetentionMove retention = EngineTimers.start(
                    vertx,
                    config,
                    clock,
                    stores,
                    writer,
                    pipeline,
                    hub,
                    fillAlerts,
                    archive,
                    registry,
                    registryLogKept,
                    laneLogKept);
            HttpServers.writePortFile(config.server().dataDir(), port);
            Engine engine = new Engine(config, stores, writer, pipeline, vertx, port, adminToken, retention, routers);
            engine.roleLinks = roleLinks;
            engine.contract = contract;
            engine.feedOutbox = feedOutbox;
            engine.laneDevices = LaneDevices.start(pipeline, hub, clock, metrics);
            return engine;
        } catch (RuntimeException | IOException e) {
            if (roleLinks != null) {
                roleLinks.close();
            }
            if (vertx != null) {
                awaitLoading(contract);
                vertx.close();
            }
            if (pipeline != null) {
                pipeline.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (registryLog != null) {
                registryLog.close();
            }
            if (laneLog != null) {
                laneLog.close();
            }
            if (feedOutbox != null) {
                feedOutbox.close();
            }
            // Keeps the unclean-stop marker: this start may have been replaying or writing when it
            // failed, so the next one must recover, never trust the maps as they are.
            stores.closeAfterFailedStart();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private static void createDataFolder(EngineConfig config) {
        try {
            OwnerOnly.folder(config.server().dataDir());
        } catch (IOException | RuntimeException e) {
            throw new StartFailure(
                    "cannot use " + config.server().dataDir() + " as the data folder (" + e
                            + "): set dataDir (SEAMLESS_DATA_DIR) to a folder this user may create and write",
                    e);
        }
    }

    private static ChronicleStores openStores(EngineConfig config) {
        try {
            return ChronicleStores.open(config.server().dataDir(), StoreSizes.of(config));
        } catch (IllegalStateException inUse) {
            throw new StartFailure(
                    inUse.getMessage() + ": stop it, or set dataDir (SEAMLESS_DATA_DIR) to another folder", inUse);
        }
    }

    public int port() {
        return port;
    }

    public String adminToken() {
        return adminToken;
    }

    /** The lane pipeline, for those who run the engine in-process (tests, embedding tools). */
    public LanePipeline pipeline() {
        return pipeline;
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * The HTTP routes as the servers mount them (a router built the same way, not served), for the
     * test that holds them to the API contract ({@code openapi.yaml}).
     */
    public List<Route> httpRoutes() {
        return routers.get().getRoutes();
    }

    /**
     * Waits (a few seconds at most) for the contract still being read when the engine stops right
     * after it started: closing Vert.x under that work makes its worker threads log errors, which a
     * clean stop must not.
     */
    private static void awaitLoading(Future<?> work) {
        if (work == null) {
            return;
        }
        try {
            work.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Its failure is logged where it is read; a stop goes on either way.
        }
    }

    /** A clean stop: servers closed, queued writes finished and flushed, stores closed, marker removed. */
    @Override
    public void close() {
        laneDevices.close();
        roleLinks.close();
        awaitLoading(contract);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly", e);
        }
        pipeline.close();
        writer.close();
        if (feedOutbox != null) {
            feedOutbox.close();
        }
        stores.close();
        LOG.info("Seamless engine stopped cleanly");
    }
}
