package hk.seamless.http;

import io.vertx.core.json.JsonObject;

/**
 * An answer decided on the registry writer: kept whole so that a repeated request with the same
 * Idempotency-Key gets exactly the same answer back.
 */
public record Reply(int status, String body, String location) {

    public static Reply of(int status, JsonObject body) {
        return new Reply(status, body.encode(), null);
    }

    public static Reply created(JsonObject body, String location) {
        return new Reply(201, body.encode(), location);
    }
}
