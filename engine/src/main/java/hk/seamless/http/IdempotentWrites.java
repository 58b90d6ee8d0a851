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

    record Remembered(String fingerprint, int status, String body, String location) {
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

    /** Wraps {@code command} if the request carries a key; {@code scope} keeps callers' keys apart. */
    public static Function<Transaction, Reply> wrap(RoutingContext ctx, String scope, Function<Transaction, Reply> command) {
        String key = ctx.request().getHeader(HEADER);
        if (key == null) {
            return command;
        }
        checkKey(key);
        String storeKey = scope + "|" + key;
        String fingerprint = RequestBodies.fingerprint(ctx);
        return tx -> {
            Remembered earlier = tx.get(StoreName.IDEMPOTENCY, storeKey, Remembered.class);
            if (earlier != null) {
                if (!earlier.fingerprint().equals(fingerprint)) {
                    throw new HttpProblem(422, "Idempotency key reused",
                            "this Idempotency-Key was used before with a different request",
                            List.of(new FieldError(HEADER, "was used with a different request")));
                }
                return new Reply(earlier.status(), earlier.body(), earlier.location());
            }
            Reply reply = command.apply(tx);
            tx.put(StoreName.IDEMPOTENCY, storeKey, new Remembered(fingerprint, reply.status(), reply.body(), reply.location()));
            return reply;
        };
    }
}
