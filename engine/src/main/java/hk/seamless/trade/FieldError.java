package hk.seamless.trade;

import java.util.Objects;

/**
 * One reason why a piece of client input was refused.
 *
 * <p>The field is a JSON-path-like name ({@code "consignor.name"}, {@code "ccrns[2]"},
 * {@code "vehicleMark"}) so that a trader's software, or a clerk reading the error back on
 * the phone, can point at the exact box that needs correcting.
 *
 * @param field   where the bad value was, as a JSON-path-like name
 * @param message why it was refused, phrased to follow the field name
 *                (e.g. "is required", "must be 16 digits")
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
