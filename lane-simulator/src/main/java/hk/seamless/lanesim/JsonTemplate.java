package hk.seamless.lanesim;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The one place the simulator writes JSON as text rather than through {@code JsonObject}: the
 * messages of the hot path (a lane device's read, a gate's acknowledgement, the floor server's
 * echo), thousands a second, are fixed templates with a few values put in. The values are escaped
 * by Jackson's own string encoder (the library under Vert.x's {@code JsonObject}), never by hand;
 * everything else the simulator writes is built as a {@code JsonObject}.
 */
final class JsonTemplate {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private JsonTemplate() {}

    /** Appends {@code value} as a JSON string, quotes included. */
    static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        ENCODER.quoteAsString(value, out);
        return out.append('"');
    }

    /** {@code value} as a JSON string, quotes included. */
    static String string(String value) {
        return string(new StringBuilder(value.length() + 8), value).toString();
    }

    /** Appends {@code "name":"value"}. */
    static StringBuilder field(StringBuilder out, String name, String value) {
        return string(string(out, name).append(':'), value);
    }
}
