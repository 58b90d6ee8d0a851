package hk.seamless.trade.batch;

/** Parses text written in JSON number syntax, without regex (this runs once per numeric cell). */
final class JsonNumbers {

    private JsonNumbers() {}

    /**
     * @return a Long for an integer that fits, a Double for any other JSON number, or null when
     *     {@code s} is not exactly a JSON number ("1,000", "12 kg", "+5", ".5", "NaN" are not)
     *     or is too large to be finite
     */
    static Number parse(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        if (i >= n) {
            return null;
        }
        char first = s.charAt(i);
        if (first == '0') {
            i++; // JSON forbids leading zeros such as "007"
        } else if (first >= '1' && first <= '9') {
            i = skipDigits(s, i);
        } else {
            return null;
        }
        boolean integral = true;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            i = skipDigits(s, i);
            if (i == start) {
                return null;
            }
            integral = false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int start = i;
            i = skipDigits(s, i);
            if (i == start) {
                return null;
            }
            integral = false;
        }
        if (i != n) {
            return null;
        }
        if (integral) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException tooBig) {
                // falls through: still a number, just not a long
            }
        }
        double d = Double.parseDouble(s);
        // JSON cannot carry Infinity; keep such text as a string so the validator rejects it.
        return Double.isFinite(d) ? d : null;
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
