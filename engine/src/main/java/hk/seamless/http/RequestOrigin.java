package hk.seamless.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Where a request came from, in words for the audit trail and the logs: the connection's address,
 * and behind a proxy also the last X-Forwarded-For hop (the one the nearest proxy added). Both are
 * kept: the peer is certain, the forwarded address is what the proxy says.
 */
final class RequestOrigin {

    private static final int MAX_FORWARDED = 64;

    private RequestOrigin() {}

    /** The peer and, when a proxy forwarded the request, {@code "<peer> for <client>"}. */
    static String address(RoutingContext ctx) {
        String peer = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        // Bounded: a made-up header must not make every audit entry large.
        return peer + " for " + (last.length() > MAX_FORWARDED ? last.substring(0, MAX_FORWARDED) : last);
    }

    /** The origin a registry change records: {@code "http <address>"}. */
    static String of(RoutingContext ctx) {
        return "http " + address(ctx);
    }
}
