package hk.seamless.config;

import java.time.Duration;

/**
 * How long the HTTP server waits for a caller, and how many large uploads it holds at once: a
 * connection that sends nothing, or drips its headers or body, is closed instead of being kept.
 *
 * @param idleTimeout          a connection with no bytes either way for this long is closed
 * @param headerTimeout        a request whose headers are not complete this long after the
 *                             connection opened (or after the previous answer) is closed
 * @param bodyTimeout          a request whose body is not complete this long after its headers is closed
 * @param answerTimeout        a request still unanswered after this long gets a 503 problem (a defect:
 *                             every route answers well before; this is the guarantee that one always does)
 * @param uploadsInFlight      batch files being received or processed at once, engine-wide
 * @param uploadsPerAccount    batch files being received or processed at once for one account
 */
public record HttpLimits(
        Duration idleTimeout,
        Duration headerTimeout,
        Duration bodyTimeout,
        Duration answerTimeout,
        int uploadsInFlight,
        int uploadsPerAccount) {

    public HttpLimits {
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("headerTimeout", headerTimeout);
        requirePositive("bodyTimeout", bodyTimeout);
        requirePositive("answerTimeout", answerTimeout);
        if (uploadsInFlight < 1 || uploadsPerAccount < 1) {
            throw new ConfigException("uploadsInFlight and uploadsPerAccount must be at least 1");
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), 8, 2);
    }

    public HttpLimits withTimeouts(Duration idle, Duration header, Duration body) {
        return new HttpLimits(idle, header, body, answerTimeout, uploadsInFlight, uploadsPerAccount);
    }

    public HttpLimits withUploads(int inFlight, int perAccount) {
        return new HttpLimits(idleTimeout, headerTimeout, bodyTimeout, answerTimeout, inFlight, perAccount);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero() || d.toMillis() < 1) {
            throw new ConfigException(name + " must be a positive duration");
        }
    }
}
