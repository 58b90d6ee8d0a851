package hk.seamless.http;

import hk.seamless.store.RegistryWriter;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idempotency-Key on an officer's override: the same key with the same request gives the same
 * answer without overriding again (a second RELEASE -> INSPECT on a retry would turn a crossed
 * truck's decision over); with another request, 422. An override is the lane pipeline's, not a
 * registry write, so its answer is remembered in the registry's idempotency store once given, and
 * a request whose key is still being done makes a second one wait its turn (409) rather than run twice.
 * A refusal by the pipeline is remembered the same way (see {@link RememberedRefusals}).
 */
final class IdempotentOverrides {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentOverrides.class);

    private final RegistryWriter writer;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    IdempotentOverrides(RegistryWriter writer) {
        this.writer = writer;
    }

    /** Answers the request with {@code override}'s answer, or the one its key was given before. */
    void answer(RoutingContext ctx, String scope, Supplier<Future<String>> override) {
        String storeKey = IdempotentWrites.storeKey(ctx, scope);
        if (storeKey == null) {
            override.get()
                    .onSuccess(answer -> RouteSupport.send(ctx, new Reply(200, answer, null)))
                    .onFailure(e -> Failures.send(ctx.response(), e));
            return;
        }
        if (!inFlight.add(storeKey)) {
            throw new HttpProblem(
                    409, "Conflict", "a request with this Idempotency-Key is still being done; try again in a moment");
        }
        String fingerprint = RequestBodies.fingerprint(ctx);
        RouteSupport.submit(ctx, writer, scope, tx -> IdempotentWrites.earlier(tx, storeKey, fingerprint))
                .compose(earlier -> earlier != null
                        ? Future.succeededFuture(earlier)
                        : overrideAndRemember(ctx, scope, storeKey, fingerprint, override))
                .onComplete(done -> {
                    inFlight.remove(storeKey);
                    if (done.succeeded()) {
                        RouteSupport.send(ctx, done.result());
                    } else {
                        Failures.send(ctx.response(), done.cause());
                    }
                });
    }

    private Future<Reply> overrideAndRemember(
            RoutingContext ctx, String scope, String storeKey, String fingerprint, Supplier<Future<String>> override) {
        return override.get()
                .map(answer -> new Reply(200, answer, null))
                .recover(refused -> {
                    // A refusal by the lane (no truck to override, say) is this key's answer too.
                    Reply refusal = RememberedRefusals.of(refused);
                    return refusal == null ? Future.failedFuture(refused) : Future.succeededFuture(refusal);
                })
                .compose(reply -> RouteSupport.submit(ctx, writer, scope, tx -> {
                            IdempotentWrites.remember(tx, storeKey, fingerprint, reply);
                            return reply;
                        })
                        .recover(e -> {
                            // The override is done and journalled: it is answered; only a retry with
                            // this key would find nothing remembered.
                            LOG.warn("Could not remember the answer to Idempotency-Key {} of an override", storeKey, e);
                            return Future.succeededFuture(reply);
                        }));
    }
}
