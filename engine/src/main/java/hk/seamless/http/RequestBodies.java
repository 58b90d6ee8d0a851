package hk.seamless.http;

import hk.seamless.rules.FieldError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON object a write carries; anything else is a 400 or 415 that says what was wrong. When the
 * router carries the API contract ({@link RequestContract}), the body is checked against it before
 * the route reads it.
 */
public final class RequestBodies {

    private RequestBodies() {}

    public static JsonObject jsonObject(RoutingContext ctx) {
        Buffer buffer = jsonBody(ctx);
        Object value = Json.decodeValue(buffer);
        if (!(value instanceof JsonObject object)) {
            throw new HttpProblem(
                    400,
                    "Invalid request",
                    "the body must be a JSON object",
                    List.of(new FieldError("body", FieldError.INVALID, "must be a JSON object")));
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
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "Unsupported media type", "send the body as application/json, not " + type);
        }
        Buffer buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw new HttpProblem(
                    400,
                    "Invalid request",
                    "a JSON object body is required",
                    List.of(new FieldError("body", FieldError.REQUIRED, "a JSON object is required")));
        }
        return buffer;
    }

    /** Whether the router checks bodies against the API contract (then a route reads the checked tree). */
    static boolean contractChecked(RoutingContext ctx) {
        return ctx.get(RequestContract.class.getName()) != null;
    }

    /**
     * SHA-256 of what identifies the request, for the Idempotency-Key check: its method, its path and
     * its body, a JSON body in its canonical form (members sorted by name, no white space), so that
     * the same object sent again by a client that serialises it in another order is the same request.
     */
    public static String fingerprint(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        return hk.seamless.access.Tokens.hash(ctx.request().method().name() + " "
                + ctx.request().path() + "\n" + (body == null ? "" : canonical(ctx, body)));
    }

    private static String canonical(RoutingContext ctx, Buffer body) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return body.toString();
        }
        try {
            Object value = Json.decodeValue(body);
            return value instanceof JsonObject || value instanceof JsonArray
                    ? Json.encode(sortedMembers(value))
                    : body.toString();
        } catch (DecodeException e) {
            return body.toString(); // refused later with a 400 naming the body, remembered under these bytes
        }
    }

    private static Object sortedMembers(Object value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> sorted = new TreeMap<>();
            object.forEach(member -> sorted.put(member.getKey(), sortedMembers(member.getValue())));
            return new JsonObject(new LinkedHashMap<>(sorted));
        }
        if (value instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(element -> out.add(sortedMembers(element)));
            return out;
        }
        return value;
    }
}
