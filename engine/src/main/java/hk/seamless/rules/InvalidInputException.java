package hk.seamless.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when client input is malformed, so the caller can answer with a client error that
 * names every offending field, rather than a "not found" or a server error.
 *
 * <p>Carrying a list (not just one error) lets a declaration be checked in one pass and all
 * of its problems reported together, instead of making the trader fix them one at a time.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    /**
     * @param errors at least one error; copied, so later changes to the argument do not leak in
     * @throws IllegalArgumentException if {@code errors} is empty, because an "invalid input"
     *                                  that cannot say what is invalid is a programming error
     */
    public InvalidInputException(List<FieldError> errors) {
        this(requireNotEmpty(List.copyOf(errors)), true);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)), true);
    }

    /** One error with its own code (see {@link FieldError#code()}). */
    public InvalidInputException(String field, String code, String message) {
        this(List.of(new FieldError(field, code, message)), true);
    }

    private InvalidInputException(List<FieldError> copied, boolean alreadyCopied) {
        super(joined(copied));
        this.errors = copied;
    }

    /** @return the errors, in the order they were found; immutable */
    public List<FieldError> errors() {
        return errors;
    }

    private static List<FieldError> requireNotEmpty(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one FieldError");
        }
        return errors;
    }

    private static String joined(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
