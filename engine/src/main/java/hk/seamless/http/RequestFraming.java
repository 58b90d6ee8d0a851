package hk.seamless.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * Refuses, before any route or body handler sees it, a request the engine cannot read safely: a
 * method no route takes (TRACE, CONNECT, made-up ones: 405, never a 500 from a body parser), or
 * a body framed other than by Content-Length or plain chunked (RFC 9112: a Transfer-Encoding
 * whose last coding is not chunked, or a list such as "chunked, identity", is a 400; a reader
 * that guesses where such a body ends can be made to see a request the next reader does not).
 */
final class RequestFraming {

    /** No route takes PATCH: it is refused here like TRACE, before anyone is asked who is calling. */
    static final Set<HttpMethod> ALLOWED = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);

    /** Where no route serves the path: the methods the engine takes anywhere. */
    private static final String ALLOW = "GET, HEAD, OPTIONS, POST, PUT, DELETE";

    private RequestFraming() {}

    /** @param allowFor the methods a path takes, for a 405's Allow (null where no route serves it) */
    static void handle(RoutingContext ctx, java.util.function.Function<String, String> allowFor) {
        HttpServerRequest request = ctx.request();
        // Framing first: a body whose end is unknown makes anything else said on the connection unreliable.
        List<String> codings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
        if (!codings.isEmpty()) {
            if (codings.size() != 1 || !codings.get(0).trim().equalsIgnoreCase("chunked")) {
                refuseFraming(ctx, "Transfer-Encoding must be chunked alone");
                return;
            }
            if (request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                refuseFraming(ctx, "a request has Content-Length or Transfer-Encoding, not both");
                return;
            }
        }
        if (!ALLOWED.contains(request.method())) {
            String allow = allowFor.apply(request.path());
            ctx.response().putHeader("Allow", allow == null ? ALLOW : allow);
            Problem.send(
                    ctx.response(),
                    405,
                    "Method not allowed",
                    LogValues.escape(request.method().name()) + " is not a method the engine takes",
                    List.of());
            return;
        }
        try {
            // Decoded here, once: a body handler that met "%zz" in the query later would throw
            // where nothing answers.
            request.params();
        } catch (IllegalArgumentException e) {
            Problem.send(
                    ctx.response(),
                    400,
                    "Invalid request",
                    "the query string is not validly percent-encoded",
                    List.of());
            return;
        }
        ctx.next();
    }

    /** Where this body ends is not known, so nothing after it on the connection can be read: closed after the answer. */
    private static void refuseFraming(RoutingContext ctx, String detail) {
        Problem.send(ctx.response(), 400, "Invalid request", detail, List.of());
        ctx.request().connection().close();
    }
}
