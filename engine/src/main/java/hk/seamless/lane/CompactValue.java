package hk.seamless.lane;

/**
 * The lane side's compact value layout: fields separated by the ASCII unit separator (never in a
 * mark, a CCRN, an id or a canonical name: control characters are refused at the API), read in
 * place from a reusable buffer so that a look-up on the hot path allocates nothing.
 */
final class CompactValue {

    static final char SEPARATOR = '\u001F';

    private CompactValue() {}

    /** Index just past the end of field {@code from..}: the next separator or the end. */
    static int fieldEnd(CharSequence value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) != SEPARATOR) {
            i++;
        }
        return i;
    }

    static long parseLong(CharSequence value, int start, int end) {
        long n = 0;
        boolean negative = start < end && value.charAt(start) == '-';
        for (int i = negative ? start + 1 : start; i < end; i++) {
            n = n * 10 + (value.charAt(i) - '0');
        }
        return negative ? -n : n;
    }

    static boolean regionEquals(CharSequence value, int start, int end, CharSequence other) {
        if (end - start != other.length()) {
            return false;
        }
        for (int i = 0; i < other.length(); i++) {
            if (value.charAt(start + i) != other.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
