package hk.seamless.http;

import hk.seamless.config.EngineConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine's router: body limits, the route groups, and problem answers for whatever the router
 * itself refuses (no such route, wrong method, body too large).
 */
public final class HttpApi {

    private HttpApi() {}

    public static Router router(
            Vertx vertx,
            WriteAdmission admission,
            Future<RequestContract> contract,
            List<Consumer<Router>> routeGroups,
            Consumer<Router> batchRoutes,
            RoleRoutes role) {
        Router router = Router.router(vertx);
        MethodsByPath methods = new MethodsByPath(router);
        router.route().handler(ctx -> RequestFraming.handle(ctx, methods::allow));
        // What this role does not serve is a 404 whoever asks: before admission looks for credentials.
        role.mount(router);
        // OPTIONS answered from the routes; HEAD served as GET.
        router.route().handler(methods::handle);
        // Before any body is read: who is writing, from which site, with what; see WriteAdmission.
        router.routeWithRegex("^/(api|console)/.*").handler(admission::handle);
        // Batch files may be up to 10 MiB; everything else up to 1 MiB. Neither is written to disk.
        router.post(WriteAdmission.BATCH_PATH)
                .handler(BodyHandler.create(false).setBodyLimit(EngineConfig.MAX_BATCH_BYTES));
        // Device messages are small: a plate read with candidates is a few kilobytes.
        router.routeWithRegex("^/lane/.*")
                .handler(onWrites(BodyHandler.create(false).setBodyLimit(EngineConfig.MAX_DEVICE_MESSAGE_BYTES)));
        router.routeWithRegex("^/(api|ivrs)/(?!v1/consignments/batch$).*")
                .handler(onWrites(BodyHandler.create(false).setBodyLimit(EngineConfig.MAX_BODY_BYTES)));
        // Where RequestBodies finds the contract that checks a body before its route reads it: after
        // the bodies are read, so that a write arriving while the contract still loads can wait.
        // Trade, console and IVRS routes only: the lane devices' messages are left to their own
        // readers (RequestContract.LANE_DEVICES), so a plate read does no work for it at all.
        router.routeWithRegex("^/(api|ivrs)/.*").handler(ctx -> withContract(ctx, contract));
        batchRoutes.accept(router);
        routeGroups.forEach(group -> group.accept(router));
        WebPages.mount(router, role.home());

        router.errorHandler(
                404,
                ctx -> Problem.send(
                        ctx.response(),
                        404,
                        "Not found",
                        "no such resource: " + ctx.request().method() + " "
                                + ctx.request().path(),
                        List.of()));
        router.errorHandler(405, ctx -> {
            String allow = methods.allow(ctx.request().path());
            if (allow != null) {
                ctx.response().putHeader("Allow", allow);
            }
            Problem.send(
                    ctx.response(),
                    405,
                    "Method not allowed",
                    ctx.request().method() + " is not allowed on "
                            + ctx.request().path(),
                    List.of());
        });
        router.errorHandler(
                413,
                ctx -> Problem.send(
                        ctx.response(),
                        413,
                        "Body too large",
                        "the body is larger than " + limitFor(ctx) + " bytes; nothing was read or written",
                        List.of()));
        router.errorHandler(
                400,
                ctx -> Problem.send(
                        ctx.response(),
                        400,
                        "Invalid request",
                        ctx.failure() == null
                                ? "the request is malformed"
                                : String.valueOf(ctx.failure().getMessage()),
                        List.of()));
        router.errorHandler(
                500,
                ctx -> Failures.send(
                        ctx.response(),
                        ctx.failure() == null ? new IllegalStateException("router failure") : ctx.failure()));
        return router;
    }

    /**
     * The contract is read while the engine starts serving (a few hundred milliseconds that no
     * reader, gate or health check should wait for): a write that comes before it is ready waits for
     * it, never goes unchecked; if it cannot be read at all, writes are refused as the defect it is.
     */
    static void withContract(RoutingContext ctx, Future<RequestContract> contract) {
        if (contract.isComplete() || !WriteAdmission.isWrite(ctx.request().method())) {
            if (contract.succeeded()) {
                ctx.put(RequestContract.class.getName(), contract.result());
            } else if (contract.failed() && WriteAdmission.isWrite(ctx.request().method())) {
                ctx.fail(500, contract.cause());
                return;
            }
            ctx.next();
            return;
        }
        Context context = Vertx.currentContext();
        contract.onComplete(loaded -> context.runOnContext(v -> withContract(ctx, contract)));
    }

    /**
     * Reads bodies of writes only: a WebSocket upgrade is a GET whose request must stay unread. Not
     * a method-restricted route, which would turn every unknown GET into a 405 instead of a 404.
     */
    private static io.vertx.core.Handler<RoutingContext> onWrites(BodyHandler bodies) {
        return ctx -> {
            HttpMethod method = ctx.request().method();
            if (WriteAdmission.isWrite(method)) {
                bodies.handle(ctx);
            } else {
                ctx.next();
            }
        };
    }

    private static int limitFor(RoutingContext ctx) {
        String path = ctx.request().path();
        return path.endsWith("/consignments/batch")
                ? EngineConfig.MAX_BATCH_BYTES
                : path.startsWith("/lane/") ? EngineConfig.MAX_DEVICE_MESSAGE_BYTES : EngineConfig.MAX_BODY_BYTES;
    }
}
