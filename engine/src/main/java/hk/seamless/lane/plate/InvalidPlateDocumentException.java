package hk.seamless.lane.plate;

/**
 * A plate-read body that is not a usable OpenALPR {@code alpr_results} document: a client error
 * (400), told with the offending field so that the ANPR integrator can fix it.
 */
public final class InvalidPlateDocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidPlateDocumentException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The JSON path of the offending field, e.g. {@code "results[0].plate"}. */
    public String field() {
        return field;
    }

    /** The reason alone, without the field, for an RFC 9457 {@code errors[].message}. */
    public String reason() {
        String message = getMessage();
        return message.substring(field.length() + 2);
    }
}
