package hk.seamless.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page of a query starts, in each log. Given to the caller as {@code registry.<n>-lane.<m>}:
 * every entry below sequence n is still to read (0 means that log is read to its start). A page may end
 * inside one entry (a batch upload is one registry change of many lodgements), so a part may also be
 * {@code registry.<n>.<k>}: entry n from its line k on (its lines before k were on a page or did not
 * match), then every entry below n. Cursors without line parts, given before pages could end inside an
 * entry, read as they always did.
 *
 * @param before per log, the sequence below which (or, with a line, from which) it reads on
 * @param within per log, the line of entry {@code before} to read on from; absent for the whole entry
 */
public record AuditCursor(Map<String, Long> before, Map<String, Integer> within) {

    private static final Pattern PART = Pattern.compile("([a-z]+)\\.(\\d{1,19})(?:\\.(\\d{1,9}))?");

    public AuditCursor {
        before = Map.copyOf(before);
        within = Map.copyOf(within);
        for (Map.Entry<String, Integer> line : within.entrySet()) {
            if (line.getValue() < 1 || before.getOrDefault(line.getKey(), 0L) < 1) {
                throw new IllegalArgumentException("is not a cursor from a previous page");
            }
        }
    }

    /** A cursor that ends at entry boundaries in every log. */
    public AuditCursor(Map<String, Long> before) {
        this(before, Map.of());
    }

    /** The first page: everything, newest first. */
    public static AuditCursor start() {
        return new AuditCursor(Map.of());
    }

    long before(String log) {
        return before.getOrDefault(log, Long.MAX_VALUE);
    }

    /** The line of entry {@link #before(String)} to read on from, or 0 when that entry is not to be read. */
    int within(String log) {
        return within.getOrDefault(log, 0);
    }

    /** @throws IllegalArgumentException when the text is not a cursor this engine gave */
    public static AuditCursor parse(String text) {
        Map<String, Long> before = new LinkedHashMap<>();
        Map<String, Integer> within = new LinkedHashMap<>();
        for (String part : text.split("-", -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches() || before.put(m.group(1), Long.parseLong(m.group(2))) != null) {
                throw new IllegalArgumentException("is not a cursor from a previous page");
            }
            if (m.group(3) != null) {
                within.put(m.group(1), Integer.parseInt(m.group(3)));
            }
        }
        // NumberFormatException (a sequence beyond a long) is an IllegalArgumentException too
        return new AuditCursor(before, within);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        before.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!text.isEmpty()) {
                text.append('-');
            }
            text.append(e.getKey()).append('.').append(e.getValue());
            if (within.containsKey(e.getKey())) {
                text.append('.').append(within.get(e.getKey()));
            }
        });
        return text.toString();
    }
}
