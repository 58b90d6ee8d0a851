package hk.seamless.engine;

import hk.seamless.access.PasswordHasher;
import hk.seamless.config.EngineConfig;
import hk.seamless.http.AccountRoutes;
import hk.seamless.http.Authentication;
import hk.seamless.http.BatchRoutes;
import hk.seamless.http.ConsignmentRoutes;
import hk.seamless.http.FleetRoutes;
import hk.seamless.http.HttpApi;
import hk.seamless.http.HttpApiVerticle;
import hk.seamless.http.SystemRoutes;
import hk.seamless.http.ConsoleRoutes;
import hk.seamless.http.DeviceAuthentication;
import hk.seamless.http.DeviceRoutes;
import hk.seamless.http.LaneRoutes;
import hk.seamless.http.RiskRoutes;
import hk.seamless.http.TemplateRoutes;
import hk.seamless.config.Lane;
import hk.seamless.gate.LaneHub;
import hk.seamless.lane.Devices;
import hk.seamless.pipeline.ConsoleHeartbeat;
import hk.seamless.pipeline.CrossingRecovery;
import hk.seamless.pipeline.LaneJournalReplay;
import hk.seamless.pipeline.CrossingReporter;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.risk.RandomRates;
import hk.seamless.risk.RiskView;
import hk.seamless.risk.Watchlist;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.Crossing;
import hk.seamless.trade.Crossings;
import java.nio.file.Path;
import java.time.Instant;
import hk.seamless.lane.LaneView;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.Journal;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.RegistryWriter;
import hk.seamless.trade.Accounts;
import hk.seamless.trade.Bundles;
import hk.seamless.trade.CargoInformationReader;
import hk.seamless.trade.CcrnGenerator;
import hk.seamless.trade.Consignments;
import hk.seamless.trade.FailedAttemptLimiter;
import hk.seamless.trade.LodgementTemplates;
import hk.seamless.trade.LodgementWindow;
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

    private final EngineConfig config;
    private final ChronicleStores stores;
    private final RegistryWriter writer;
    private final LanePipeline pipeline;
    private final Vertx vertx;
    private final int port;
    private final String adminToken;

    private Engine(EngineConfig config, ChronicleStores stores, RegistryWriter writer, LanePipeline pipeline, Vertx vertx,
                   int port, String adminToken) {
        this.config = config;
        this.stores = stores;
        this.writer = writer;
        this.pipeline = pipeline;
        this.vertx = vertx;
        this.port = port;
        this.adminToken = adminToken;
    }

    public static Engine start(EngineConfig config, Clock clock) {
        NoPhoneHome.ensure();
        long started = System.nanoTime();
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + config.dataDir(), e);
        }
        ChronicleStores stores;
        try {
            stores = ChronicleStores.open(config.dataDir(), config.storeCapacity());
        } catch (IllegalStateException inUse) {
            throw new StartFailure(inUse.getMessage() + ": stop it, or set dataDir (SEAMLESS_DATA_DIR) to another folder",
                    inUse);
        }
        RegistryWriter writer = null;
        LanePipeline pipeline = null;
        Vertx vertx = null;
        try {
            LaneView laneView = new LaneView(stores);
            RiskView riskView = new RiskView(stores, config.controlPoints());
            hk.seamless.risk.WatchlistIndex watchlistIndex = new hk.seamless.risk.WatchlistIndex(stores);
            List<RegistryChangeListener> listeners = List.of(laneView, riskView, watchlistIndex);
            boolean replay = stores.recoveredFromUncleanStop();
            long[] replayed = {0};
            Journal journal = Journal.open(config.dataDir().resolve("journal").resolve("registry.journal"),
                    config.journalFsync(), payload -> {
                        if (replay) {
                            RegistryWriter.replay(JsonCodec.read(payload, RegistryChange.class), stores, listeners);
                            replayed[0]++;
                        }
                    });
            if (replay) {
                LOG.warn("Recovered from an unclean stop: the stores reopened ({} damaged segments or entries repaired"
                        + " by Chronicle), {} journal entries replayed over them; every acknowledged write is back",
                        stores.recoveryRepairs(), replayed[0]);
            }
            writer = new RegistryWriter(stores, journal, clock, listeners);
            TradeRegistry registry = registry(config, stores, writer, clock, watchlistIndex);
            String adminToken = AdminToken.resolve(config.adminToken(), config.dataDir());
            await(writer.submit("configuration", tx -> {
                registry.accounts().ensureAdmin(tx, adminToken);
                return null;
            }));

            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new StoreMetrics(stores, writer).bindTo(metrics);
            bindJvmAndProcessMetrics(metrics);
            vertx = Vertx.builder()
                    .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                    .withMetrics(new MicrometerMetricsFactory(metrics))
                    .build();
            Authentication auth = new Authentication(registry.accounts(), clock);
            PasswordHasher hasher = PasswordHasher.standard();

            Path laneJournal = config.dataDir().resolve("journal").resolve("lane.journal");
            CrossingReporter crossings = crossingReporter(writer);
            LaneJournalReplay laneHistory = LaneJournalReplay.read(laneJournal, LanePipeline.RECENT_ARRIVALS);
            int recovered = CrossingRecovery.reportUnrecorded(laneHistory, bundleId -> {
                Bundle b = registry.bundles().find(bundleId);
                return b != null && b.status() == BundleStatus.ACTIVE;
            }, crossings);
            if (recovered > 0) {
                LOG.warn("Reported {} crossings the registry had not recorded before the last stop", recovered);
            }
            LaneHub hub = new LaneHub(config.controlPoints().stream().mapToInt(cp -> cp.lanes().size()).sum());
            pipeline = new LanePipeline(config, laneView, riskView, hub, crossings, laneJournal, clock, metrics);
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
                    new SystemRoutes(registry, auth, config, metrics, rates::rateFor)::mount,
                    new AccountRoutes(registry, auth, hasher, config)::mount,
                    new ConsignmentRoutes(registry, auth)::mount,
                    new FleetRoutes(registry, auth)::mount,
                    new DeviceRoutes(registry, auth, devices)::mount,
                    new RiskRoutes(registry, auth, watchlist, rates)::mount,
                    new TemplateRoutes(registry, auth, new LodgementTemplates(stores))::mount,
                    new LaneRoutes(pipeline, new DeviceAuthentication(devices), hub, READ_TIMEOUT_MILLIS)::mount,
                    new ConsoleRoutes(pipeline, auth, hub, registry.accounts())::mount,
                    new hk.seamless.http.IvrsRoutes(registry, auth, hasher, stores, vertx, config)::mount);
            BatchRoutes batch = new BatchRoutes(registry, auth);
            Vertx v = vertx;
            int port = deployHttp(v, config, () -> HttpApi.router(v, routes, batch::mount));
            LOG.info("Seamless engine serving on http://{}:{} (data in {}, started in {} ms)", config.httpHost(), port,
                    config.dataDir().toAbsolutePath(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            LanePipeline ticking = pipeline;
            vertx.setPeriodic(config.pipeline().tickInterval().toMillis(), id -> ticking.tick());
            ConsoleHeartbeat.start(vertx, hub, clock);
            writePortFile(config.dataDir(), port);
            return new Engine(config, stores, writer, pipeline, vertx, port, adminToken);
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
            stores.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
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
        return (bundleId, controlPoint, lane, arrivalId, atMillis) -> writer.submit("lane " + lane,
                        tx -> crossings.record(tx, bundleId, new Crossing(controlPoint, lane, arrivalId, Instant.ofEpochMilli(atMillis))))
                .exceptionally(e -> {
                    LOG.error("Could not record the crossing of bundle {} ({}); it is in the lane journal and will be"
                            + " reported again at the next start", bundleId, arrivalId, e);
                    return false;
                });
    }

    private static TradeRegistry registry(EngineConfig config, ChronicleStores stores, RegistryWriter writer, Clock clock,
                                          hk.seamless.risk.WatchlistIndex watchlist) {
        LodgementWindow window = LodgementWindow.hongKong(config.lodgementWindow());
        CcrnGenerator ccrns = new CcrnGenerator(new SecureRandom(), clock);
        FailedAttemptLimiter limiter = new FailedAttemptLimiter(config.failedBundlingLimit(), config.failedBundlingPeriod());
        return new TradeRegistry(writer, new Accounts(stores), new Vehicles(stores),
                new Consignments(stores, ccrns, window), new Bundles(stores, window, config.bundlingLead(), limiter,
                        new hk.seamless.risk.BundlingRiskAssessment(watchlist)),
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
                HttpApiVerticle verticle = new HttpApiVerticle(config.httpHost(), port, vx -> router.get());
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

    /** A clean stop: servers closed, queued writes finished and flushed, stores closed, marker removed. */
    @Override
    public void close() {
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
