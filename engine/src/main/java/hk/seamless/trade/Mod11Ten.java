package hk.seamless.trade;

/**
 * ISO/IEC 7064 MOD 11,10, the hybrid system check digit.
 *
 * <p>Chosen for reference numbers that people read out and retype: one decimal check digit
 * (no "X" as in MOD 11,2) that catches every single-digit error and nearly all adjacent
 * transpositions, which are the two mistakes people make most when copying numbers.
 */
final class Mod11Ten {

    private Mod11Ten() {}

    /**
     * @param digits one or more ASCII digits
     * @return the digit that, appended to {@code digits}, makes a valid number
     * @throws IllegalArgumentException if {@code digits} is empty or holds a non-digit
     */
    static int checkDigit(CharSequence digits) {
        int product = productAfter(digits);
        return (11 - product) % 10;
    }

    /** @return whether the last digit is the correct check digit for the digits before it */
    static boolean isValid(CharSequence digitsWithCheck) {
        int length = digitsWithCheck.length();
        if (length < 2) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isAsciiDigit(digitsWithCheck.charAt(i))) {
                return false;
            }
        }
        return checkDigit(digitsWithCheck.subSequence(0, length - 1)) == digitsWithCheck.charAt(length - 1) - '0';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int productAfter(CharSequence digits) {
        int count = digits.length();
        if (count == 0) {
            throw new IllegalArgumentException("no digits to compute a check digit over");
        }
        int product = 10;
        for (int i = 0; i < count; i++) {
            char c = digits.charAt(i);
            if (!isAsciiDigit(c)) {
                throw new IllegalArgumentException("not a digit at position " + i + ": '" + c + "'");
            }
            int sum = (product + (c - '0')) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        return product;
    }
}
