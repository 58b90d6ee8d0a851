package hk.seamless.http;

import static hk.seamless.http.RouteSupport.guarded;
import static hk.seamless.http.RouteSupport.write;

import hk.seamless.access.Principal;
import hk.seamless.access.Role;
import hk.seamless.trade.LodgementTemplate;
import hk.seamless.trade.LodgementTemplates;
import hk.seamless.trade.TradeRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lodgement templates: a shipper or agent saves a lodgement form under a name and fills the next
 * one from it, in the portal or from their own system. Each account sees only its own.
 */
public final class TemplateRoutes {

    private static final String TEMPLATES = "/api/v1/templates";

    private final TradeRegistry registry;
    private final Authentication auth;
    private final LodgementTemplates templates;

    public TemplateRoutes(TradeRegistry registry, Authentication auth, LodgementTemplates templates) {
        this.registry = registry;
        this.auth = auth;
        this.templates = templates;
    }

    public void mount(Router router) {
        router.get(TEMPLATES).handler(guarded(this::list));
        router.get(TEMPLATES + "/:name").handler(guarded(this::read));
        router.put(TEMPLATES + "/:name").handler(guarded(this::save));
        router.delete(TEMPLATES + "/:name").handler(guarded(this::delete));
    }

    private void list(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        ctx.vertx()
                .executeBlocking(() -> templates.ownedBy(caller.accountId()), false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(list -> {
                    JsonArray items = new JsonArray();
                    list.forEach(t -> items.add(Views.template(t)));
                    RouteSupport.ok(ctx, new JsonObject().put("templates", items));
                });
    }

    private void read(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        String name = LodgementTemplates.readName(ctx.pathParam("name"));
        LodgementTemplate template =
                templates.find(caller.accountId(), name).orElseThrow(() -> LodgementTemplates.notFound(name));
        RouteSupport.ok(ctx, Views.template(template));
    }

    private void save(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        write(ctx, registry.writer(), caller.accountId(), IdempotentWrites.wrapRequest(ctx, caller.accountId(), () -> {
            LodgementTemplates.Draft draft =
                    LodgementTemplates.read(ctx.pathParam("name"), RequestBodies.jsonObject(ctx));
            return tx -> Reply.of(200, Views.template(templates.save(tx, draft)));
        }));
    }

    private void delete(RoutingContext ctx) {
        Principal caller = auth.require(ctx, Role.SHIPPER, Role.AGENT);
        write(ctx, registry.writer(), caller.accountId(), IdempotentWrites.wrapRequest(ctx, caller.accountId(), () -> {
            String name = LodgementTemplates.readName(ctx.pathParam("name"));
            return tx -> {
                templates.delete(tx, name);
                return new Reply(204, "", null);
            };
        }));
    }
}
