package hk.seamless.http;

import io.vertx.core.json.JsonObject;

/**
 * An answer decided on the registry writer: kept whole so that a repeated request with the same
 * Idempotency-Key gets exactly the same answer back, unless it carries a secret.
 *
 * @param carriesSecret the body holds a token that is shown once: it must never be remembered (an
 *                      idempotent repeat is told the token was shown, not given it again)
 */
public record Reply(int status, String body, String location, boolean carriesSecret) {

    public Reply(int status, String body, String location) {
        this(status, body, location, false);
    }

    public static Reply of(int status, JsonObject body) {
        return new Reply(status, body.encode(), null);
    }

    public static Reply created(JsonObject body, String location) {
        return new Reply(201, body.encode(), location);
    }

    /** A refusal given as an answer (a problem body), so that an Idempotency-Key can remember it. */
    static Reply refusal(int status, String problem) {
        return new Reply(status, problem, null);
    }

    /** A refusal (a problem body), not a success: whatever follows a success must not follow it. */
    public boolean refused() {
        return status >= 400;
    }

    /** An answer with a token in it, shown this once and kept nowhere. */
    public static Reply withSecret(int status, JsonObject body, String location) {
        return new Reply(status, body.encode(), location, true);
    }
}
