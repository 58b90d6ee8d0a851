package hk.seamless.http;

import hk.seamless.rules.FieldError;
import hk.seamless.store.StoreName;
import hk.seamless.store.Transaction;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key on writes: the same key with the same request gives the same answer, without
 * doing the write again; the same key with another request is a 422. The remembered answer is
 * written in the same transaction as the write it answers, so a crash cannot keep one without the other.
 * An answer that showed a token is never remembered with it: only the fact that a token was shown.
 *
 * <p>A refusal is an answer too (see {@link RememberedRefusals} for which): it is remembered in a
 * transaction that writes nothing else, so a retry after a lost answer is refused the same way
 * even if the request would now be done, and does not count again towards a rate limit.
 */
public final class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");
    /** Under this key the store says its older remembered answers were cleared of tokens. */
    static final String SECRETS_FORGOTTEN = "~secrets-forgotten-v1";

    /**
     * @param at          when the answer was given: it is purged once older than the retention (null in older records)
     * @param secretShown the answer held a token: only the fact is kept, never the body
     */
    record Remembered(
            String fingerprint, int status, String body, String location, java.time.Instant at, boolean secretShown) {}

    private IdempotentWrites() {}

    /**
     * Refuses a malformed key (400). The API checks it before a write's body is read, so that no
     * route finds it out later, in a callback where a refusal would go unanswered.
     */
    public static void checkKey(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new HttpProblem(
                    400,
                    "Invalid request",
                    "the Idempotency-Key must be 1 to 200 visible ASCII characters",
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

    /**
     * The answer remembered under {@code storeKey}, or null; a 422 when it answered another request,
     * a 409 when it showed a token (shown once, kept nowhere: nothing is done again).
     */
    static Reply earlier(Transaction tx, String storeKey, String fingerprint) {
        Remembered earlier = tx.get(StoreName.IDEMPOTENCY, storeKey, Remembered.class);
        if (earlier == null) {
            return null;
        }
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new HttpProblem(
                    422,
                    "Idempotency key reused",
                    "this Idempotency-Key was used before with a different request",
                    List.of(new FieldError(HEADER, "was used with a different request")));
        }
        if (earlier.secretShown()) {
            throw new HttpProblem(
                    409,
                    "Token shown once",
                    "this request was done before with this Idempotency-Key; the token it issued was shown"
                            + " once and is not kept anywhere. Nothing was done again: rotate the token to get a new one",
                    List.of(new FieldError(HEADER, "was used before for a write whose token is shown only once")));
        }
        return new Reply(earlier.status(), earlier.body(), earlier.location());
    }

    static void remember(Transaction tx, String storeKey, String fingerprint, Reply reply) {
        tx.put(
                StoreName.IDEMPOTENCY,
                storeKey,
                reply.carriesSecret()
                        ? new Remembered(fingerprint, reply.status(), null, reply.location(), tx.now(), true)
                        : new Remembered(fingerprint, reply.status(), reply.body(), reply.location(), tx.now(), false));
    }

    /**
     * Remembered answers written by an engine from before this rule may hold a token: once, at the
     * first start, they are made into "shown once" markers. (The journal before that point still
     * holds them: tokens issued before the upgrade should be rotated.) Runs on the registry writer.
     *
     * @return how many answers were cleared
     */
    public static int forgetRememberedSecrets(hk.seamless.store.Stores stores, Transaction tx) {
        if (tx.get(StoreName.IDEMPOTENCY, SECRETS_FORGOTTEN) != null) {
            return 0;
        }
        java.util.List<String> keys = new java.util.ArrayList<>();
        stores.store(StoreName.IDEMPOTENCY).forEach((key, json) -> {
            if (json.contains("\\\"token\\\":")) {
                keys.add(key);
            }
        });
        for (String key : keys) {
            Remembered old = tx.get(StoreName.IDEMPOTENCY, key, Remembered.class);
            tx.put(
                    StoreName.IDEMPOTENCY,
                    key,
                    new Remembered(old.fingerprint(), old.status(), null, old.location(), old.at(), true));
        }
        tx.put(StoreName.IDEMPOTENCY, SECRETS_FORGOTTEN, "true");
        tx.audit("REMEMBERED_SECRETS_FORGOTTEN", "idempotency", keys.size() + " remembered answers held a token");
        return keys.size();
    }

    /** Wraps {@code command} if the request carries a key; {@code scope} keeps callers' keys apart. */
    public static Function<Transaction, Reply> wrap(
            RoutingContext ctx, String scope, Function<Transaction, Reply> command) {
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
            Reply reply = answer(tx, command);
            remember(tx, storeKey, fingerprint, reply);
            return reply;
        };
    }

    /**
     * As {@link #wrap(RoutingContext, String, Function)}, for a request read (on the event loop)
     * by {@code reading}: a refusal found there is the key's answer as much as one found on the
     * writer. Without a key, or for a refusal not to remember, it is thrown as before.
     */
    public static Function<Transaction, Reply> wrapRequest(
            RoutingContext ctx, String scope, Supplier<Function<Transaction, Reply>> reading) {
        Function<Transaction, Reply> command;
        try {
            command = reading.get();
        } catch (RuntimeException refused) {
            if (storeKey(ctx, scope) == null || RememberedRefusals.of(refused) == null) {
                throw refused;
            }
            command = tx -> {
                throw refused;
            };
        }
        return wrap(ctx, scope, command);
    }

    /** The command's answer, or the refusal it threw when that is one to remember (with its writes undone). */
    private static Reply answer(Transaction tx, Function<Transaction, Reply> command) {
        try {
            return command.apply(tx);
        } catch (RuntimeException e) {
            Reply refusal = RememberedRefusals.of(e);
            if (refusal == null) {
                throw e;
            }
            tx.discard();
            return refusal;
        }
    }
}
