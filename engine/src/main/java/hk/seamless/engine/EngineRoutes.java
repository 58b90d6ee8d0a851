package hk.seamless.engine;

import hk.seamless.access.PasswordHasher;
import hk.seamless.access.PasswordWork;
import hk.seamless.access.SignInThrottle;
import hk.seamless.audit.AuditTrail;
import hk.seamless.audit.LaneEntries;
import hk.seamless.audit.LogAuditSource;
import hk.seamless.audit.RegistryEntries;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.EngineRole;
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
import hk.seamless.http.FeedRoutes;
import hk.seamless.http.FleetRoutes;
import hk.seamless.http.GateFaultRoutes;
import hk.seamless.http.HttpApi;
import hk.seamless.http.IvrsRoutes;
import hk.seamless.http.LaneRoutes;
import hk.seamless.http.RequestContract;
import hk.seamless.http.RiskRoutes;
import hk.seamless.http.RoleRoutes;
import hk.seamless.http.SystemRoutes;
import hk.seamless.http.TemplateRoutes;
import hk.seamless.http.UploadSlots;
import hk.seamless.http.WriteAdmission;
import hk.seamless.lane.Devices;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.log.SegmentedLog;
import hk.seamless.pipeline.LanePipeline;
import hk.seamless.registryfeed.LaneFeed;
import hk.seamless.risk.RandomRates;
import hk.seamless.risk.Watchlist;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreFillAlerts;
import hk.seamless.trade.AccountCredentials;
import hk.seamless.trade.LodgementTemplates;
import hk.seamless.trade.PendingRegistrations;
import hk.seamless.trade.TradeRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP routes the engine serves, each group given the parts of the engine it works on. */
final class EngineRoutes {

    /** The admin token's rotation is reported under the engine's name, as it always was. */
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** How long a device's HTTP read waits for its decision before the engine gives up (503, gate held). */
    private static final long READ_TIMEOUT_MILLIS = 2_000;
    /** Log entries one page of the audit trail may read: a page stays well under a second, then gives a cursor. */
    private static final int AUDIT_SCAN_BUDGET = 200_000;

    private EngineRoutes() {}

    /** Both logs, for the audit trail. */
    record AuditLogs(SegmentedLog registry, SegmentedLog lanes) {}

    /**
     * Every route group the servers mount (the batch upload is mounted apart, see {@link #routers}),
     * by role: the registry serves no lanes, a lane engine takes no lodgements, bundles or risk
     * settings (those are the registry's); both keep sign-in, the admin desk, health and the audit.
     * What a role does not serve is also answered 404 before anything else ({@link RoleRoutes}),
     * which covers the routes of a group mounted whole (public registration and its queue, in
     * {@link AccountRoutes}, are trade only) and the pages.
     */
    static List<Consumer<Router>> all(
            EngineConfig config,
            ChronicleStores stores,
            TradeRegistry registry,
            Authentication auth,
            Vertx vertx,
            PrometheusMeterRegistry metrics,
            StoreFillAlerts fillAlerts,
            LaneFeedConsumer laneConsumer,
            PendingRegistrations pendingRegistrations,
            LanePipeline pipeline,
            LaneHub hub,
            AuditLogs logs,
            LaneFeed laneFeed,
            Supplier<JsonObject> roleStatus) {
        PasswordHasher hasher = PasswordHasher.standard();
        PasswordWork passwordWork = PasswordWork.standard();
        Devices devices = new Devices(stores, pipeline.lanes().stream().collect(Collectors.toMap(Lane::id, l -> l)));
        Watchlist watchlist = new Watchlist(stores);
        RandomRates rates = new RandomRates(stores, config.controlPoints());
        EngineRole role = config.topology().role();
        boolean trade = role != EngineRole.LANE;
        boolean lanes = role != EngineRole.REGISTRY;
        List<Consumer<Router>> routes = new ArrayList<>();
        routes.add(
                new SystemRoutes(
                        registry,
                        auth,
                        config,
                        metrics,
                        rates::rateFor,
                        fillAlerts,
                        laneConsumer::staleReason,
                        roleStatus)::mount);
        routes.add(new AccountRoutes(
                registry, auth, hasher, passwordWork, SignInThrottle.standard(), config, pendingRegistrations)::mount);
        routes.add(new AdminAccountRoutes(
                registry, auth, new AccountCredentials(stores), hasher, passwordWork, adminTokenFile(config))::mount);
        if (trade) {
            routes.add(new ConsignmentRoutes(registry, auth)::mount);
            routes.add(new FleetRoutes(registry, auth)::mount);
            routes.add(new RiskRoutes(registry, auth, watchlist, rates)::mount);
            routes.add(new TemplateRoutes(registry, auth, new LodgementTemplates(stores))::mount);
            routes.add(new IvrsRoutes(registry, auth, hasher, passwordWork, stores, vertx, config)::mount);
        }
        if (lanes) {
            routes.add(new DeviceRoutes(registry, auth, devices)::mount);
            routes.add(new LaneRoutes(
                    pipeline, new DeviceAuthentication(devices, registry.accounts()), hub, READ_TIMEOUT_MILLIS)::mount);
            routes.add(new ConsoleRoutes(pipeline, auth, hub, registry.accounts(), registry.writer())::mount);
            routes.add(new GateFaultRoutes(pipeline, auth, hub)::mount);
        }
        routes.add(new FeedRoutes(config.topology(), laneFeed, config.server().dataDir())::mount);
        routes.add(new AuditRoutes(auth, auditTrail(logs.registry(), logs.lanes()), laneIds(config))::mount);
        return routes;
    }

