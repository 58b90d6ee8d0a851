package hk.seamless.engine;

import hk.seamless.access.PasswordHasher;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Lane;
import hk.seamless.gate.LaneHub;
import hk.seamless.http.AccountRoutes;
import hk.seamless.http.Authentication;
import hk.seamless.http.BatchRoutes;
import hk.seamless.http.ConsignmentRoutes;
import hk.seamless.http.ConsoleRoutes;
import hk.seamless.http.DeviceAuthentication;
import hk.seamless.http.DeviceRoutes;
import hk.seamless.http.FleetRoutes;
import hk.seamless.http.HttpApi;
import hk.seamless.http.HttpApiVerticle;
import hk.seamless.http.LaneRoutes;
import hk.seamless.http.RiskRoutes;
import hk.seamless.http.SystemRoutes;
import hk.seamless.http.TemplateRoutes;
import hk.seamless.http.UploadSlots;
import hk.seamless.http.WriteAdmission;
import hk.seamless.lane.Devices;
import hk.seamless.pipeline.ConsoleHeartbeat;
import hk.seamless.pipeline.CrossingRecovery;
import hk.seamless.pipeline.CrossingReporter;
import hk.seamless.pipeline.LaneJournalReplay;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.risk.RandomRates;
import hk.seamless.risk.RiskView;
import hk.seamless.risk.Watchlist;
import hk.seamless.store.NoPhoneHome;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.Crossing;
import hk.seamless.trade.Crossings;
import java.nio.file.Path;
import java.time.Instant;
import hk.seamless.audit.AuditTrail;
import hk.seamless.audit.LaneEntries;
import hk.seamless.audit.LogAuditSource;
import hk.seamless.audit.RegistryEntries;
import hk.seamless.http.AuditRoutes;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.lane.LaneView;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreFillAlerts;
import hk.seamless.store.StoreSizes;
import hk.seamless.trade.Accounts;
import hk.seamless.trade.Archive;
import hk.seamless.trade.Bundles;
import hk.seamless.trade.CargoInformationReader;
import hk.seamless.trade.CcrnGenerator;
import hk.seamless.trade.Consignments;
import hk.seamless.trade.FailedAttemptLimiter;
import hk.seamless.trade.LodgementTemplates;
import hk.seamless.trade.LodgementWindow;
import hk.seamless.trade.PendingRegistrations;
import hk.seamless.trade.RetentionMove;
import hk.seamless.trade.TradeRegistry;
import hk.seamless.trade.Vehicles;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The engine assembled: stores opened (and recovered after an unclean stop), the journal replayed,
 * the registry writer running, then, and only then, the HTTP servers listening.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** How long a device's HTTP read waits for its decision before the engine gives up (503, gate held). */
    private static final long READ_TIMEOUT_MILLIS = 2_000;
    /** How often the stores' fill is compared with the alert level. */
    private static final long FILL_CHECK_MILLIS = 30_000;
    /** Log entries one page of the audit trail may read: a page stays well under a second, then gives a cursor. */
    private static final int AUDIT_SCAN_BUDGET = 200_000;

    private final EngineConfig config;
    private final ChronicleStores stores;
    private final RegistryWriter writer;
    private final LanePipeline pipeline;
    private final Vertx vertx;
    private final int port;
    private final String adminToken;
    private final RetentionMove retention;
    /** The LLRP readers and Modbus gates the lanes' settings name; none for lanes whose devices call in. */
    private hk.seamless.device.LaneDevices laneDevices;
    /** Builds the router every HTTP server instance serves: the one place the routes are mounted. */
    private final java.util.function.Supplier<Router> routers;

    private Engine(EngineConfig config, ChronicleStores stores, RegistryWriter writer, LanePipeline pipeline, Vertx vertx,
                   int port, String adminToken, RetentionMove retention, java.util.function.Supplier<Router> routers) {
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
    public java.util.concurrent.CompletableFuture<Integer> archiveFinishedRecords() {
        return retention.run();
    }

    public static Engine start(EngineConfig config, Clock clock) {
        NoPhoneHome.ensure();
        long started = System.nanoTime();
        try {
            hk.seamless.log.OwnerOnly.folder(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
        }
        boolean mapsExisted = RegistryLogStart.mapsExist(config.dataDir());
        ChronicleStores stores;
        try {
            stores = ChronicleStores.open(config.dataDir(), StoreSizes.of(config));
        } catch (IllegalStateException inUse) {
            throw new StartFailure(inUse.getMessage() + ": stop it, or set dataDir (SEAMLESS_DATA_DIR) to another folder",
                    inUse);
        }
        RegistryWriter writer = null;
        hk.seamless.log.SegmentedLog registryLog = null;
        hk.seamless.log.SegmentedLog laneLog = null;
        LanePipeline pipeline = null;
        Vertx vertx = null;
        try {
            LaneView laneView = new LaneView(stores);
            RiskView riskView = new RiskView(stores, config.controlPoints());
            LaneFeedConsumer laneConsumer = new LaneFeedConsumer(stores, laneView, riskView);
            LaneFeed laneFeed = new LaneFeed(stores, laneConsumer);
            hk.seamless.risk.WatchlistIndex watchlistIndex = new hk.seamless.risk.WatchlistIndex(stores);
            if (stores.recoveredFromUncleanStop() && stores.recoveryRepairs() > 0) {
                laneConsumer.rebuildAtStart("Chronicle repaired the maps after an unclean stop");
            }
            resumeLaneFeed(config, mapsExisted, laneFeed, laneConsumer);
            List<RegistryChangeListener> listeners = List.of(laneFeed, watchlistIndex);
            RegistryLogStart.Opened opened = RegistryLogStart.open(config, stores, mapsExisted, listeners, clock);
            registryLog = opened.log();
            hk.seamless.log.SegmentedLog registryLogKept = registryLog;
            laneConsumer.finishStart(laneFeed);
            PendingRegistrations pendingRegistrations = new PendingRegistrations().recount(stores);
            writer = new RegistryWriter(stores, registryLog, clock, java.util.stream.Stream.concat(listeners.stream(),
                    java.util.stream.Stream.of(pendingRegistrations)).toList(),
                    new hk.seamless.store.RegistryCheckpoints.Policy(config.log().checkpointInterval(),
                            config.log().checkpointChanges()), () -> java.util.Map.of(LaneFeed.CHECKPOINT_MARK, laneFeed.sequence()));
            registryLog = null;
            if (opened.checkpointDue()) {
                await(writer.checkpoint());
            }
            hk.seamless.log.LogReader registryLogReader = registryLogKept.reader();
            Archive archive = new Archive(stores, sequence -> registryLogReader.read(sequence)
                    .map(entry -> JsonCodec.read(entry.payload(), RegistryChange.class)));
            TradeRegistry registry = registry(config, stores, writer, clock, watchlistIndex, archive);
            String adminToken = AdminToken.resolve(config.adminToken(), config.dataDir());
            await(writer.submit("configuration", tx -> {
                new hk.seamless.trade.AccountCredentials(stores).ensureAdmin(tx, adminToken);
                return null;
            }));
            int cleared = await(writer.submit("configuration", tx -> hk.seamless.http.IdempotentWrites.forgetRememberedSecrets(stores, tx)));
            if (cleared > 0) {
                LOG.warn("{} remembered answers held a token in clear (an older engine kept them); they are cleared now, but"
                        + " the journal before this start still holds them: rotate the tokens issued before the upgrade", cleared);
            }

            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new StoreMetrics(stores, writer).bindTo(metrics);
            LaneFeedMetrics.bind(metrics, laneFeed, laneConsumer);
            StoreFillAlerts fillAlerts = new StoreFillAlerts(stores, config.limits().storeFillAlert());
            fillAlerts.check();
            bindJvmAndProcessMetrics(metrics);
            vertx = Vertx.builder()
                    .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                    .withMetrics(new MicrometerMetricsFactory(metrics))
                    .build();
            Authentication auth = new Authentication(registry.accounts(), clock);
            PasswordHasher hasher = PasswordHasher.standard();
            hk.seamless.access.PasswordWork passwordWork = hk.seamless.access.PasswordWork.standard();

            laneLog = LaneLogStart.open(config, clock);
            CrossingReporter crossings = crossingReporter(writer);
            LaneJournalReplay laneHistory = LaneJournalReplay.read(laneLog.reader(), LanePipeline.RECENT_ARRIVALS);
            int recovered = CrossingRecovery.reportUnrecorded(laneHistory, bundleId -> {
                Bundle b = registry.bundles().find(bundleId);
                return b != null && b.status() == BundleStatus.ACTIVE;
            }, crossings);
            if (recovered > 0) {
                LOG.warn("Reported {} crossings the registry had not recorded before the last stop", recovered);
            }
            // Lanes in the pipeline's order; a gate fault latched before a restart still holds its lane.
            LaneHub hub = new LaneHub(config.controlPoints().stream().flatMap(cp -> cp.lanes().stream()).map(Lane::id).toList(),
                    config.dataDir().resolve("gate-faults.properties"));
            pipeline = new LanePipeline(config, laneView, riskView, hub, crossings, laneLog, clock, metrics);
            hk.seamless.log.SegmentedLog laneLogKept = laneLog;
            laneLog = null;
            pipeline.restoreArrivals(laneHistory.recentArrivals());
            if (laneHistory.unreadable() > 0) {
                LOG.warn("{} arrivals in the lane journal could not be read back; they are not on the console's board",
                        laneHistory.unreadable());
            }
            Devices devices = new Devices(stores, pipeline.lanes().stream().collect(
                    java.util.stream.Collectors.toMap(Lane::id, l -> l)));
            Watchlist watchlist = new Watchlist(stores);
            RandomRates rates = new RandomRates(stores, config.controlPoints());
            List<Consumer<Router>> routes = List.of(
                    new SystemRoutes(registry, auth, config, metrics, rates::rateFor, fillAlerts, laneConsumer::staleReason)::mount,
                    new AccountRoutes(registry, auth, hasher, passwordWork, hk.seamless.access.SignInThrottle.standard(),
                            config, pendingRegistrations)::mount,
                    new hk.seamless.http.AdminAccountRoutes(registry, auth, new hk.seamless.trade.AccountCredentials(stores),
                            hasher, passwordWork, adminTokenFile(config))::mount,
                    new ConsignmentRoutes(registry, auth)::mount,
                    new FleetRoutes(registry, auth)::mount,
                    new DeviceRoutes(registry, auth, devices)::mount,
                    new RiskRoutes(registry, auth, watchlist, rates)::mount,
                    new TemplateRoutes(registry, auth, new LodgementTemplates(stores))::mount,
                    new LaneRoutes(pipeline, new DeviceAuthentication(devices), hub, READ_TIMEOUT_MILLIS)::mount,
                    new ConsoleRoutes(pipeline, auth, hub, registry.accounts())::mount,
                    new hk.seamless.http.GateFaultRoutes(pipeline, auth, hub)::mount,
                    new hk.seamless.http.IvrsRoutes(registry, auth, hasher, passwordWork, stores, vertx, config)::mount,
                    new AuditRoutes(auth, auditTrail(registryLogKept, laneLogKept), laneIds(config))::mount);
            BatchRoutes batch = new BatchRoutes(registry, auth);
            Vertx v = vertx;
            WriteAdmission admission = new WriteAdmission(auth, new UploadSlots(config.http()));
            java.util.function.Supplier<Router> routers = () -> HttpApi.router(v, admission, routes, batch::mount);
            int port = deployHttp(v, config, routers);
            LOG.info("Seamless engine serving on http://{}:{} (data in {}, started in {} ms)", config.httpHost(), port,
                    config.dataDir().toAbsolutePath(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            LanePipeline ticking = pipeline;
            vertx.setPeriodic(config.pipeline().tickInterval().toMillis(), id -> ticking.tick());
            ConsoleHeartbeat.start(vertx, hub, clock);
            // A timer on the event loop, but a cheap one: a few counters read per store.
            vertx.setPeriodic(FILL_CHECK_MILLIS, id -> fillAlerts.check());
            Housekeeping.schedule(vertx, Housekeeping.purge(stores, writer, clock, config.limits().idempotencyRetention()));
            Housekeeping.scheduleLaneCheckpoints(vertx, config.log().checkpointInterval(), laneLogKept);
            Housekeeping.scheduleArchiveRetention(vertx, clock, config.log().archiveRetention(),
                    List.of(registryLogKept, laneLogKept));
            RetentionMove retention = new RetentionMove(stores, writer, archive, registry.consignments().window(), clock,
                    config.retention());
            Housekeeping.scheduleRetention(vertx, retention);
            writePortFile(config.dataDir(), port);
            Engine engine = new Engine(config, stores, writer, pipeline, vertx, port, adminToken, retention, routers);
            engine.laneDevices = hk.seamless.device.LaneDevices.start(pipeline, hub, clock, metrics);
            return engine;
        } catch (RuntimeException | IOException e) {
            if (vertx != null) {
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
            // Keeps the unclean-stop marker: this start may have been replaying or writing when it
            // failed, so the next one must recover, never trust the maps as they are.
            stores.closeAfterFailedStart();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    /** The audit trail over both logs, each query reading them afresh (the logs grow while it reads). */
    private static AuditTrail auditTrail(hk.seamless.log.SegmentedLog registryLog, hk.seamless.log.SegmentedLog laneLog) {
        return new AuditTrail(() -> List.of(
                new LogAuditSource(RegistryEntries.LOG, registryLog.reader(), RegistryEntries::describe),
                new LogAuditSource(LaneEntries.LOG, laneLog.reader(), LaneEntries::describe)), AUDIT_SCAN_BUDGET);
    }

    private static java.util.Set<String> laneIds(EngineConfig config) {
        return config.controlPoints().stream().flatMap(cp -> cp.lanes().stream()).map(Lane::id)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Where the lane feed's numbering goes on from: the mark the last checkpoint kept, since the
     * start replays only the changes after it. Maps made afresh take the whole log, numbered from
     * the start. A checkpoint without the mark (written before the feed) cannot say what the lane
     * view holds: the view is rebuilt from the registry once the log is read.
     */
    private static void resumeLaneFeed(EngineConfig config, boolean mapsExisted, LaneFeed laneFeed,
                                       LaneFeedConsumer laneConsumer) {
        hk.seamless.log.Checkpoint checkpoint = mapsExisted
                ? hk.seamless.log.Checkpoint.read(RegistryLogStart.logDir(config.dataDir())) : null;
        Long mark = checkpoint == null ? null : checkpoint.marks().get(LaneFeed.CHECKPOINT_MARK);
        if (checkpoint != null && mark == null) {
            laneConsumer.rebuildAtStart("the registry's checkpoint does not say where the lane feed was");
        }
        laneFeed.resumeAt(mark == null ? 0 : mark);
    }

    /**
     * Where the admin's rotated token goes: into {@code <data>/admin.token} when that file is where
     * the token lives; a token set in configuration stays the operator's to change there.
     */
    private static Consumer<String> adminTokenFile(EngineConfig config) {
        if (config.adminToken() != null) {
            return token -> LOG.warn("The admin token was rotated through the API; the configured admin token no"
                    + " longer works (it is honoured again only if the configuration changes it)");
        }
        return token -> {
            try {
                AdminToken.write(config.dataDir(), token);
                LOG.info("The admin token was rotated; {} holds the new one", config.dataDir().resolve("admin.token"));
            } catch (IOException e) {
                LOG.error("The admin token was rotated but {} could not be rewritten: use the token the rotation showed",
                        config.dataDir().resolve("admin.token"), e);
            }
        };
    }

    /** Heap and off-heap memory, GC, threads, classes, CPU, uptime and open files: jvm_*, process_*, system_*. */
    private static void bindJvmAndProcessMetrics(PrometheusMeterRegistry metrics) {
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.system.UptimeMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.system.FileDescriptorMetrics().bindTo(metrics);
    }

    /** The lane side reports a crossing; the registry records it on its own thread, durably. */
    private static CrossingReporter crossingReporter(RegistryWriter writer) {
        Crossings crossings = new Crossings();
        return (bundleId, controlPoint, lane, arrivalId, atMillis) -> writer.submit("lane " + lane, "lane " + lane,
                        tx -> crossings.record(tx, bundleId, new Crossing(controlPoint, lane, arrivalId, Instant.ofEpochMilli(atMillis))))
                .exceptionally(e -> {
                    LOG.error("Could not record the crossing of bundle {} ({}); it is in the lane journal and will be"
                            + " reported again at the next start", bundleId, arrivalId, e);
                    return false;
                });
    }

    private static TradeRegistry registry(EngineConfig config, ChronicleStores stores, RegistryWriter writer, Clock clock,
                                          hk.seamless.risk.WatchlistIndex watchlist, Archive archive) {
        LodgementWindow window = LodgementWindow.hongKong(config.lodgementWindow());
        CcrnGenerator ccrns = new CcrnGenerator(new SecureRandom(), clock);
        FailedAttemptLimiter limiter = new FailedAttemptLimiter(config.failedBundlingLimit(), config.failedBundlingPeriod());
        return new TradeRegistry(writer, new Accounts(stores), new Vehicles(stores),
                new Consignments(stores, ccrns, window, archive), new Bundles(stores, window, config.bundlingLead(), limiter,
                        new hk.seamless.risk.BundlingRiskAssessment(watchlist), archive),
                new CargoInformationReader(window), clock);
    }

    /**
     * One server per event loop, sharing the port (Vert.x spreads the connections over them). With
     * port 0 (tests) the instances share the one random port the first of them was given.
     */
    private static int deployHttp(Vertx vertx, EngineConfig config, java.util.function.Supplier<Router> router) {
        int instances = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        List<HttpApiVerticle> deployed = new java.util.concurrent.CopyOnWriteArrayList<>();
        // Vert.x shares one random port among servers asked for the same negative port; 0 would
        // give each instance a port of its own.
        int port = config.httpPort() == 0 ? -1 : config.httpPort();
        try {
            await(vertx.deployVerticle(() -> {
                HttpApiVerticle verticle = new HttpApiVerticle(config.httpHost(), port, config.http(), vx -> router.get());
                deployed.add(verticle);
                return verticle;
            }, new io.vertx.core.DeploymentOptions().setInstances(instances)).toCompletionStage().toCompletableFuture());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.net.BindException bind) {
                    throw new StartFailure("cannot listen on " + config.httpHost() + ":" + config.httpPort() + " ("
                            + bind.getMessage() + "): another program, or another engine, has that port. Stop it, or"
                            + " set httpPort (SEAMLESS_HTTP_PORT) or httpHost (SEAMLESS_HTTP_HOST)", bind);
                }
            }
            throw e;
        }
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        deployed.forEach(v -> ports.add(v.actualPort()));
        if (ports.size() != 1) {
            throw new IllegalStateException("HTTP servers listen on different ports " + ports);
        }
        return ports.iterator().next();
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("start-up step timed out", e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Says where the engine listens, for scripts and tests that started it on port 0. Written to a
     * temporary file and moved into place, so a reader never sees it half-written (empty).
     */
    private static void writePortFile(Path dataDir, int port) throws IOException {
        Path portFile = dataDir.resolve("http.port");
        Path written = dataDir.resolve("http.port.tmp");
        Files.writeString(written, Integer.toString(port));
        hk.seamless.log.OwnerOnly.file(written);
        Files.move(written, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
    public List<io.vertx.ext.web.Route> httpRoutes() {
        return routers.get().getRoutes();
    }

    /** A clean stop: servers closed, queued writes finished and flushed, stores closed, marker removed. */
    @Override
    public void close() {
        laneDevices.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly", e);
        }
        pipeline.close();
        writer.close();
        stores.close();
        LOG.info("Seamless engine stopped cleanly");
    }
}
