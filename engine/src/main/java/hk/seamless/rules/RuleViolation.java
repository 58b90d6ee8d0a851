package hk.seamless.rules;

import java.time.Duration;
import java.util.List;

/**
 * A well-formed request that the registry rules refuse: the record is in the wrong state, does not
 * exist (or is someone else's: told as not found), or the caller has failed too often. The HTTP layer turns the kind
 * into a status code; the rules never speak HTTP.
 */
public final class RuleViolation extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        UNPROCESSABLE,
        TOO_MANY_ATTEMPTS
    }

    private final Kind kind;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    private RuleViolation(Kind kind, String message, List<FieldError> errors, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static RuleViolation notFound(String message) {
        return new RuleViolation(Kind.NOT_FOUND, message, List.of(), null);
    }

    public static RuleViolation conflict(String message) {
        return new RuleViolation(Kind.CONFLICT, message, List.of(), null);
    }

    /** A conflict caused by one field's value (an e-mail already registered, say): forms show it beside that field. */
    public static RuleViolation conflictOn(String field, String message) {
        return new RuleViolation(Kind.CONFLICT, message, List.of(new FieldError(field, message)), null);
    }

    public static RuleViolation unprocessable(String message, List<FieldError> errors) {
        return new RuleViolation(Kind.UNPROCESSABLE, message, errors, null);
    }

    public static RuleViolation tooManyAttempts(String message, Duration retryAfter) {
        return new RuleViolation(Kind.TOO_MANY_ATTEMPTS, message, List.of(), retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
