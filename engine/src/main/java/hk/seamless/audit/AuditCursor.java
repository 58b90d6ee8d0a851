package hk.seamless.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the next page of a query starts, in each log: the sequence below which to read on. Given to
 * the caller as {@code registry.<n>-lane.<m>}; 0 means that log is read to its start.
 */
public record AuditCursor(Map<String, Long> before) {

    private static final Pattern PART = Pattern.compile("([a-z]+)\\.(\\d{1,19})");

    public AuditCursor {
        before = Map.copyOf(before);
    }

    /** The first page: everything, newest first. */
    public static AuditCursor start() {
        return new AuditCursor(Map.of());
    }

    long before(String log) {
        return before.getOrDefault(log, Long.MAX_VALUE);
    }

    /** @throws IllegalArgumentException when the text is not a cursor this engine gave */
    public static AuditCursor parse(String text) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String part : text.split("-", -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches() || parts.put(m.group(1), Long.parseLong(m.group(2))) != null) {
                throw new IllegalArgumentException("is not a cursor from a previous page");
            }
        }
        return new AuditCursor(parts);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        before.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!text.isEmpty()) {
                text.append('-');
            }
            text.append(e.getKey()).append('.').append(e.getValue());
        });
        return text.toString();
    }
}
