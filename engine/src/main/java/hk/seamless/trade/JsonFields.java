package hk.seamless.trade;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Reads typed fields out of a request body, collecting every problem with the name of its field
 * instead of stopping at the first: a shipper fixing a form wants all the errors at once.
 */
public final class JsonFields {

    private final List<FieldError> errors;

    public JsonFields(List<FieldError> errors) {
        this.errors = errors;
    }

    public void rejectUnknown(JsonObject json, String prefix, Set<String> known) {
        for (String name : json.fieldNames()) {
            if (!known.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field"));
            }
        }
    }

    /** A required text of 1 to {@code max} characters (code points), trimmed; null when in error. */
    public String text(JsonObject json, String name, String field, int max, boolean required) {
        Object value = json.getValue(name);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        if (hasLoneSurrogate(s)) {
            // JSON lets "\ud83d" through unpaired; written as UTF-8 it would become "?", changing a party's name.
            errors.add(
                    new FieldError(field, "must be Unicode text: it has half of a surrogate pair (\\uD800-\\uDFFF)"));
            return null;
        }
        String trimmed = s.strip();
        if (isBlank(trimmed)) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        if (hasControlCharacter(trimmed)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        return trimmed;
    }

    /** Nothing but spaces of any kind (a no-break space, an ideographic one) and invisible format characters. */
    private static boolean isBlank(String text) {
        // Loops, not code point streams: every text field of every lodgement passes here.
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** A control character other than a line break or a tab (all of them are in the basic plane). */
    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public JsonObject object(JsonObject json, String name, String field, boolean required) {
        Object value = json.getValue(name);
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!(value instanceof JsonObject o)) {
            errors.add(new FieldError(field, "must be an object"));
            return null;
        }
        return o;
    }

    public <E extends Enum<E>> E enumValue(JsonObject json, String name, String field, Class<E> type) {
        String text = text(json, name, field, 40, true);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    /** A whole number from {@code min} to {@code max}; a string or a fraction is an error, not a guess. */
    public Long wholeNumber(JsonObject json, String name, String field, long min, long max) {
        if (json.getValue(name) == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        BigDecimal d = number(json, name, field);
        if (d == null) {
            return null;
        }
        if (d.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
            return null;
        }
        return d.longValueExact();
    }

    /** A positive decimal up to {@code max} with at most three decimal places; null when absent. */
    public BigDecimal positiveDecimal(JsonObject json, String name, String field, BigDecimal max) {
        if (json.getValue(name) == null) {
            return null;
        }
        BigDecimal d = number(json, name, field);
        if (d == null) {
            return null;
        }
        if (d.signum() <= 0) {
            errors.add(new FieldError(field, "must be greater than 0"));
            return null;
        }
        if (d.compareTo(max) > 0) {
            errors.add(new FieldError(field, "must be at most " + max.toPlainString()));
            return null;
        }
        if (d.stripTrailingZeros().scale() > 3) {
            errors.add(new FieldError(field, "must have at most 3 decimal places"));
            return null;
        }
        BigDecimal plain = d.stripTrailingZeros();
        // 40 strips to 4E+1, which would be written back as "4E+1": keep whole numbers whole.
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /** A JSON number, exactly; a string holding digits is an error, not a guess. */
    private BigDecimal number(JsonObject json, String name, String field) {
        if (!(json.getValue(name) instanceof Number n)) {
            errors.add(new FieldError(field, "must be a number"));
            return null;
        }
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            // 1e400 parses as Infinity: valid JSON, but no quantity of anything.
            errors.add(new FieldError(field, "must be a finite number"));
            return null;
        }
    }

    /** A Hong Kong registration mark, checked by {@link VehicleMark}; null when in error. */
    public VehicleMark vehicleMark(JsonObject json, String name) {
        Object value = json.getValue(name);
        if (value == null) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        if (!(value instanceof String s)) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        try {
            return VehicleMark.parse(s, name);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** An error with its own stable code (see {@link FieldError#code()}). */
    public void add(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
