package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.lane.Device;
import hk.seamless.lane.Devices;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Admins register lane devices; each gets a token bound to one lane and one kind. The admin lists
 * them, rotates a device's token (the old one stops working) or revokes a device, with a reason.
 */
public final class DeviceRoutes {

    private final TradeRegistry registry;
    private final Authentication auth;
    private final Devices devices;

    public DeviceRoutes(TradeRegistry registry, Authentication auth, Devices devices) {
        this.registry = registry;
        this.auth = auth;
        this.devices = devices;
    }

    public void mount(Router router) {
        router.post("/api/v1/admin/devices").handler(guarded(this::register));
        router.get("/api/v1/admin/devices").handler(guarded(this::list));
        router.post("/api/v1/admin/devices/:id/token").handler(guarded(this::rotate));
        router.delete("/api/v1/admin/devices/:id").handler(guarded(this::revoke));
    }

    private void register(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        write(ctx, registry.writer(), admin.accountId(), IdempotentWrites.wrapRequest(ctx, admin.accountId(), () -> {
            Devices.Registration registration = devices.read(RequestBodies.jsonObject(ctx));
            return tx -> {
                Devices.Issued issued = devices.register(tx, registration);
                return Reply.withSecret(
                        201,
                        view(issued.device()).put("token", issued.token()),
                        "/api/v1/admin/devices/" + issued.device().id());
            };
        }));
    }

    private void list(RoutingContext ctx) {
        auth.require(ctx, Role.ADMIN);
        ctx.vertx()
                .executeBlocking(devices::list, false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(all -> {
                    JsonArray list = new JsonArray();
                    all.forEach(d -> list.add(view(d)));
                    RouteSupport.ok(ctx, new JsonObject().put("devices", list));
                });
    }

    private void rotate(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        changeCredentials(ctx, admin, id, () -> {
            String reason = Reasons.read(ctx);
            return tx -> {
                Devices.Issued issued = devices.rotate(tx, id, reason);
                return Reply.withSecret(200, view(issued.device()).put("token", issued.token()), null);
            };
        });
    }

    private void revoke(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        String id = ctx.pathParam("id");
        changeCredentials(ctx, admin, id, () -> {
            String reason = Reasons.read(ctx);
            return tx -> Reply.of(200, view(devices.revoke(tx, id, reason)));
        });
    }

    /**
     * Once the change is in the store, the devices' remembered tokens are forgotten (the old one is
     * refused) and the device's open sockets are closed.
     */
    private void changeCredentials(
            RoutingContext ctx,
            Principal admin,
            String deviceId,
            java.util.function.Supplier<java.util.function.Function<hk.seamless.store.Transaction, Reply>> reading) {
        RouteSupport.submit(
                        ctx,
                        registry.writer(),
                        admin.accountId(),
                        IdempotentWrites.wrapRequest(ctx, admin.accountId(), reading))
                .onComplete(done -> {
                    if (done.succeeded() && !done.result().refused()) {
                        devices.credentialsChanged(deviceId);
                    }
                    if (done.succeeded()) {
                        RouteSupport.send(ctx, done.result());
                    } else {
                        Failures.send(ctx.response(), done.cause());
                    }
                });
    }

    static JsonObject view(Device d) {
        JsonObject json = new JsonObject()
                .put("deviceId", d.id())
                .put("lane", d.lane())
                .put("kind", d.kind().name())
                .put("status", d.revoked() ? "REVOKED" : "ACTIVE")
                .put("registeredAt", Views.time(d.registeredAt()))
                .put("registeredBy", d.registeredBy());
        if (d.revoked()) {
            json.put("revokedAt", Views.time(d.revokedAt()))
                    .put("revokedBy", d.revokedBy())
                    .put("revokeReason", d.revokeReason());
        }
        return json;
    }
}
