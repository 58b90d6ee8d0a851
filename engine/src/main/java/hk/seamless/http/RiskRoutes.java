package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.risk.RandomRates;
import hk.seamless.risk.Watchlist;
import hk.seamless.risk.WatchlistEntry;
import hk.seamless.rules.RuleViolation;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;

/** Risk settings: supervisors keep the watch list and the random-selection rates; officers read them. */
public final class RiskRoutes {

    private static final String WATCHLIST = "/api/v1/risk/watchlist";
    private static final String RATES = "/api/v1/risk/random-rates";

    private final TradeRegistry registry;
    private final Authentication auth;
    private final Watchlist watchlist;
    private final RandomRates rates;

    public RiskRoutes(TradeRegistry registry, Authentication auth, Watchlist watchlist, RandomRates rates) {
        this.registry = registry;
        this.auth = auth;
        this.watchlist = watchlist;
        this.rates = rates;
    }

    public void mount(Router router) {
        router.post(WATCHLIST).handler(guarded(this::add));
        router.get(WATCHLIST).handler(guarded(this::list));
        router.get(WATCHLIST + "/:entryId").handler(guarded(this::read));
        router.delete(WATCHLIST + "/:entryId").handler(guarded(this::remove));
        router.get(RATES).handler(guarded(this::listRates));
        router.put(RATES + "/:controlPoint").handler(guarded(this::setRate));
    }

    private void add(RoutingContext ctx) {
        Principal supervisor = auth.require(ctx, Role.SUPERVISOR);
        write(
                ctx,
                registry.writer(),
                supervisor.accountId(),
                IdempotentWrites.wrapRequest(ctx, supervisor.accountId(), () -> {
                    Watchlist.Addition addition = Watchlist.read(RequestBodies.jsonObject(ctx));
                    return tx -> {
                        WatchlistEntry entry = watchlist.add(tx, addition);
                        return Reply.created(view(entry), WATCHLIST + "/" + entry.id());
                    };
                }));
    }

    private void list(RoutingContext ctx) {
        auth.require(ctx, Role.OFFICER, Role.SUPERVISOR);
        ctx.vertx()
                .executeBlocking(watchlist::all, false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(entries -> {
                    JsonArray list = new JsonArray();
                    entries.forEach(e -> list.add(view(e)));
                    RouteSupport.ok(ctx, new JsonObject().put("entries", list));
                });
    }

    private void read(RoutingContext ctx) {
        auth.require(ctx, Role.OFFICER, Role.SUPERVISOR);
        String id = ctx.pathParam("entryId");
        WatchlistEntry entry =
                watchlist.find(id).orElseThrow(() -> RuleViolation.notFound("no watch-list entry " + id));
        RouteSupport.ok(ctx, view(entry));
    }

    private void remove(RoutingContext ctx) {
        Principal supervisor = auth.require(ctx, Role.SUPERVISOR);
        String id = ctx.pathParam("entryId");
        write(ctx, registry.writer(), supervisor.accountId(), IdempotentWrites.wrap(ctx, supervisor.accountId(), tx -> {
            WatchlistEntry removed = watchlist.remove(tx, id);
            return Reply.of(200, new JsonObject().put("entryId", removed.id()).put("removed", true));
        }));
    }

    private void listRates(RoutingContext ctx) {
        auth.require(ctx, Role.OFFICER, Role.SUPERVISOR);
        JsonObject body = new JsonObject();
        for (Map.Entry<String, Double> rate : rates.all().entrySet()) {
            body.put(rate.getKey(), rate.getValue());
        }
        RouteSupport.ok(ctx, new JsonObject().put("rates", body));
    }

    private void setRate(RoutingContext ctx) {
        Principal supervisor = auth.require(ctx, Role.SUPERVISOR);
        String controlPoint = ctx.pathParam("controlPoint").toUpperCase(Locale.ROOT);
        write(
                ctx,
                registry.writer(),
                supervisor.accountId(),
                IdempotentWrites.wrapRequest(ctx, supervisor.accountId(), () -> {
                    double rate = RandomRates.readRate(RequestBodies.jsonObject(ctx));
                    return tx -> Reply.of(
                            200,
                            new JsonObject()
                                    .put("controlPoint", controlPoint)
                                    .put("rate", rates.set(tx, controlPoint, rate)));
                }));
    }

    static JsonObject view(WatchlistEntry entry) {
        return new JsonObject()
                .put("entryId", entry.id())
                .put("kind", entry.kind().name())
                .put("value", entry.value())
                .put("display", entry.display())
                .put("addedBy", entry.addedBy())
                .put("addedAt", Views.time(entry.addedAt()));
    }
}
