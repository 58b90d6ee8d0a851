package hk.seamless.http;

import hk.seamless.access.TokenBucket;
import hk.seamless.config.IntakeLimits;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast registrations are taken: per client address and from everyone together, each a token
 * bucket, so that nobody can fill the accounts store (or the admin's queue) by sending password-less
 * registrations in a loop. A refusal is a 429 with Retry-After, before any password is hashed.
 *
 * <p>The client address is the peer's, unless the peer is on loopback or a private network: that is
 * a proxy (a TLS terminator, an ingress), trusted to name the client as the last X-Forwarded-For
 * hop. Such a peer without the header (an operator's own tooling) has no per-address limit; the
 * overall one holds for everyone.
 */
final class RegistrationThrottle {

    /** Addresses remembered at most; a flood of made-up ones must not become the heap's problem. */
    private static final int MAX_ADDRESSES = 50_000;

    private final IntakeLimits limits;
    private final Clock clock;
    private final TokenBucket overall;
    private final ConcurrentHashMap<String, TokenBucket> byAddress = new ConcurrentHashMap<>();

    RegistrationThrottle(IntakeLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.overall = new TokenBucket(limits.registrationsOverall(), limits.registrationPeriod(), clock.millis());
    }

    /** @throws HttpProblem a 429 naming the limit, with how long to wait, when the registration must wait */
    void admit(RoutingContext ctx) {
        long now = clock.millis();
        String address = clientAddress(ctx);
        TokenBucket own = address == null ? null : bucketOf(address, now);
        if (own != null) {
            Duration wait = own.take(now);
            if (!wait.isZero()) {
                throw tooMany(wait, "too many registrations from your address; try again later");
            }
        }
        Duration wait = overall.take(now);
        if (!wait.isZero()) {
            if (own != null) {
                own.giveBack();
            }
            throw tooMany(wait, "the engine is taking too many registrations just now; try again later");
        }
    }

    private TokenBucket bucketOf(String address, long now) {
        if (byAddress.size() >= MAX_ADDRESSES) {
            // Full buckets carry no memory of their caller: forgetting them changes nothing.
            byAddress.values().removeIf(b -> b.isFull(now));
        }
        return byAddress.computeIfAbsent(
                address, a -> new TokenBucket(limits.registrationsPerAddress(), limits.registrationPeriod(), now));
    }

    static String clientAddress(RoutingContext ctx) {
        io.vertx.core.net.SocketAddress peer = ctx.request().remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        if (address == null || !isProxy(address)) {
            return address;
        }
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return null;
        }
        // The last hop is the one the trusted proxy added; earlier ones the client may have made up.
        String[] hops = forwarded.split(",");
        String client = hops.length == 0 ? "" : hops[hops.length - 1].strip();
        if (client.isEmpty()) {
            return null;
        }
        // An address is at most 45 characters: a longer "hop" must not make the remembered keys large.
        return client.length() > 45 ? client.substring(0, 45) : client;
    }

    /**
     * A peer on loopback or a private network is taken as a proxy (the same addresses Tomcat's
     * RemoteIpValve trusts by default): a TLS terminator on the host, a Kubernetes ingress.
     */
    private static boolean isProxy(String address) {
        try {
            // An IP literal: no name is looked up.
            java.net.InetAddress peer = java.net.InetAddress.getByName(address);
            byte[] raw = peer.getAddress();
            boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xFE) == 0xFC;
            boolean sharedV4 = raw.length == 4 && (raw[0] & 0xFF) == 100 && (raw[1] & 0xC0) == 64;
            return peer.isLoopbackAddress()
                    || peer.isSiteLocalAddress()
                    || peer.isLinkLocalAddress()
                    || uniqueLocalV6
                    || sharedV4;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static HttpProblem tooMany(Duration wait, String detail) {
        return new HttpProblem(429, "Too many registrations", detail, java.util.List.of(), wait);
    }
}
