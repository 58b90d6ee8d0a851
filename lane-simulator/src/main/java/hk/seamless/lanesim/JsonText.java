package hk.seamless.lanesim;

/** Hand-built JSON for the few flat bodies the simulator sends: string escaping per RFC 8259. */
final class JsonText {

    private JsonText() {
    }

    static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    static String field(String name, long value) {
        return quote(name) + ":" + value;
    }

    /** A number written as given (e.g. "12500.5"), so no float rounding changes what is declared. */
    static String numberField(String name, String plainDecimal) {
        return quote(name) + ":" + plainDecimal;
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        // Chinese text goes out as UTF-8, as traders' systems send it.
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * The same JSON, two spaces an indent level, a member a line: for people (the report page),
     * where the one-line form ran off the page. Strings are copied as they are.
     */
    static String indented(String json) {
        StringBuilder out = new StringBuilder(json.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    boolean empty = i + 1 < json.length() && (json.charAt(i + 1) == '}' || json.charAt(i + 1) == ']');
                    out.append(c);
                    if (empty) {
                        out.append(json.charAt(++i));
                    } else {
                        out.append('\n').append("  ".repeat(++depth));
                    }
                }
                case '}', ']' -> out.append('\n').append("  ".repeat(--depth)).append(c);
                case ',' -> out.append(",\n").append("  ".repeat(depth));
                case ':' -> out.append(": ");
                default -> {
                    if (!Character.isWhitespace(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