    /** Builds the router every HTTP server instance serves: the one place the routes are mounted. */
    static Supplier<Router> routers(
            Vertx vertx,
            EngineConfig config,
            TradeRegistry registry,
            Authentication auth,
            Future<RequestContract> contract,
            List<Consumer<Router>> routes) {
        BatchRoutes batch = new BatchRoutes(registry, auth);
        WriteAdmission admission = new WriteAdmission(auth, new UploadSlots(config.http()));
        Consumer<Router> uploads = config.topology().role() == EngineRole.LANE ? router -> {} : batch::mount;
        RoleRoutes role = RoleRoutes.of(config.topology().role());
        return () -> HttpApi.router(vertx, admission, contract, routes, uploads, role);
    }

    /** The audit trail over both logs, each query reading them afresh (the logs grow while it reads). */
    private static AuditTrail auditTrail(SegmentedLog registryLog, SegmentedLog laneLog) {
        return new AuditTrail(
                () -> List.of(
                        new LogAuditSource(RegistryEntries.LOG, registryLog.reader(), RegistryEntries::lines),
                        new LogAuditSource(LaneEntries.LOG, laneLog.reader(), LaneEntries::lines)),
                AUDIT_SCAN_BUDGET);
    }

    private static Set<String> laneIds(EngineConfig config) {
        return config.controlPoints().stream()
                .flatMap(cp -> cp.lanes().stream())
                .map(Lane::id)
                .collect(Collectors.toSet());
    }

    /**
     * Where the admin's rotated token goes: into {@code <data>/admin.token} when that file is where
     * the token lives; a token set in configuration stays the operator's to change there.
     */
    private static Consumer<String> adminTokenFile(EngineConfig config) {
        if (config.server().adminToken() != null) {
            return token -> LOG.warn("The admin token was rotated through the API; the configured admin token no"
                    + " longer works (it is honoured again only if the configuration changes it)");
        }
        return token -> {
            try {
                AdminToken.write(config.server().dataDir(), token);
                LOG.info(
                        "The admin token was rotated; {} holds the new one",
                        config.server().dataDir().resolve("admin.token"));
            } catch (IOException e) {
                LOG.error(
                        "The admin token was rotated but {} could not be rewritten: use the token the rotation showed",
                        config.server().dataDir().resolve("admin.token"),
                        e);
            }
        };
    }
}
