package hk.seamless.trade.batch;

import java.util.Objects;

/**
 * The whole batch file cannot be read (bad encoding, bad header, malformed XML, too many rows...).
 * Unlike a row-level read problem, no row of such a file is lodged.
 */
public final class BatchFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   what is wrong, in the error-report vocabulary: {@code "file"} for the file as a
     *                whole, {@code "header.<column>"} for one header column
     * @param message a sentence a shipper can act on, naming the problem
     */
    public BatchFormatException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public BatchFormatException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** What the error is about, e.g. {@code "file"} or {@code "header.consignor.nmae"}. */
    public String field() {
        return field;
    }
}
