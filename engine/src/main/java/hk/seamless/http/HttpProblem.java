package hk.seamless.http;

import hk.seamless.trade.FieldError;

import java.util.List;

/** A problem found by the HTTP layer itself: no credentials, wrong role, wrong media type. */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public HttpProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public HttpProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
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
