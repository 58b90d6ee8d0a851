package hk.seamless.trade;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import java.util.Objects;

/**
 * Customs Cargo Reference Number: the number a trader quotes to tie a road consignment to
 * its cargo declaration.
 *
 * <p>Sixteen digits: the two-digit year of lodgement, thirteen digits that cannot be
 * predicted from any other CCRN (so knowing one's own CCRN reveals nothing about a
 * competitor's), and an ISO 7064 MOD 11,10 check digit. The check digit lets us tell a
 * mistyped number (a client error the trader can fix at once) from a well-formed number we
 * simply do not hold (a "not found").
 */
public final class Ccrn {

    public static final String DEFAULT_FIELD = "ccrn";

    static final int LENGTH = 16;

    private final String value;

    private Ccrn(String value) {
        this.value = value;
    }

    /**
     * Completes a CCRN from its first fifteen digits; only the generator should need this,
     * since anything coming from outside must go through {@link #parse(String)}.
     */
    static Ccrn withCheckDigit(String first15Digits) {
        return new Ccrn(first15Digits + checkDigit(first15Digits));
    }

    /**
     * @param first15Digits exactly fifteen ASCII digits
     * @return the ISO 7064 MOD 11,10 check digit (0-9) for them
     * @throws IllegalArgumentException if the argument is not fifteen ASCII digits; this is a
     *                                  programming error, not a client one
     */
    public static int checkDigit(CharSequence first15Digits) {
        Objects.requireNonNull(first15Digits, "first15Digits");
        if (first15Digits.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 15 digits, got " + first15Digits.length() + " characters");
        }
        return Mod11Ten.checkDigit(first15Digits);
    }

    /** @return whether {@code digits} is sixteen ASCII digits, without separators, with a correct check digit */
    public static boolean isValid(CharSequence digits) {
        return digits != null && digits.length() == LENGTH && Mod11Ten.isValid(digits);
    }

    /** Parses a CCRN as typed by a person, reporting errors against the field {@code "ccrn"}. */
    public static Ccrn parse(String text) {
        return parse(text, DEFAULT_FIELD);
    }

    /**
     * Parses a CCRN as typed by a person: spaces and hyphens between digits are ignored,
     * because people copy the number in the groups of four it is printed and read out in.
     *
     * @param fieldName how errors should name the field, e.g. {@code "ccrns[1]"}
     * @throws InvalidInputException naming {@code fieldName}, with a message that says
     *                               whether the number is missing, the wrong length, or
     *                               mistyped (wrong check digit)
     */
    public static Ccrn parse(String text, String fieldName) {
        if (text == null || Separators.stripSpaces(text).isEmpty()) {
            throw new InvalidInputException(fieldName, "is required");
        }
        String digits = withoutSeparators(text);
        if (digits.length() != LENGTH || !allAsciiDigits(digits)) {
            throw new InvalidInputException(fieldName, FieldError.CCRN_FORMAT, "must be 16 digits");
        }
        if (!Mod11Ten.isValid(digits)) {
            throw new InvalidInputException(
                    fieldName, FieldError.CCRN_CHECK_DIGIT, "check digit is wrong: the number was mistyped");
        }
        return new Ccrn(digits);
    }

    /** @return the sixteen digits, no separators: the form to store and compare */
    public String value() {
        return value;
    }

    /** @return the digits in groups of four ("2612 3456 7890 1234"), the way people read them back on the phone */
    public String grouped() {
        StringBuilder out = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(value, i, i + 4);
        }
        return out.toString();
    }

    /** @return the two-digit year of lodgement (e.g. 26 for 2026) */
    public int yearOfLodgement() {
        return Integer.parseInt(value.substring(0, 2));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ccrn that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String withoutSeparators(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(codePoint -> !Separators.isSeparator(codePoint))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean allAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Mod11Ten.isAsciiDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
