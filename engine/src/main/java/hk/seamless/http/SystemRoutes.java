package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;

import hk.seamless.config.ControlPoint;
import hk.seamless.config.EngineConfig;
import hk.seamless.store.RegistryWriter;
import hk.seamless.store.StoreFillAlerts;
import hk.seamless.trade.TradeRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Health, metrics, and the rule settings in force. */
public final class SystemRoutes {

    /** How long /health names a store that refused a write for want of room. */
    private static final java.time.Duration RECENT_REFUSAL = java.time.Duration.ofMinutes(15);

    private final TradeRegistry registry;
    private final Authentication auth;
    private final EngineConfig config;
    private final PrometheusMeterRegistry metrics;
    private final java.util.function.ToDoubleFunction<String> randomRate;
    private final StoreFillAlerts fillAlerts;
    private final java.util.function.Supplier<String> laneViewStale;
    /** The role and, for registry and lane engines, how their Kafka links stand. */
    private final java.util.function.Supplier<JsonObject> roleStatus;

    /**
     * @param randomRate the random inspection rate in force at a control point (supervisors change it)
     * @param fillAlerts which stores are near full, for /health
     * @param laneViewStale why the lane view is stale (being rebuilt, or a rebuild failed), or null when current
     */
    public SystemRoutes(
            TradeRegistry registry,
            Authentication auth,
            EngineConfig config,
            PrometheusMeterRegistry metrics,
            java.util.function.ToDoubleFunction<String> randomRate,
            StoreFillAlerts fillAlerts,
            java.util.function.Supplier<String> laneViewStale,
            java.util.function.Supplier<JsonObject> roleStatus) {
        this.roleStatus = roleStatus;
        this.fillAlerts = fillAlerts;
        this.laneViewStale = laneViewStale;
        this.registry = registry;
        this.auth = auth;
        this.config = config;
        this.metrics = metrics;
        this.randomRate = randomRate;
    }

    public void mount(Router router) {
        // HEAD too: a load balancer's or a monitor's probe often asks for the headers alone.
        router.route("/health").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::health);
        router.route("/metrics").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::metrics);
        router.get("/api/v1/settings").handler(guarded(this::settings));
    }

    /**
     * Serving at all means the stores are open and recovered; a failed journal means not ready. A
     * stale lane view, a store near full, or full, is reported but keeps the engine UP: every write that does not need
     * room there goes on, and a restart would not make room.
     */
    private void health(RoutingContext ctx) {
        boolean writable = registry.writer().isWritable();
        JsonObject body = new JsonObject()
                .put("status", writable ? "UP" : "DOWN")
                .put("registryWritable", writable)
                .put("journalEntries", registry.writer().journalEntries());
        hk.seamless.log.Checkpoint checkpoint = registry.writer().lastCheckpoint();
        if (checkpoint != null) {
            // What a start after a crash would replay: the entries after this one.
            body.put(
                    "lastCheckpoint",
                    new JsonObject().put("sequence", checkpoint.sequence()).put("at", Views.time(checkpoint.at())));
        }
        JsonArray filling = new JsonArray();
        fillAlerts
                .filling()
                .forEach(f -> filling.add(new JsonObject()
                        .put("store", f.store().name().toLowerCase())
                        .put("fill", Math.round(f.fill() * 1000) / 1000.0)));
        body.put("storesFilling", filling);
        RegistryWriter.Refusal refusal = registry.writer().lastRefusal();
        if (refusal != null && refusal.at().isAfter(registry.clock().instant().minus(RECENT_REFUSAL))) {
            body.put(
                    "storeFull",
                    new JsonObject()
                            .put("store", refusal.store().name().toLowerCase())
                            .put("lastRefusedAt", Views.time(refusal.at())));
        }
        // Stale keeps the engine UP: the lanes inspect every truck (no bundle is trusted) until the
        // view is rebuilt, which is safe, and a restart is what rebuilds it if the rebuild failed.
        String stale = laneViewStale.get();
        body.put("laneViewStale", stale != null);
        if (stale != null) {
            body.put("laneViewStaleReason", stale);
        }
        // A lane engine cut off from the registry stays UP: it decides from its views, and says how old they are.
        body.mergeIn(roleStatus.get());
        RouteSupport.send(ctx, Reply.of(writable ? 200 : 503, body));
    }

    /**
     * Written on a worker: a scrape walks every meter, and with thousands of lanes (a decision counter
     * per lane and verdict) it takes 40–100 ms, 300 ms the first time. On the event loop that held up
     * every lane it serves each time Prometheus asked, every 15 s or so.
     */
    private void metrics(RoutingContext ctx) {
        ctx.vertx()
                .executeBlocking(metrics::scrape, false)
                .onSuccess(text -> ctx.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(text))
                .onFailure(e -> Failures.send(ctx.response(), e));
    }

    /**
     * The rules in force. The random-inspection rates are for staff only (officers, supervisors,
     * the admin): a trader who knew a control point's rate had dropped would know where to cross.
     */
    private void settings(RoutingContext ctx) {
        boolean staff = auth.require(ctx).role().readsEverything();
        JsonArray controlPoints = new JsonArray();
        for (ControlPoint cp : config.controlPoints()) {
            JsonArray lanes = new JsonArray();
            cp.lanes()
                    .forEach(l -> lanes.add(new JsonObject()
                            .put("id", l.id())
                            .put("direction", l.direction().name())));
            JsonObject point = new JsonObject().put("code", cp.code()).put("name", cp.name());
            if (staff) {
                point.put("randomInspectionRate", randomRate.applyAsDouble(cp.code()));
            }
            controlPoints.add(point.put("lanes", lanes));
        }
        java.time.Instant now = registry.clock().instant();
        // The engine's clock, so that pages check dates against the same "today" as the rules,
        // not against a browser's clock that may be wrong or in another zone.
        JsonObject settings = new JsonObject()
                .put("serverTime", Views.time(now))
                .put(
                        "hongKongDate",
                        now.atZone(hk.seamless.config.HongKong.TIME_ZONE)
                                .toLocalDate()
                                .toString())
                .put("timeZone", hk.seamless.config.HongKong.TIME_ZONE.getId())
                .put("bundlingLead", config.rules().bundlingLead().toString())
                .put("lodgementWindow", config.rules().lodgementWindow().toString())
                .put("fusionWindow", config.rules().fusionWindow().toString())
                .put("presenceWindow", config.pipeline().presenceWindow().toString())
                .put("plateConfidenceThreshold", config.pipeline().plateConfidenceThreshold())
                .put("releaseValidity", config.pipeline().releaseValidity().toString())
                .put("failedBundlingLimit", config.accounts().failedBundlingLimit())
                .put(
                        "failedBundlingPeriod",
                        config.accounts().failedBundlingPeriod().toString())
                .put("controlPoints", controlPoints);
        if (staff) {
            settings.put("randomInspectionRate", config.rules().randomInspectionRate());
        }
        RouteSupport.ok(ctx, settings);
    }
}
