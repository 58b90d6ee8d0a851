package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleRequest;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.TradeRegistry;
import hk.seamless.trade.Vehicle;
import hk.seamless.trade.Vehicles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** What truckers do: register vehicles, bundle CCRNs to them, unbundle. */
public final class FleetRoutes {

    private static final int BUNDLE_LIST_MAX = 200;

    private final TradeRegistry registry;
    private final Authentication auth;

    public FleetRoutes(TradeRegistry registry, Authentication auth) {
        this.registry = registry;
        this.auth = auth;
    }

    public void mount(Router router) {
        router.post("/api/v1/vehicles").handler(guarded(this::registerVehicle));
        router.get("/api/v1/vehicles").handler(guarded(this::listVehicles));
        router.get("/api/v1/vehicles/:mark").handler(guarded(this::readVehicle));
        router.post("/api/v1/bundles").handler(guarded(this::bundle));
        router.get("/api/v1/bundles").handler(guarded(this::listBundles));
        router.get("/api/v1/bundles/:id").handler(guarded(this::readBundle));
        router.delete("/api/v1/bundles/:id").handler(guarded(this::unbundle));
    }

    private void registerVehicle(RoutingContext ctx) {
        Principal trucker = auth.require(ctx, Role.TRUCKER);
        write(
                ctx,
                registry.writer(),
                trucker.accountId(),
                IdempotentWrites.wrapRequest(ctx, trucker.accountId(), () -> {
                    Vehicles.Registration registration = Vehicles.read(RequestBodies.jsonObject(ctx));
                    return tx -> {
                        Vehicle vehicle = registry.vehicles().register(tx, registration);
                        return Reply.created(Views.vehicle(vehicle), "/api/v1/vehicles/" + vehicle.registrationMark());
                    };
                }));
    }

    private void listVehicles(RoutingContext ctx) {
        Principal trucker = auth.require(ctx, Role.TRUCKER);
        ctx.vertx()
                .executeBlocking(() -> registry.vehicles().ownedBy(trucker.accountId()), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(vehicles -> {
                    JsonArray list = new JsonArray();
                    vehicles.forEach(v -> list.add(Views.vehicle(v)));
                    RouteSupport.ok(ctx, new JsonObject().put("vehicles", list));
                });
    }

    private void readVehicle(RoutingContext ctx) {
        Principal caller = auth.require(ctx);
        Vehicle vehicle = registry.vehicles().find(hk.seamless.trade.VehicleMark.canonical(ctx.pathParam("mark")));
        if (vehicle == null
                || !(vehicle.owner().equals(caller.accountId()) || caller.role().readsEverything())) {
            throw hk.seamless.rules.RuleViolation.notFound("no vehicle " + ctx.pathParam("mark") + " of yours");
        }
        RouteSupport.ok(ctx, Views.vehicle(vehicle));
    }

    private void bundle(RoutingContext ctx) {
        Principal trucker = auth.require(ctx, Role.TRUCKER);
        write(
                ctx,
                registry.writer(),
                trucker.accountId(),
                IdempotentWrites.wrapRequest(ctx, trucker.accountId(), () -> {
                    BundleRequest request = BundleRequest.read(RequestBodies.jsonObject(ctx));
                    return tx -> {
                        Bundle bundle = registry.bundles().bundle(tx, request);
                        return Reply.created(Views.bundle(bundle), "/api/v1/bundles/" + bundle.id());
                    };
                }));
    }

    /** The trucker's own bundles, newest first; {@code status} narrows the list. */
    private void listBundles(RoutingContext ctx) {
        Principal trucker = auth.require(ctx, Role.TRUCKER);
        BundleStatus status = QueryParams.enumValue(ctx, "status", BundleStatus.class, null);
        ctx.vertx()
                .executeBlocking(() -> registry.bundles().ownedBy(trucker.accountId(), status, BUNDLE_LIST_MAX), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(bundles -> {
                    JsonArray list = new JsonArray();
                    bundles.forEach(b -> list.add(Views.bundle(b)));
                    RouteSupport.ok(ctx, new JsonObject().put("bundles", list));
                });
    }

    /** Officers see the risk hits found at bundling; the trucker never does, or a watched truck would know. */
    private void readBundle(RoutingContext ctx) {
        Principal caller = auth.require(ctx);
        String id = ctx.pathParam("id");
        RouteSupport.lookUp(
                ctx,
                () -> registry.bundles().visibleTo(caller, id),
                bundle -> RouteSupport.ok(
                        ctx, caller.role().readsEverything() ? Views.bundleForOfficer(bundle) : Views.bundle(bundle)));
    }

    private void unbundle(RoutingContext ctx) {
        Principal trucker = auth.require(ctx, Role.TRUCKER);
        String id = ctx.pathParam("id");
        write(
                ctx,
                registry.writer(),
                trucker.accountId(),
                IdempotentWrites.wrap(
                        ctx,
                        trucker.accountId(),
                        tx -> Reply.of(200, Views.bundle(registry.bundles().unbundle(tx, trucker, id)))));
    }
}
