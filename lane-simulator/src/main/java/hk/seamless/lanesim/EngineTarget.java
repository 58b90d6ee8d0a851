package hk.seamless.lanesim;

import java.net.URI;

/** Turns the --target text into a base URI and resolves API paths against it, never leaving it. */
final class EngineTarget {

    private EngineTarget() {
    }

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

    /** @param path an absolute API path such as "/api/v1/consignments"; anything else is a programming error */
    static URI resolve(URI base, String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("not an absolute path on the target: " + path);
        }
        return URI.create(base + path);
    }
}
