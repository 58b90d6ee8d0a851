package hk.seamless.http;

/**
 * Makes a value that came from a request safe to put in a log line: CR, LF and the other control
 * characters are written as escapes, so a lane id or header carrying {@code %0d%0a} cannot start a
 * forged line of its own. Long values are cut: a log is not a place to store what a caller sent.
 */
public final class LogValues {

    static final int MAX_LENGTH = 300;

    private LogValues() {}

    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_LENGTH) {
                return out.append("...(")
                        .append(text.length())
                        .append(" chars)")
                        .toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
