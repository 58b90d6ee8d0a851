package hk.seamless.engine;

import hk.seamless.access.PasswordHasher;
import hk.seamless.access.PasswordWork;
import hk.seamless.access.SignInThrottle;
import hk.seamless.audit.AuditTrail;
import hk.seamless.audit.LaneEntries;
import hk.seamless.audit.LogAuditSource;
import hk.seamless.audit.RegistryEntries;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Lane;
import hk.seamless.gate.LaneHub;
import hk.seamless.http.AccountRoutes;
import hk.seamless.http.AdminAccountRoutes;
import hk.seamless.http.AuditRoutes;
import hk.seamless.http.Authentication;
import hk.seamless.http.BatchRoutes;
import hk.seamless.http.ConsignmentRoutes;
import hk.seamless.http.ConsoleRoutes;
import hk.seamless.http.DeviceAuthentication;
import hk.seamless.http.DeviceRoutes;
import hk.seamless.http.FleetRoutes;
import hk.seamless.http.GateFaultRoutes;
import hk.seamless.http.HttpApi;
import hk.seamless.http.IvrsRoutes;
import hk.seamless.http.LaneRoutes;
import hk.seamless.http.RiskRoutes;
import hk.seamless.http.SystemRoutes;
import hk.seamless.http.TemplateRoutes;
import hk.seamless.http.UploadSlots;
import hk.seamless.http.WriteAdmission;
import hk.seamless.lane.Devices;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.log.SegmentedLog;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.risk.RandomRates;
import hk.seamless.risk.Watchlist;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreFillAlerts;
import hk.seamless.trade.AccountCredentials;
import hk.seamless.trade.LodgementTemplates;
import hk.seamless.trade.PendingRegistrations;
import hk.seamless.trade.TradeRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The HTTP routes the engine serves, each group given the parts of the engine it works on. */
final class EngineRoutes {

    /** The admin token's rotation is reported under the engine's name, as it always was. */
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** How long a device's HTTP read waits for its decision before the engine gives up (503, gate held). */
    private static final long READ_TIMEOUT_MILLIS = 2_000;
    /** Log entries one page of the audit trail may read: a page stays well under a second, then gives a cursor. */
    private static final int AUDIT_SCAN_BUDGET = 200_000;

    private EngineRoutes() {
    }

    /** Both logs, for the audit trail. */
    record AuditLogs(SegmentedLog registry, SegmentedLog lanes) {
    }

    /** Every route group the servers mount (the batch upload is mounted apart, see {@link #routers}). */
    static List<Consumer<Router>> all(EngineConfig config, ChronicleStores stores, TradeRegistry registry,
                                      Authentication auth, Vertx vertx, PrometheusMeterRegistry metrics,
                                      StoreFillAlerts fillAlerts, LaneFeedConsumer laneConsumer,
                                      PendingRegistrations pendingRegistrations, LanePipeline pipeline,
                                      LaneHub hub, AuditLogs logs) {
        PasswordHasher hasher = PasswordHasher.standard();
        PasswordWork passwordWork = PasswordWork.standard();
        Devices devices = new Devices(stores, pipeline.lanes().stream().collect(Collectors.toMap(Lane::id, l -> l)));
        Watchlist watchlist = new Watchlist(stores);
        RandomRates rates = new RandomRates(stores, config.controlPoints());
        return List.of(
                new SystemRoutes(registry, auth, config, metrics, rates::rateFor, fillAlerts, laneConsumer::staleReason)::mount,
                new AccountRoutes(registry, auth, hasher, passwordWork, SignInThrottle.standard(),
                        config, pendingRegistrations)::mount,
                new AdminAccountRoutes(registry, auth, new AccountCredentials(stores),
                        hasher, passwordWork, adminTokenFile(config))::mount,
                new ConsignmentRoutes(registry, auth)::mount,
                new FleetRoutes(registry, auth)::mount,
                new DeviceRoutes(registry, auth, devices)::mount,
                new RiskRoutes(registry, auth, watchlist, rates)::mount,
                new TemplateRoutes(registry, auth, new LodgementTemplates(stores))::mount,
                new LaneRoutes(pipeline, new DeviceAuthentication(devices), hub, READ_TIMEOUT_MILLIS)::mount,
                new ConsoleRoutes(pipeline, auth, hub, registry.accounts())::mount,
                new GateFaultRoutes(pipeline, auth, hub)::mount,
                new IvrsRoutes(registry, auth, hasher, passwordWork, stores, vertx, config)::mount,
                new AuditRoutes(auth, auditTrail(logs.registry(), logs.lanes()), laneIds(config))::mount);
    }

    /** Builds the router every HTTP server instance serves: the one place the routes are mounted. */
    static Supplier<Router> routers(Vertx vertx, EngineConfig config, TradeRegistry registry, Authentication auth,
                                    List<Consumer<Router>> routes) {
        BatchRoutes batch = new BatchRoutes(registry, auth);
        WriteAdmission admission = new WriteAdmission(auth, new UploadSlots(config.http()));
        return () -> HttpApi.router(vertx, admission, routes, batch::mount);
    }

    /** The audit trail over both logs, each query reading them afresh (the logs grow while it reads). */
    private static AuditTrail auditTrail(SegmentedLog registryLog, SegmentedLog laneLog) {
        return new AuditTrail(() -> List.of(
                new LogAuditSource(RegistryEntries.LOG, registryLog.reader(), RegistryEntries::describe),
                new LogAuditSource(LaneEntries.LOG, laneLog.reader(), LaneEntries::describe)), AUDIT_SCAN_BUDGET);
    }

    private static Set<String> laneIds(EngineConfig config) {
        return config.controlPoints().stream().flatMap(cp -> cp.lanes().stream()).map(Lane::id)
                .collect(Collectors.toSet());
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
}
