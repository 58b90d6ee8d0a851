package hk.seamless.store;

import java.nio.charset.StandardCharsets;

/**
 * Decodes a value's UTF-8 bytes as the maps hold them. The engine writes standard UTF-8 (a character
 * beyond the Basic Multilingual Plane, such as the HKSCS 𨋢 in a Hong Kong company's name, in four
 * bytes); Chronicle's own writer, used before that, wrote such a character as its two UTF-16 halves
 * of three bytes each. Both read back here to the same Java string. Chronicle's own reader refuses
 * the four-byte form, so no value is read through it.
 */
final class Utf8Values {

    private static final int INITIAL_SCRATCH = 4_096;
    private static final ThreadLocal<byte[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[][] {new byte[INITIAL_SCRATCH]});

    private Utf8Values() {}

    /** A scratch buffer of this thread at least {@code length} long: reads on the hot path allocate nothing. */
    static byte[] scratch(int length) {
        byte[][] holder = SCRATCH.get();
        if (holder[0].length < length) {
            holder[0] = new byte[Math.max(length, holder[0].length * 2)];
        }
        return holder[0];
    }

    /** The text of {@code length} bytes: the JDK's one-pass decoder unless Chronicle's form of a supplementary character is among them. */
    static String decode(byte[] utf8, int length) {
        if (!hasSurrogateHalf(utf8, length)) {
            return new String(utf8, 0, length, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(length);
        appendTo(utf8, length, text);
        return text.toString();
    }

    /**
     * Appends the text of {@code length} bytes to {@code out} without allocating (beyond its growth).
     * A malformed sequence, which the engine never writes, reads as U+FFFD rather than failing.
     */
    static void appendTo(byte[] utf8, int length, StringBuilder out) {
        int i = 0;
        while (i < length) {
            int b0 = utf8[i] & 0xFF;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
            } else if ((b0 & 0xE0) == 0xC0 && continues(utf8, i + 1, length)) {
                out.append((char) (((b0 & 0x1F) << 6) | (utf8[i + 1] & 0x3F)));
                i += 2;
            } else if ((b0 & 0xF0) == 0xE0 && continues(utf8, i + 1, length) && continues(utf8, i + 2, length)) {
                // A surrogate half (Chronicle's form) is appended as the char it is: two make the pair.
                out.append((char) (((b0 & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F)));
                i += 3;
            } else if ((b0 & 0xF8) == 0xF0
                    && continues(utf8, i + 1, length)
                    && continues(utf8, i + 2, length)
                    && continues(utf8, i + 3, length)) {
                int codePoint = ((b0 & 0x07) << 18)
                        | ((utf8[i + 1] & 0x3F) << 12)
                        | ((utf8[i + 2] & 0x3F) << 6)
                        | (utf8[i + 3] & 0x3F);
                out.append(Character.highSurrogate(codePoint)).append(Character.lowSurrogate(codePoint));
                i += 4;
            } else {
                out.append('\uFFFD');
                i++;
            }
        }
    }

    private static boolean continues(byte[] utf8, int at, int length) {
        return at < length && (utf8[at] & 0xC0) == 0x80;
    }

    /** ED A0..BF: the three-byte encoding of a UTF-16 half, which the JDK's decoder would replace. */
    private static boolean hasSurrogateHalf(byte[] utf8, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (utf8[i] == (byte) 0xED && (utf8[i + 1] & 0xE0) == 0xA0) {
                return true;
            }
        }
        return false;
    }
}
