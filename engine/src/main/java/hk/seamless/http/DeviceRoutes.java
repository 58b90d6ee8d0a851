package hk.seamless.http;

import hk.seamless.access.Principal;
import hk.seamless.lane.Devices;
import hk.seamless.trade.Role;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

/** Admins register lane devices; each gets a token bound to one lane and one kind. */
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
    }

    private void register(RoutingContext ctx) {
        Principal admin = auth.require(ctx, Role.ADMIN);
        Devices.Registration registration = devices.read(RequestBodies.jsonObject(ctx));
        write(ctx, registry.writer(), admin.accountId(), IdempotentWrites.wrap(ctx, admin.accountId(), tx -> {
            Devices.Issued issued = devices.register(tx, registration);
            return Reply.created(new JsonObject()
                    .put("deviceId", issued.device().id())
                    .put("lane", issued.device().lane())
                    .put("kind", issued.device().kind().name())
                    .put("token", issued.token()), "/api/v1/admin/devices/" + issued.device().id());
        }));
    }
}
