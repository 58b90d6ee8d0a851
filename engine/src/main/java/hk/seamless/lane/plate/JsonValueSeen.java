package hk.seamless.lane.plate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * One JSON value of a plate document as {@link OpenAlprStreamReader} saw it go by: its type, and
 * what the checks and their messages need of it (a string's first {@link #KEPT} characters and its
 * length, a number's value), in reused buffers. The messages are those of {@link OpenAlprDocument},
 * which reads the same values out of a Vert.x JSON tree: a JSON null there is no value at all, an
 * integer an Integer, Long or BigInteger, any other number a Double.
 */
final class JsonValueSeen {

    enum Type {
        /** Absent, or JSON null: the tree reader cannot tell them apart either. */
        NONE,
        STRING,
        /** An integer that fits a long (an Integer or a Long in the tree). */
        INTEGER,
        /** An integer beyond a long (a BigInteger in the tree). */
        BIG_INTEGER,
        /** A number with a fraction or an exponent (a Double in the tree). */
        DECIMAL,
        TRUE,
        FALSE,
        ARRAY,
        OBJECT
    }

    /** Characters kept of a string: the longest a message quotes (a plate is at most 16). */
    static final int KEPT = 32;

    Type type = Type.NONE;
    /** A string's first characters; a BIG_INTEGER's digits. */
    final StringBuilder text = new StringBuilder(KEPT);
    /** A string's whole length, in UTF-16 units as {@code String.length()} counts. */
    int length;

    long integer;
    double decimal;

    void clear() {
        type = Type.NONE;
        text.setLength(0);
        length = 0;
    }

    /**
     * Takes the value at the parser's current token; an array or object is skipped (its contents
     * decoded all the same, see {@link OpenAlprStreamReader#skip}).
     */
    void take(JsonParser parser) throws IOException {
        clear();
        JsonToken token = parser.currentToken();
        switch (token) {
            case VALUE_STRING -> {
                type = Type.STRING;
                char[] chars = parser.getTextCharacters();
                int offset = parser.getTextOffset();
                length = parser.getTextLength();
                text.append(chars, offset, Math.min(length, KEPT));
            }
            case VALUE_NUMBER_INT -> {
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    type = Type.BIG_INTEGER;
                    text.append(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
                } else {
                    type = Type.INTEGER;
                    integer = parser.getLongValue();
                }
                decimal = parser.getDoubleValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                type = Type.DECIMAL;
                decimal = parser.getDoubleValue();
            }
            case VALUE_TRUE -> type = Type.TRUE;
            case VALUE_FALSE -> type = Type.FALSE;
            case VALUE_NULL -> type = Type.NONE;
            case START_ARRAY -> {
                type = Type.ARRAY;
                OpenAlprStreamReader.skip(parser);
            }
            case START_OBJECT -> {
                type = Type.OBJECT;
                OpenAlprStreamReader.skip(parser);
            }
            default -> throw new IllegalStateException("not a value: " + token);
        }
    }

    boolean isNumber() {
        return type == Type.INTEGER || type == Type.BIG_INTEGER || type == Type.DECIMAL;
    }

    /** Whether it is the string {@code expected}. */
    boolean isString(String expected) {
        return type == Type.STRING && length == expected.length() && expected.contentEquals(text);
    }

    /** What {@code String.valueOf} of the tree's Number says. */
    String numberText() {
        return switch (type) {
            case INTEGER -> Long.toString(integer);
            case BIG_INTEGER -> text.toString();
            default -> Double.toString(decimal);
        };
    }

    /** Names the JSON type received, as {@link OpenAlprDocument} does; never echoes a long value. */
    String describe() {
        return switch (type) {
            case NONE -> "null";
            case STRING -> length <= KEPT ? "the string \"" + text + "\"" : "a string of " + length + " characters";
            case INTEGER, BIG_INTEGER, DECIMAL -> "the number " + numberText();
            case TRUE -> "the boolean true";
            case FALSE -> "the boolean false";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }

    void copyFrom(JsonValueSeen other) {
        type = other.type;
        text.setLength(0);
        text.append(other.text);
        length = other.length;
        integer = other.integer;
        decimal = other.decimal;
    }
}
