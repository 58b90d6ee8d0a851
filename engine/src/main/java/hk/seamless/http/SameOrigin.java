package hk.seamless.http;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether a request comes from the engine's own pages: its {@code Origin} names the site the
 * request was sent to. The site is the one the browser sees, so behind a TLS-terminating proxy the
 * proxy's {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} say it, as for the Secure cookie.
 * A forged forwarded header does not help an attacker: a cross-site page cannot set it.
 */
final class SameOrigin {

    private SameOrigin() {}

    /** True when the Origin matches, or (no Origin) when the browser itself says same-origin. */
    static boolean matches(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return "same-origin".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        String scheme = first(request.getHeader("X-Forwarded-Proto"));
        if (scheme == null) {
            scheme = request.isSSL() ? "https" : "http";
        }
        String host = first(request.getHeader("X-Forwarded-Host"));
        if (host == null) {
            host = request.getHeader("Host");
        }
        if (host == null) {
            return false;
        }
        String site = normalise(scheme + "://" + host);
        return site != null && site.equals(normalise(origin.trim()));
    }

    /** scheme://host:port in lower case, the port written out, or null when not such an origin. */
    private static String normalise(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port =
                    uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String value = (comma < 0 ? header : header.substring(0, comma)).trim();
        return value.isEmpty() ? null : value;
    }
}
