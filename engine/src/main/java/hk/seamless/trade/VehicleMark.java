package hk.seamless.trade;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hong Kong vehicle registration mark, as shown on the plate of the lorry carrying the
 * consignment.
 *
 * <p>Two marks are equal when they differ only in case, spaces or hyphens: "ab-1234",
 * "AB 1234" and "AB1234" are the same plate, and the border officer must find the
 * declaration whichever way the trader typed it.
 *
 * <p>Accepted shapes:
 * <ul>
 * <li>ordinary (traditional) mark: two letters then 1 to 4 digits without a leading zero,
 *     optionally with one space between letters and digits ("AB 1234"). The cross-boundary
 *     prefixes FU, FV, DW and EW are ordinary marks too;</li>
 * <li>personalised mark: up to 8 characters counting single internal spaces, only A-Z,
 *     0-9 and single spaces, with at least one letter.</li>
 * </ul>
 * The letters I, O and Q never appear in either, because they are too easily confused with
 * 1, 0 and O. Anything that has the shape of an ordinary mark (one or two letters followed
 * only by digits) must obey the ordinary rules; otherwise "A1" or "AB0123" would slip in as
 * "personalised" when they are almost certainly mistyped ordinary marks.
 */
public final class VehicleMark {

    public static final String DEFAULT_FIELD = "registrationMark";

    static final int MAX_LENGTH = 8;

    /** Letters then digits only, judged on the canonical form so that spacing cannot change the classification. */
    private static final Pattern ORDINARY_SHAPE = Pattern.compile("([A-Z]{1,2})([0-9]+)");

    private final String value;
    private final String display;
    private final boolean ordinary;

    private VehicleMark(String value, String display, boolean ordinary) {
        this.value = value;
        this.display = display;
        this.ordinary = ordinary;
    }

    /**
     * The comparison key: upper case, spaces and hyphens removed. Safe to call on
     * unvalidated input (e.g. to look up a mark typed into a search box); null gives "".
     */
    public static String canonical(CharSequence raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().filter(codePoint -> !Separators.isSeparator(codePoint)).forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** Parses a mark, reporting errors against the field {@code "registrationMark"}. */
    public static VehicleMark parse(String raw) {
        return parse(raw, DEFAULT_FIELD);
    }

    /**
     * @param fieldName how errors should name the field, e.g. {@code "vehicleMark"}
     * @throws InvalidInputException naming {@code fieldName}, with the reason the mark is not
     *                               a Hong Kong registration mark
     */
    public static VehicleMark parse(String raw, String fieldName) {
        Objects.requireNonNull(fieldName, "fieldName");
        if (raw == null || Separators.stripSpaces(raw).isEmpty()) {
            throw new InvalidInputException(fieldName, "is required");
        }
        String text = Separators.stripSpaces(raw);
        if (text.codePoints().anyMatch(VehicleMark::isChinese)) {
            throw new InvalidInputException(
                    fieldName,
                    FieldError.VEHICLE_MARK,
                    "contains Chinese characters: a mainland plate such as"
                            + " \u7ca4Z\u00b7A123\u6e2f is not a Hong Kong registration mark; enter the Hong Kong mark");
        }
        String spaced = upperCaseWithSingleSpaceSeparators(text, fieldName);
        if (spaced.startsWith(" ") || spaced.endsWith(" ")) {
            throw new InvalidInputException(fieldName, FieldError.VEHICLE_MARK, "must not start or end with a hyphen");
        }
        if (spaced.contains("  ")) {
            throw new InvalidInputException(
                    fieldName, FieldError.VEHICLE_MARK, "must not contain two spaces or hyphens in a row");
        }
        if (spaced.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    fieldName,
                    FieldError.VEHICLE_MARK,
                    "must be at most " + MAX_LENGTH + " characters counting spaces (got " + spaced.length() + ")");
        }
        if (spaced.chars().anyMatch(c -> c == 'I' || c == 'O' || c == 'Q')) {
            throw new InvalidInputException(
                    fieldName,
                    FieldError.VEHICLE_MARK,
                    "letters I, O and Q are never used in Hong Kong registration marks");
        }
        String key = spaced.replace(" ", "");
        if (key.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new InvalidInputException(fieldName, FieldError.VEHICLE_MARK, "must contain at least one letter");
        }
        Matcher ordinaryShape = ORDINARY_SHAPE.matcher(key);
        if (ordinaryShape.matches()) {
            return ordinary(ordinaryShape.group(1), ordinaryShape.group(2), spaced.contains(" "), fieldName);
        }
        return new VehicleMark(key, spaced, false);
    }

    /** @return the canonical form (upper case, no spaces or hyphens): the key to store and compare */
    public String value() {
        return value;
    }

    /** @return the mark in upper case with single spaces as entered (hyphens shown as spaces), for printing */
    public String display() {
        return display;
    }

    /** @return whether the mark has the traditional shape: two letters then 1 to 4 digits */
    public boolean isOrdinary() {
        return ordinary;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VehicleMark that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return the canonical value, so that logs and keys never disagree on spacing */
    @Override
    public String toString() {
        return value;
    }

    private static VehicleMark ordinary(String letters, String digits, boolean spaced, String fieldName) {
        if (letters.length() != 2) {
            throw new InvalidInputException(
                    fieldName,
                    FieldError.VEHICLE_MARK,
                    "an ordinary mark has two letters before the number (e.g. AB 1234)");
        }
        if (digits.charAt(0) == '0') {
            throw new InvalidInputException(
                    fieldName, FieldError.VEHICLE_MARK, "the number of an ordinary mark must not start with 0");
        }
        if (digits.length() > 4) {
            throw new InvalidInputException(
                    fieldName, FieldError.VEHICLE_MARK, "an ordinary mark has at most 4 digits after the letters");
        }
        // However the trader spaced it ("A B1234"), show it the one way plates show it.
        String display = spaced ? letters + " " + digits : letters + digits;
        return new VehicleMark(letters + digits, display, true);
    }

    /** Upper-cases ASCII letters and turns every space or hyphen into one ASCII space; refuses anything else. */
    private static String upperCaseWithSingleSpaceSeparators(String text, String fieldName) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Separators.isSeparator(codePoint)) {
                out.append(' ');
            } else if (codePoint >= 'a' && codePoint <= 'z') {
                out.append((char) (codePoint - 'a' + 'A'));
            } else if ((codePoint >= 'A' && codePoint <= 'Z') || (codePoint >= '0' && codePoint <= '9')) {
                out.append((char) codePoint);
            } else {
                throw new InvalidInputException(
                        fieldName,
                        FieldError.VEHICLE_MARK,
                        "may contain only letters A to Z, digits 0 to 9 and spaces (found " + shown(codePoint) + ")");
            }
        });
        return out.toString();
    }

    private static String shown(int codePoint) {
        if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
            return String.format(Locale.ROOT, "U+%04X", codePoint);
        }
        return "'" + new String(Character.toChars(codePoint)) + "'";
    }

    /** Han script: the province and region characters on mainland plates (Yue for Guangdong, Gang for Hong Kong). */
    private static boolean isChinese(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
