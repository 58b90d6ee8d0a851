package hk.seamless.lane.plate;

/**
 * Turns a camera's plate text into the canonical Hong Kong registration mark: upper case, with
 * no spaces, hyphens, dots or middle dots, the same key {@code hk.seamless.trade.VehicleMark}
 * stores, so the lane can look the read up directly.
 *
 * <p>Beyond the registry's rules, a camera read of I, O or Q becomes 1, 0, 0 wherever it stands:
 * Hong Kong marks never use those letters, so the camera must have seen a digit.
 *
 * <p>This only maps characters; it does not judge the shape. "OB1234" becomes "0B1234", which
 * the registry would never issue: such a read simply matches no expected vehicle. Refusing
 * shapes here would also throw away reads that {@link LookAlikeResolver} could still resolve
 * (an all-digit "881234" may be "BB1234").
 *
 * <p>It refuses (returns false) what cannot be a Hong Kong mark at all, notably the Guangdong
 * plate that cross-boundary trucks carry next to the Hong Kong one (e.g. 粤Z·A123港): any Han
 * character, or the mainland shape "Z·A123" that remains when the ANPR drops the province
 * character (one letter, then a middle dot: Hong Kong plates never carry a middle dot there).
 *
 * <p>Allocation-free: the lane pipeline calls it for every read. Stateless and thread-safe.
 */
public final class PlateNormaliser {

    /** The registry's limit: a personalised mark has at most 8 characters. */
    public static final int MAX_MARK_LENGTH = 8;

    private PlateNormaliser() {}

    /**
     * Writes the canonical form of {@code raw} into {@code out} (cleared first).
     *
     * @return true when {@code out} holds a possible Hong Kong mark; false when the text cannot
     *         be one (nothing left after cleaning, a Han character, the mainland shape, more than
     *         8 characters, or any character other than A-Z and 0-9 after mapping), and then
     *         {@code out} is left empty so that nothing uses it by mistake
     */
    public static boolean normalise(CharSequence raw, StringBuilder out) {
        out.setLength(0);
        if (raw == null) {
            return false;
        }
        int length = raw.length();
        int kept = 0;
        for (int i = 0; i < length; ) {
            int codePoint = Character.codePointAt(raw, i);
            i += Character.charCount(codePoint);
            char mapped = map(codePoint);
            if (mapped == SEPARATOR) {
                if (isMiddleDot(codePoint) && kept == 1 && isLetter(out.charAt(0))) {
                    return reject(out); // "Z·A123": a mainland plate without its province character
                }
                continue;
            }
            if (mapped == INVALID || kept == MAX_MARK_LENGTH) {
                return reject(out);
            }
            out.append(mapped);
            kept++;
        }
        return kept > 0 || reject(out);
    }

    /**
     * Whether the text carries a Han character: the province (粤) or suffix (港, 澳) of a mainland
     * plate. Used to prefer the Hong Kong plate when the ANPR reports both plates of a truck.
     */
    public static boolean hasHan(CharSequence raw) {
        int length = raw.length();
        for (int i = 0; i < length; ) {
            int codePoint = Character.codePointAt(raw, i);
            if (isHan(codePoint)) {
                return true;
            }
            i += Character.charCount(codePoint);
        }
        return false;
    }

    private static final char SEPARATOR = '\u0000';
    private static final char INVALID = '\uffff';

    /** @return the canonical character, {@link #SEPARATOR} to drop, or {@link #INVALID} */
    private static char map(int codePoint) {
        if (codePoint >= 'a' && codePoint <= 'z') {
            codePoint -= 'a' - 'A';
        }
        if ((codePoint >= 'A' && codePoint <= 'Z') || (codePoint >= '0' && codePoint <= '9')) {
            switch (codePoint) {
                case 'I':
                    return '1';
                case 'O':
                case 'Q':
                    return '0';
                default:
                    return (char) codePoint;
            }
        }
        if (isSeparator(codePoint)) {
            return SEPARATOR;
        }
        // Han and every other script, punctuation, symbols, full-width forms: not on a HK plate.
        return INVALID;
    }

    /** Spaces (including no-break), any dash, full stops and middle dots: how plates get typed or printed. */
    private static boolean isSeparator(int codePoint) {
        return codePoint == '.'
                || isMiddleDot(codePoint)
                || Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.DASH_PUNCTUATION;
    }

    /** The dot between the issuing-authority letter and the number on mainland plates, and its look-alikes. */
    private static boolean isMiddleDot(int codePoint) {
        switch (codePoint) {
            case 0x00B7: // MIDDLE DOT, as in 粤Z·A123港
            case 0x2022: // BULLET
            case 0x2027: // HYPHENATION POINT
            case 0x2219: // BULLET OPERATOR
            case 0x22C5: // DOT OPERATOR
            case 0x30FB: // KATAKANA MIDDLE DOT (what CJK input methods produce)
            case 0xFF65: // HALFWIDTH KATAKANA MIDDLE DOT
                return true;
            default:
                return false;
        }
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean reject(StringBuilder out) {
        out.setLength(0);
        return false;
    }
}
