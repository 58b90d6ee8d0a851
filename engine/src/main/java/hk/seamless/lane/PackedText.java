package hk.seamless.lane;

import java.util.List;

/**
 * The lane bundle value's packed fields, in the URL-safe base-64 alphabet ({@code A-Z a-z 0-9 - _}:
 * no comma, no {@link CompactValue#SEPARATOR}), so that ten million lane bundles fit in Chronicle's
 * smaller entry layout (a value of at most ~76 B; see benchmarks/README.md "At scale").
 *
 * <ul>
 * <li>A number: variable length, six bits a digit, most significant first, zig-zag so that a
 *     negative number stays short. Epoch millis today take 7 digits instead of 13.</li>
 * <li>An id shaped like {@code Tokens.newId}'s, one uppercase letter and 24 lowercase hex digits:
 *     {@link #ID_MARK}, the letter, 16 digits (3 hex digits to 2): 18 characters instead of 25.
 *     Any other text is kept as it is, behind {@link #ESCAPE} when it starts with a mark.</li>
 * <li>A CCRN list whose CCRNs are all 16 ASCII digits: {@link #CCRNS_MARK} then 9 digits a CCRN
 *     (16 decimal digits need 54 bits), no commas. Any other list is the comma list as it was.</li>
 * </ul>
 *
 * Decoding writes into the caller's builder and allocates nothing: it runs on the lane's hot path.
 */
final class PackedText {

    /** Starts a packed id: never the first character of a literal (see {@link #ESCAPE}). */
    static final char ID_MARK = '*';
    /** Starts a packed CCRN list. */
    static final char CCRNS_MARK = '#';
    /** Put before a literal that starts with a mark (or with itself), so that it reads back as itself. */
    static final char ESCAPE = '!';

    static final int ID_HEX_DIGITS = 24;
    /** Mark, letter and 16 digits. */
    static final int PACKED_ID_LENGTH = 18;

    static final int CCRN_DIGITS = 16;
    static final int CCRN_CHUNK = 9;

    private static final char[] DIGITS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final byte[] VALUES = new byte[128];
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < DIGITS.length; i++) {
            VALUES[DIGITS[i]] = (byte) i;
        }
    }

    private PackedText() {}

    // ---- numbers ----

    static void appendNumber(StringBuilder out, long n) {
        long z = (n << 1) ^ (n >> 63);
        int digits = 1;
        while (digits < 11 && (z >>> (6 * digits)) != 0) {
            digits++;
        }
        for (int d = digits - 1; d >= 0; d--) {
            out.append(DIGITS[(int) ((z >>> (6 * d)) & 63)]);
        }
    }

    static long readNumber(CharSequence text, int start, int end) {
        long z = 0;
        for (int i = start; i < end; i++) {
            z = (z << 6) | value(text.charAt(i));
        }
        return (z >>> 1) ^ -(z & 1);
    }

    // ---- ids ----

    /** Appends {@code id} packed when it has the shape of a registry id, else as it is (escaped if it must be). */
    static void appendId(StringBuilder out, String id) {
        if (!isPackableId(id)) {
            appendLiteral(out, id);
            return;
        }
        out.append(ID_MARK).append(id.charAt(0));
        for (int i = 1; i < 1 + ID_HEX_DIGITS; i += 3) {
            int twelveBits = (hex(id.charAt(i)) << 8) | (hex(id.charAt(i + 1)) << 4) | hex(id.charAt(i + 2));
            out.append(DIGITS[twelveBits >>> 6]).append(DIGITS[twelveBits & 63]);
        }
    }

    /** Appends the text of an id field {@code start..end} written by {@link #appendId}. */
    static void appendIdText(CharSequence field, int start, int end, StringBuilder into) {
        if (start < end && field.charAt(start) == ID_MARK) {
            into.append(field.charAt(start + 1));
            for (int i = start + 2; i < end; i += 2) {
                int twelveBits = (value(field.charAt(i)) << 6) | value(field.charAt(i + 1));
                into.append(HEX[twelveBits >>> 8])
                        .append(HEX[(twelveBits >>> 4) & 15])
                        .append(HEX[twelveBits & 15]);
            }
        } else {
            into.append(field, literalStart(field, start, end), end);
        }
    }

    static boolean isPackableId(String id) {
        if (id.length() != 1 + ID_HEX_DIGITS || id.charAt(0) < 'A' || id.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            if (hex(id.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    // ---- CCRN lists ----

    /** Appends the list packed when every CCRN is 16 ASCII digits, else as the comma list (escaped if it must be). */
    static void appendCcrns(StringBuilder out, List<String> ccrns) {
        boolean packable = !ccrns.isEmpty();
        for (String ccrn : ccrns) {
            packable &= isPackableCcrn(ccrn);
        }
        if (!packable) {
            appendLiteral(out, String.join(",", ccrns));
            return;
        }
        out.append(CCRNS_MARK);
        for (String ccrn : ccrns) {
            long n = Long.parseLong(ccrn);
            for (int d = CCRN_CHUNK - 1; d >= 0; d--) {
                out.append(DIGITS[(int) ((n >>> (6 * d)) & 63)]);
            }
        }
    }

    static boolean isPackedCcrns(CharSequence field, int start, int end) {
        return start < end && field.charAt(start) == CCRNS_MARK;
    }

    /** Appends the 16 digits of the packed CCRN whose chunk starts at {@code chunkStart}. */
    static void appendCcrnText(CharSequence field, int chunkStart, StringBuilder into) {
        long n = 0;
        for (int i = chunkStart; i < chunkStart + CCRN_CHUNK; i++) {
            n = (n << 6) | value(field.charAt(i));
        }
        // right to left, dividing by the constant 10 (which the JIT turns into a multiplication)
        int at = into.length();
        into.setLength(at + CCRN_DIGITS);
        for (int i = at + CCRN_DIGITS - 1; i >= at; i--) {
            into.setCharAt(i, (char) ('0' + n % 10));
            n /= 10;
        }
    }

    static boolean isPackableCcrn(String ccrn) {
        if (ccrn.length() != CCRN_DIGITS) {
            return false;
        }
        for (int i = 0; i < CCRN_DIGITS; i++) {
            if (ccrn.charAt(i) < '0' || ccrn.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    // ---- literals ----

    static void appendLiteral(StringBuilder out, String text) {
        if (!text.isEmpty()
                && (text.charAt(0) == ID_MARK || text.charAt(0) == CCRNS_MARK || text.charAt(0) == ESCAPE)) {
            out.append(ESCAPE);
        }
        out.append(text);
    }

    /** Where the text of a literal field begins: past its {@link #ESCAPE}, if it has one. */
    static int literalStart(CharSequence field, int start, int end) {
        return start < end && field.charAt(start) == ESCAPE ? start + 1 : start;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static int value(char c) {
        int v = c < 128 ? VALUES[c] : -1;
        if (v < 0) {
            throw new IllegalArgumentException("not a packed digit: " + (int) c);
        }
        return v;
    }
}
