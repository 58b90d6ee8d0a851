package hk.seamless.ivrs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The voice platform's signature on its webhook calls, TwiML style ({@code X-Twilio-Signature}):
 * Base64 of HMAC-SHA1, keyed with the account's secret, over the full URL the platform requested
 * followed by every form field of the body sorted by name, each name then its value, no
 * separators. Without it anyone who can reach the webhook could key wrong PINs in a trucker's name
 * (locking the phone line) or drive calls.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Twilio-Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private final SecretKeySpec key;
    private final String publicUrl;

    /**
     * @param secret    the platform's signing key (Twilio: the account's auth token)
     * @param publicUrl the base URL the platform reaches the engine at, without a trailing {@code /}
     */
    public WebhookSignature(String secret, String publicUrl) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.publicUrl = publicUrl;
    }

    /** The URL the platform signed: what it was configured with, then the path and query it requested. */
    public String urlOf(String requestUri) {
        return publicUrl + requestUri;
    }

    /**
     * Whether a call carries this account's signature over its URL and form body.
     *
     * @param requestUri the request's path and query exactly as sent ({@code /ivrs/v1/calls?step=3})
     * @param formBody   the raw form-encoded body (null or empty: no fields)
     * @param header     the signature header's value (null: none was sent)
     */
    public boolean verify(String requestUri, String formBody, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] given;
        byte[] expected;
        try {
            given = Base64.getDecoder().decode(header.strip());
            expected = mac(urlOf(requestUri), fields(formBody));
        } catch (IllegalArgumentException e) {
            // Not Base64, or a body that is not form encoding: nothing the platform would sign.
            return false;
        }
        // Constant time: how much of a guess matched must not show in how long the answer took.
        return MessageDigest.isEqual(expected, given);
    }

    /** The header value the platform sends for this URL and form body. */
    public String sign(String url, String formBody) {
        return Base64.getEncoder().encodeToString(mac(url, fields(formBody)));
    }

    private byte[] mac(String url, Map<String, SortedSet<String>> fields) {
        StringBuilder data = new StringBuilder(url);
        fields.forEach(
                (name, values) -> values.forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
        }
    }

    /**
     * Every field of the body, decoded, sorted by name; a repeated name's distinct values sorted, as
     * the platform's own validators do. All of them, not the first of each the call reads: a field
     * added to a signed body must break the signature.
     *
     * @throws IllegalArgumentException if the body is not valid form encoding
     */
    private static Map<String, SortedSet<String>> fields(String body) {
        Map<String, SortedSet<String>> fields = new TreeMap<>();
        if (body == null || body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, n -> new TreeSet<>()).add(value);
        }
        return fields;
    }
}
