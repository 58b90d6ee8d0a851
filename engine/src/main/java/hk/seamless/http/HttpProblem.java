package hk.seamless.http;

import hk.seamless.rules.FieldError;
import java.util.List;

/** A problem found by the HTTP layer itself: no credentials, wrong role, wrong media type. */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final java.time.Duration retryAfter;

    public HttpProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public HttpProblem(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    /** @param retryAfter how long the client should wait before trying again (a Retry-After header), or null */
    public HttpProblem(
            int status, String title, String detail, List<FieldError> errors, java.time.Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public java.time.Duration retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
