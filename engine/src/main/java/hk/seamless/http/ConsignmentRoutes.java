package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.rules.RuleViolation;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.CargoReading;
import hk.seamless.trade.Ccrn;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentFilter;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.Consignments;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/** Lodging, reading, amending and cancelling consignments. */
public final class ConsignmentRoutes {

    private static final int LIST_MAX = 500;
    /** Longer than any CCRN or party name (200 characters) could make a match. */
    private static final int SEARCH_MAX = 200;

    private final TradeRegistry registry;
    private final Authentication auth;

    public ConsignmentRoutes(TradeRegistry registry, Authentication auth) {
        this.registry = registry;
        this.auth = auth;
    }

    public void mount(Router router) {
        router.post("/api/v1/consignments").handler(guarded(this::lodge));
        router.get("/api/v1/consignments").handler(guarded(this::list));
        router.get("/api/v1/consignments/:ccrn").handler(guarded(this::read));
        router.get("/api/v1/consignments/:ccrn/versions").handler(guarded(this::versions));
        router.put("/api/v1/consignments/:ccrn").handler(guarded(this::amend));
        router.delete("/api/v1/consignments/:ccrn").handler(guarded(this::cancel));
    }

    private Consignments consignments() {
        return registry.consignments();
    }

    private void lodge(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        write(ctx, registry.writer(), caller.accountId(), IdempotentWrites.wrapRequest(ctx, caller.accountId(), () -> {
            CargoReading reading = readCargo(ctx);
            return tx -> {
                CargoInformation cargo = reading.at(tx.now());
                Consignment lodged = consignments().lodge(tx, cargo);
                return Reply.created(view(lodged, tx.now()), "/api/v1/consignments/" + lodged.ccrn());
            };
        }));
    }

    private void amend(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        write(ctx, registry.writer(), caller.accountId(), IdempotentWrites.wrapRequest(ctx, caller.accountId(), () -> {
            Ccrn ccrn = Ccrn.parse(ctx.pathParam("ccrn"));
            CargoReading reading = readCargo(ctx);
            return tx -> {
                CargoInformation cargo = reading.at(tx.now());
                return Reply.of(200, view(consignments().amend(tx, caller, ccrn, cargo), tx.now()));
            };
        }));
    }

    /** Read here, on the event loop, so that the single registry writer only records (see {@link CargoReading}). */
    private CargoReading readCargo(RoutingContext ctx) {
        return CargoReading.of(
                registry.cargoReader(),
                RequestBodies.jsonObject(ctx),
                registry.clock().instant());
    }

    private void cancel(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        write(ctx, registry.writer(), caller.accountId(), IdempotentWrites.wrapRequest(ctx, caller.accountId(), () -> {
            Ccrn ccrn = Ccrn.parse(ctx.pathParam("ccrn"));
            return tx -> Reply.of(200, view(consignments().cancel(tx, caller, ccrn), tx.now()));
        }));
    }

    private void read(RoutingContext ctx) {
        Principal caller = auth.require(ctx);
        Ccrn ccrn = Ccrn.parse(ctx.pathParam("ccrn"));
        RouteSupport.lookUp(ctx, () -> readable(ccrn, caller), ok -> RouteSupport.ok(ctx, ok));
    }

    /** The consignment as this caller may read it, hot or archived; blocking (the archive is a file). */
    private JsonObject readable(Ccrn ccrn, Principal caller) {
        Consignment c = consignments().find(ccrn);
        Instant now = registry.clock().instant();
        if (c != null && (c.owner().equals(caller.accountId()) || caller.role().readsEverything())) {
            return view(c, now);
        } else if (c != null && bundledBy(c, caller)) {
            return Views.consignmentSummary(c, now, consignments().window());
        }
        throw RuleViolation.notFound("no consignment " + ccrn.value() + " of yours");
    }

    /** The trucker whose active bundle holds the consignment may see a summary of it. */
    private boolean bundledBy(Consignment c, Principal caller) {
        if (caller.role() != Role.TRUCKER || c.bundleId() == null) {
            return false;
        }
        Bundle bundle = registry.bundles().find(c.bundleId());
        return bundle != null && bundle.trucker().equals(caller.accountId());
    }

    private void versions(RoutingContext ctx) {
        Principal caller = auth.require(ctx);
        Ccrn ccrn = Ccrn.parse(ctx.pathParam("ccrn"));
        RouteSupport.lookUp(ctx, () -> versions(ccrn, caller), ok -> RouteSupport.ok(ctx, ok));
    }

    private JsonObject versions(Ccrn ccrn, Principal caller) {
        Consignment c = consignments().find(ccrn);
        if (c == null || !(c.owner().equals(caller.accountId()) || caller.role().readsEverything())) {
            throw RuleViolation.notFound("no consignment " + ccrn.value() + " of yours");
        }
        JsonArray versions = new JsonArray();
        Instant now = registry.clock().instant();
        consignments()
                .versions(c)
                .forEach(v -> versions.add(Views.cargo(v.cargo())
                        .put("version", v.version())
                        .put("recordedAt", Views.time(v.recordedAt()))));
        return new JsonObject()
                .put("ccrn", c.ccrn())
                .put("status", c.statusAt(now, consignments().window()).name())
                .put("versions", versions);
    }

    /** The caller's consignments, newest first; {@code q} and {@code status} narrow the list. */
    private void list(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        Instant now = registry.clock().instant();
        ConsignmentFilter filter = new ConsignmentFilter(
                QueryParams.text(ctx, "q", SEARCH_MAX),
                QueryParams.enumValue(ctx, "status", ConsignmentStatus.class, null),
                now,
                consignments().window());
        ctx.vertx()
                .executeBlocking(() -> consignments().ownedBy(caller.accountId(), LIST_MAX, filter), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(list -> {
                    JsonArray items = new JsonArray();
                    list.forEach(c -> items.add(
                            Views.consignmentListItem(c, now, consignments().window())));
                    RouteSupport.ok(ctx, new JsonObject().put("consignments", items));
                });
    }

    private JsonObject view(Consignment c, Instant now) {
        return Views.consignment(c, now, consignments().window());
    }
}
