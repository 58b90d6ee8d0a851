package hk.seamless.lanesim;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Turns the --target text into a base URI and resolves API paths against it, never leaving it. */
final class EngineTarget {

    private EngineTarget() {}

    static URI parse(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target is not a URL: " + text, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--target must start with http:// or https://: " + text);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("--target has no host: " + text);
        }
        // Only scheme, host and port are kept: API paths are absolute from the engine's root.
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    /**
     * Parses the target and refuses one that is not on this machine unless the caller allows it:
     * a load test or a scripted call must not reach a shared engine by a typo.
     */
    static URI parseGuarded(String text, boolean allowRemote) {
        URI base = parse(text);
        if (!allowRemote && !isLoopback(base.getHost())) {
            throw new IllegalArgumentException("--target " + text + " is not a loopback address;"
                    + " pass --allow-remote-target if you really mean to reach another machine");
        }
        return base;
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--target host " + host + " cannot be resolved", e);
        }
    }

    /** @param path an absolute API path such as "/api/v1/consignments"; anything else is a programming error */
    static URI resolve(URI base, String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("not an absolute path on the target: " + path);
        }
        return URI.create(base + path);
    }
}
