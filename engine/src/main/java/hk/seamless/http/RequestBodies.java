package hk.seamless.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The JSON object a write carries; anything else is a 400 or 415 that says what was wrong. When the
 * router carries the API contract ({@link RequestContract}), the body is checked against it before
 * the route reads it.
 */
public final class RequestBodies {

    private RequestBodies() {}

    public static JsonObject jsonObject(RoutingContext ctx) {
        Buffer buffer = jsonBody(ctx);
        Object value = io.vertx.core.json.Json.decodeValue(buffer);
        if (!(value instanceof JsonObject object)) {
            throw new HttpProblem(400, "Invalid request", "the body must be a JSON object");
        }
        RequestContract contract = ctx.get(RequestContract.class.getName());
        if (contract != null) {
            contract.check(ctx, object);
        }
        return object;
    }

    /**
     * The body's bytes, for a reader that parses them itself (a lane device's plate read): the
     * same 415 and 400 as {@link #jsonObject} for a body that is not JSON or is empty.
     */
    public static Buffer jsonBody(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "Unsupported media type", "send the body as application/json, not " + type);
        }
        Buffer buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw new HttpProblem(400, "Invalid request", "a JSON object body is required");
        }
        return buffer;
    }

    /** Whether the router checks bodies against the API contract (then a route reads the checked tree). */
    static boolean contractChecked(RoutingContext ctx) {
        return ctx.get(RequestContract.class.getName()) != null;
    }

    /** SHA-256 of what identifies the request, for the Idempotency-Key check. */
    public static String fingerprint(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        return hk.seamless.access.Tokens.hash(ctx.request().method().name() + " "
                + ctx.request().path() + "\n" + (body == null ? "" : body.toString()));
    }
}
