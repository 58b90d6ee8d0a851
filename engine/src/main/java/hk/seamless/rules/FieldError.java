package hk.seamless.rules;

import java.util.Objects;

/**
 * One reason why a piece of client input was refused.
 *
 * <p>The field is a JSON-path-like name ({@code "consignor.name"}, {@code "ccrns[2]"},
 * {@code "vehicleMark"}) so that a trader's software, or a clerk reading the error back on
 * the phone, can point at the exact box that needs correcting.
 *
 * @param field   where the bad value was, as a JSON-path-like name
 * @param code    a stable machine code (interfaces.md: {@code errors: [{field, code, message}]}) that a
 *                page or a trader's system translates or acts on; the English message may change, the
 *                code does not. The main rules have their own ({@link #CCRN_CHECK_DIGIT}, ...); others
 *                have {@link #REQUIRED} or {@link #INVALID}
 * @param message why it was refused, phrased to follow the field name
 *                (e.g. "is required", "must be 16 digits")
 */
public record FieldError(String field, String code, String message) {

    public static final String REQUIRED = "required";
    public static final String INVALID = "invalid";
    public static final String CCRN_FORMAT = "ccrn_format";
    public static final String CCRN_CHECK_DIGIT = "ccrn_check_digit";
    public static final String DATE_IN_PAST = "expected_date_past";
    public static final String DATE_TOO_FAR_AHEAD = "expected_date_too_far_ahead";
    public static final String VEHICLE_MARK = "vehicle_mark_invalid";
    /** A batch row the registry did not reach: the batch was cut off after the rows before it were lodged. */
    public static final String NOT_PROCESSED = "not_processed";

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** With the generic code: {@link #REQUIRED} for "is required", else {@link #INVALID}. */
    public FieldError(String field, String message) {
        this(field, "is required".equals(message) ? REQUIRED : INVALID, message);
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
