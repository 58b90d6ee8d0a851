package hk.seamless.http;

import hk.seamless.store.RegistryWriter;
import hk.seamless.store.Transaction;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * The few moves every route makes: run a command on the registry writer and answer with what it
 * decided, or answer a look-up at once. Handlers stay on the event loop and never block: the
 * writer's future completes back on the request's own context.
 */
public final class RouteSupport {

    private RouteSupport() {}

    /** A handler whose exceptions become problem answers instead of escaping to the router. */
    public static Handler<RoutingContext> guarded(Handler<RoutingContext> handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (RuntimeException e) {
                Failures.send(ctx.response(), e);
            }
        };
    }

    /**
     * A callback (of a future: a password hash, a parsed file) whose exceptions become problem
     * answers. Vert.x only logs what a callback throws, so without this a refusal found there
     * would leave the caller waiting for an answer that never comes.
     */
    public static <T> Handler<T> answering(RoutingContext ctx, Handler<T> callback) {
        return value -> {
            try {
                callback.handle(value);
            } catch (RuntimeException e) {
                Failures.send(ctx.response(), e);
            }
        };
    }

    /**
     * Runs {@code command} on the writer, recording where the request came from; the future
     * completes on the request's context.
     */
    public static <T> Future<T> submit(
            RoutingContext ctx, RegistryWriter writer, String actor, Function<Transaction, T> command) {
        return Future.fromCompletionStage(
                writer.submit(actor, RequestOrigin.of(ctx), command),
                ctx.vertx().getOrCreateContext());
    }

    /**
     * A look-up that may read the archive (the registry log, a file) runs off the event loop; what
     * it throws (not found, say) becomes the problem answer.
     */
    public static <T> void lookUp(RoutingContext ctx, java.util.concurrent.Callable<T> lookUp, Handler<T> answer) {
        ctx.vertx()
                .executeBlocking(lookUp, false)
                .onFailure(e -> Failures.send(ctx.response(), e))
                .onSuccess(answering(ctx, answer));
    }

    public static void write(
            RoutingContext ctx, RegistryWriter writer, String actor, Function<Transaction, Reply> command) {
        submit(ctx, writer, actor, command).onComplete(done -> {
            if (done.succeeded()) {
                send(ctx, done.result());
            } else {
                Failures.send(ctx.response(), done.cause());
            }
        });
    }

    public static void send(RoutingContext ctx, Reply reply) {
        if (ctx.response().ended()) {
            return;
        }
        if (reply.location() != null) {
            ctx.response().putHeader("Location", reply.location());
        }
        ctx.response()
                .setStatusCode(reply.status())
                .putHeader("Content-Type", reply.refused() ? Problem.CONTENT_TYPE : "application/json; charset=utf-8")
                .end(reply.body());
    }

    public static void ok(RoutingContext ctx, JsonObject body) {
        send(ctx, Reply.of(200, body));
    }
}
