package hk.seamless.http;

import hk.seamless.access.Principal;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Set;

/**
 * What a write to the API must show before its body is read: a well-formed Idempotency-Key, a
 * caller (except where anyone may write: registering, logging in), a browser's write coming from
 * the engine's own pages, a JSON body where JSON is what the route takes, and a free slot for a
 * batch file. A body is only held in memory for a caller who is known and allowed to send it.
 */
public final class WriteAdmission {

    /** Writes anyone may send: they carry no credentials, so they are checked by their own rules. */
    private static final Set<String> ANONYMOUS = Set.of("POST /api/v1/registrations", "POST /api/v1/sessions");

    static final String BATCH_PATH = "/api/v1/consignments/batch";

    private final Authentication auth;
    private final UploadSlots uploads;

    public WriteAdmission(Authentication auth, UploadSlots uploads) {
        this.auth = auth;
        this.uploads = uploads;
    }

    /** For every API request: writes are admitted (or answered) here; reads go straight on. */
    void handle(RoutingContext ctx) {
        try {
            if (isWrite(ctx.request().method())) {
                admit(ctx);
            } else if (ctx.request().headers().contains(HttpHeaders.UPGRADE)) {
                refuseCrossSite(ctx.request());
            }
        } catch (RuntimeException e) {
            Failures.send(ctx.response(), e);
            return;
        }
        ctx.next();
    }

    static boolean isWrite(HttpMethod method) {
        return method == HttpMethod.POST
                || method == HttpMethod.PUT
                || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
    }

    private void admit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        IdempotentWrites.checkKey(request.getHeader(IdempotentWrites.HEADER));
        refuseCrossSite(request);
        String path = request.path();
        if (ANONYMOUS.contains(request.method().name() + " " + path)) {
            requireJson(request);
            return;
        }
        Principal caller = auth.require(ctx);
        if (path.equals(BATCH_PATH)) {
            // The batch route says which file types it reads; here only its share of memory is taken.
            try {
                Runnable release = uploads.take(caller.accountId());
                ctx.addEndHandler(done -> release.run());
            } catch (HttpProblem full) {
                ctx.response().putHeader("Retry-After", Long.toString(UploadSlots.retryAfterSeconds()));
                throw full;
            }
        } else {
            requireJson(request);
        }
    }

    /**
     * The session cookie goes with any request the browser makes, whoever's page made it: a write
     * (or a feed opened) with the cookie must come from this site. A bearer token is never sent
     * by a browser on its own, and a foreign page cannot add the header, so those need no Origin.
     */
    private static void refuseCrossSite(HttpServerRequest request) {
        boolean byCookie = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getCookie(Authentication.SESSION_COOKIE) != null;
        if ((byCookie || request.getHeader("Origin") != null) && !SameOrigin.matches(request)) {
            throw new HttpProblem(
                    403,
                    "Cross-site request refused",
                    "a request with the session cookie must come from"
                            + " this site's own pages (its Origin must be this site); nothing was read or written");
        }
    }

    /** A body where JSON is documented is JSON: a form or plain text from another page is not taken. */
    private static void requireJson(HttpServerRequest request) {
        if (!hasBody(request)) {
            return;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(
                    415,
                    "Unsupported media type",
                    "send the body as application/json"
                            + (type == null
                                    ? " (the request has no Content-Type)"
                                    : ", not " + LogValues.escape(type)));
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
    }
}
