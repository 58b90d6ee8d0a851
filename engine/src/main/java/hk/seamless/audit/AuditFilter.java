package hk.seamless.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an audit query asks for. Every given filter must hold (they combine with AND). A filter on
 * a record (a CCRN, a bundle, a vehicle mark, an account, a lane, an arrival) matches every log
 * entry that names it as a whole JSON string anywhere: as the actor, the subject, a key or a field
 * of a record written, a field of a lane decision, one of the {@code names} of a registry event
 * (what a lane engine's reported decision is about, which the registry does not write). So a CCRN finds its lodgement, its amendments,
 * the bundling that named it, its crossing, the lane decision that released it and its archiving,
 * without an index per kind of record.
 *
 * <p>The values are validated and canonical (the route's job): a vehicle mark as the registry keeps it.
 *
 * @param from inclusive, or null
 * @param to   exclusive, or null
 */
public record AuditFilter(
        String ccrn,
        String bundle,
        String vehicle,
        String account,
        String lane,
        String arrival,
        Instant from,
        Instant to) {

    /** The names it takes, in the order a 400 lists them. */
    public static final List<String> NAMES =
            List.of("ccrn", "bundle", "vehicle", "account", "lane", "arrival", "from", "to");

    /** Each token twice: as a JSON string, and as one inside a JSON string (a record written is JSON in JSON). */
    private byte[][] patterns() {
        List<byte[]> patterns = new ArrayList<>();
        for (String token : new String[] {ccrn, bundle, vehicle, account, lane, arrival}) {
            if (token != null) {
                patterns.add(("\"" + token + "\"").getBytes(StandardCharsets.UTF_8));
                patterns.add(("\\\"" + token + "\\\"").getBytes(StandardCharsets.UTF_8));
            }
        }
        return patterns.toArray(byte[][]::new);
    }

    /** A matcher for raw entries, built once per query. */
    Matcher matcher() {
        return new Matcher(
                patterns(),
                from == null ? Long.MIN_VALUE : from.toEpochMilli(),
                to == null ? Long.MAX_VALUE : to.toEpochMilli());
    }

    /** Decides on the raw bytes, before any entry is decoded: most entries are rejected for a few byte compares. */
    static final class Matcher {

        /** Pairs: a token as a JSON string, then the same token escaped inside one. */
        private final byte[][] patterns;

        private final long fromMillis;
        private final long toMillis;

        private Matcher(byte[][] patterns, long fromMillis, long toMillis) {
            this.patterns = patterns;
            this.fromMillis = fromMillis;
            this.toMillis = toMillis;
        }

        boolean isAfterRange(long atMillis) {
            return atMillis >= toMillis;
        }

        boolean isBeforeRange(long atMillis) {
            return atMillis < fromMillis;
        }

        boolean matches(byte[] payload) {
            for (int i = 0; i < patterns.length; i += 2) {
                if (indexOf(payload, patterns[i]) < 0 && indexOf(payload, patterns[i + 1]) < 0) {
                    return false;
                }
            }
            return true;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
