package hk.seamless.store;

import java.util.Arrays;

/**
 * JSON written straight into UTF-8 bytes, escaped as Jackson escapes it (a quote and a backslash with
 * a backslash; backspace, tab, new line, form feed and return in their short forms; other control
 * characters and each half of a surrogate pair as a backslash-u escape of four upper-case hex
 * digits; nothing else), into one buffer
 * kept for the next entry: a journal entry embeds each record it writes as an escaped string, a
 * kilobyte or more, and Jackson's generator copied it through three buffers to get there. Not
 * thread-safe: one per thread.
 */
final class JsonBytes {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[2048];
    private int length;

    /** Empty again; a buffer a batch's entry grew past a megabyte is let go rather than kept. */
    JsonBytes reset() {
        length = 0;
        if (bytes.length > 1 << 20) {
            bytes = new byte[2048];
        }
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Text that needs no escaping and is ASCII: punctuation and field names. */
    JsonBytes ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    JsonBytes number(long value) {
        return ascii(Long.toString(value));
    }

    /** {@code value} as a JSON string, quotes included. */
    JsonBytes string(String value) {
        // At most 6 bytes per char (an escape); grown once up front rather than checked per char.
        ensure(value.length() * 6 + 2);
        bytes[length++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                bytes[length++] = (byte) c;
            } else if (c < 0x80) {
                escape(c);
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (!Character.isSurrogate(c)) {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else {
                // Beyond the basic plane Jackson writes each half of the pair as an escape, not the
                // four UTF-8 bytes of the code point (and so a lone half never makes bad UTF-8).
                hexEscape(c);
            }
        }
        bytes[length++] = '"';
        return this;
    }

    private void escape(char c) {
        bytes[length++] = '\\';
        switch (c) {
            case '"' -> bytes[length++] = '"';
            case '\\' -> bytes[length++] = '\\';
            case '\b' -> bytes[length++] = 'b';
            case '\t' -> bytes[length++] = 't';
            case '\n' -> bytes[length++] = 'n';
            case '\f' -> bytes[length++] = 'f';
            case '\r' -> bytes[length++] = 'r';
            default -> {
                length--;
                hexEscape(c);
            }
        }
    }

    private void hexEscape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = 'u';
        bytes[length++] = HEX[(c >> 12) & 0xF];
        bytes[length++] = HEX[(c >> 8) & 0xF];
        bytes[length++] = HEX[(c >> 4) & 0xF];
        bytes[length++] = HEX[c & 0xF];
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
