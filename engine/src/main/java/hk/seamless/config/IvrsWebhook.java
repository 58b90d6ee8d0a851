package hk.seamless.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * How the engine checks that a call to its IVRS webhook ({@code POST /ivrs/v1/calls}) comes from the
 * voice platform: the platform signs each call with its secret over the URL it called, so the secret
 * is of no use without that URL, and the two are checked together here.
 *
 * @param signingSecret the voice platform's signing key (Twilio: the account's auth token); when
 *                      set, the webhook refuses calls not signed with it. Null: not checked
 * @param publicUrl     the base URL the voice platform calls the engine at, exactly as configured
 *                      there (the signature covers it), without {@code /ivrs/v1/calls}; see
 *                      {@link #publicUrl(String)}
 */
public record IvrsWebhook(String signingSecret, String publicUrl) {

    public IvrsWebhook {
        publicUrl = publicUrl == null ? null : publicUrl(publicUrl);
        if (signingSecret != null && signingSecret.isBlank()) {
            throw new ConfigException(
                    "ivrsSigningSecret (SEAMLESS_IVRS_SIGNING_SECRET) is blank: leave it out to not check signatures");
        }
        if (signingSecret != null && publicUrl == null) {
            throw new ConfigException("ivrsSigningSecret (SEAMLESS_IVRS_SIGNING_SECRET) is set but ivrsPublicUrl"
                    + " (SEAMLESS_IVRS_PUBLIC_URL) is not: the webhook signature covers the URL the voice platform"
                    + " calls, so the engine cannot check it without that URL");
        }
    }

    /** Signatures not checked (the start says so with a WARN). */
    public static IvrsWebhook unsigned() {
        return new IvrsWebhook(null, null);
    }

    /**
     * Checks a public URL and drops its trailing {@code /}. An absolute http(s) URL with a host, and
     * a path only as a prefix in front of the engine's own paths (a proxy that strips it): the
     * signed URL is this followed by the request's path and query, so a query, fragment, user
     * information or the webhook path itself would make every signature fail.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String publicUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getRawAuthority() == null
                || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "an absolute http or https URL with a host, such as https://ivrs.example.hk");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the base URL only: no user:password@, ?query or #fragment");
        }
        String base = url.replaceAll("/+$", "");
        if (base.endsWith("/ivrs/v1/calls")) {
            throw new IllegalArgumentException(
                    "the base URL, without /ivrs/v1/calls (the engine adds the request's path)");
        }
        return base;
    }

    /** The signing secret is never printed. */
    @Override
    public String toString() {
        return RedactedText.of(this, Set.of("signingSecret"));
    }
}
