package hk.seamless.http;

import hk.seamless.rules.FieldError;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * A refusal as the caller is told it: an RFC 9457 problem, and how long to wait when it is one
 * that passes (a Retry-After header).
 *
 * @param retryAfterSeconds null when waiting would not change the answer
 */
record ProblemAnswer(int status, String title, String detail, List<FieldError> errors, Long retryAfterSeconds) {

    String body() {
        return Problem.of(status, title, detail, errors).encode();
    }

    void send(HttpServerResponse response) {
        if (retryAfterSeconds != null && !response.headWritten()) {
            response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        Problem.send(response, status, title, detail, errors);
    }
}
