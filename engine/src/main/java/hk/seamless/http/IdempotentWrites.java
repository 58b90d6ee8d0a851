package hk.seamless.http;

import hk.seamless.store.StoreName;
import hk.seamless.store.Transaction;
import hk.seamless.trade.FieldError;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Idempotency-Key on writes: the same key with the same request gives the same answer, without
 * doing the write again; the same key with another request is a 422. The remembered answer is
 * written in the same transaction as the write it answers, so a crash cannot keep one without the other.
 */
public final class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");

    /** @param at when the answer was given: it is purged once older than the retention (null in older records) */
    record Remembered(String fingerprint, int status, String body, String location, java.time.Instant at) {
    }

    private IdempotentWrites() {
    }

    /**
     * Refuses a malformed key (400). The API checks it before a write's body is read, so that no
     * route finds it out later, in a callback where a refusal would go unanswered.
     */
    public static void checkKey(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new HttpProblem(400, "Invalid request", "the Idempotency-Key must be 1 to 200 visible ASCII characters",
                    List.of(new FieldError(HEADER, "must be 1 to 200 visible ASCII characters")));
        }
    }

    /**
     * Where the answer to this request's key is remembered, or null without a key.
     *
     * @throws HttpProblem a 400 when the key is not 1 to 200 visible ASCII characters
     */
    static String storeKey(RoutingContext ctx, String scope) {
        String key = ctx.request().getHeader(HEADER);
        if (key == null) {
            return null;
        }
        checkKey(key);
        return scope + "|" + key;
    }

    /** The answer remembered under {@code storeKey}, or null; a 422 when it answered another request. */
    static Reply earlier(Transaction tx, String storeKey, String fingerprint) {
        Remembered earlier = tx.get(StoreName.IDEMPOTENCY, storeKey, Remembered.class);
        if (earlier == null) {
            return null;
        }
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new HttpProblem(422, "Idempotency key reused",
                    "this Idempotency-Key was used before with a different request",
                    List.of(new FieldError(HEADER, "was used with a different request")));
        }
        return new Reply(earlier.status(), earlier.body(), earlier.location());
    }

    static void remember(Transaction tx, String storeKey, String fingerprint, Reply reply) {
        tx.put(StoreName.IDEMPOTENCY, storeKey, new Remembered(fingerprint, reply.status(), reply.body(), reply.location(), tx.now()));
    }

    /** Wraps {@code command} if the request carries a key; {@code scope} keeps callers' keys apart. */
    public static Function<Transaction, Reply> wrap(RoutingContext ctx, String scope, Function<Transaction, Reply> command) {
        String storeKey = storeKey(ctx, scope);
        if (storeKey == null) {
            return command;
        }
        String fingerprint = RequestBodies.fingerprint(ctx);
        return tx -> {
            Reply earlier = earlier(tx, storeKey, fingerprint);
            if (earlier != null) {
                return earlier;
            }
            Reply reply = command.apply(tx);
            remember(tx, storeKey, fingerprint, reply);
            return reply;
        };
    }
}
