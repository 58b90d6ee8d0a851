package hk.seamless.http;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import hk.seamless.rules.RuleViolation;
import hk.seamless.store.StoreUnavailableException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a request ended in into its problem answer. Client mistakes are 4xx naming the
 * problem; an unexpected exception is a 500 and a defect, logged with its stack.
 */
public final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {}

    public static void send(HttpServerResponse response, Throwable failure) {
        Throwable t = unwrapped(failure);
        ProblemAnswer refusal = refusal(t);
        if (refusal != null) {
            refusal.send(response);
        } else if (t instanceof hk.seamless.store.StoreFullException full) {
            // 503, not 507 (a WebDAV status clients do not retry): the engine, not the request, is
            // short of room, and an operator is alerted long before (metric, log, /health).
            Problem.send(
                    response,
                    503,
                    "Store full",
                    full.getMessage() + "; nothing was changed",
                    List.of(new FieldError("store", full.store().name().toLowerCase())));
        } else if (t instanceof hk.seamless.log.LogDamageException damage) {
            // The disk, not the engine's code nor the request: say what broke, and who must act.
            LOG.error("A request read a damaged part of a log: {}", damage.getMessage());
            Problem.send(
                    response,
                    503,
                    "Log damaged",
                    "the log this answer is read from is damaged (" + damage.getMessage()
                            + "); an operator must run verify-log; nothing was changed",
                    List.of());
        } else if (t instanceof StoreUnavailableException) {
            Problem.send(response, 503, "Unavailable", t.getMessage() + "; nothing was changed", List.of());
        } else if (t instanceof java.io.IOException || t instanceof io.vertx.core.http.HttpClosedException) {
            // The caller went away (closed, reset) while its request was read or answered: no one to answer.
            LOG.debug("A caller went away before its answer: {}", LogValues.escape(t.getMessage()));
        } else {
            LOG.error("Unexpected failure answering a request (a defect)", t);
            Problem.send(
                    response, 500, "Internal error", "the engine failed unexpectedly; this is a defect", List.of());
        }
    }

    static Throwable unwrapped(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * The answer to a refusal of the request itself (a 4xx), or null when the engine, not the
     * request, failed. Kept apart so that a refusal remembered under an Idempotency-Key is the very
     * answer the caller was given.
     */
    static ProblemAnswer refusal(Throwable t) {
        if (t instanceof InvalidInputException e) {
            return new ProblemAnswer(400, "Invalid request", "the request has invalid fields", e.errors(), null);
        } else if (t instanceof RuleViolation v) {
            return violation(v);
        } else if (t instanceof hk.seamless.lane.plate.InvalidPlateDocumentException p) {
            return new ProblemAnswer(
                    400,
                    "Invalid plate read",
                    "the plate read is not a valid alpr_results document",
                    List.of(new FieldError(p.field(), p.reason())),
                    null);
        } else if (t instanceof HttpProblem p) {
            Long retryAfter =
                    p.retryAfter() == null ? null : Math.max(1, (p.retryAfter().toMillis() + 999) / 1000);
            return new ProblemAnswer(p.status(), p.title(), p.getMessage(), p.errors(), retryAfter);
        } else if (t instanceof io.vertx.ext.web.handler.HttpException h
                && h.getStatusCode() >= 400
                && h.getStatusCode() < 500) {
            // Vert.x Web's own refusal, such as a query string that is not validly percent-encoded.
            return new ProblemAnswer(
                    h.getStatusCode(),
                    "Invalid request",
                    firstLine(h.getPayload() != null ? h.getPayload() : h.getMessage()),
                    List.of(),
                    null);
        } else if (t instanceof DecodeException) {
            return new ProblemAnswer(
                    400,
                    "Malformed JSON",
                    "the body is not valid JSON: " + firstLine(t.getMessage()),
                    List.of(new FieldError("body", FieldError.INVALID, "is not valid JSON")),
                    null);
        }
        return null;
    }

    private static ProblemAnswer violation(RuleViolation v) {
        return switch (v.kind()) {
            case NOT_FOUND -> new ProblemAnswer(404, "Not found", v.getMessage(), v.errors(), null);
            case CONFLICT -> new ProblemAnswer(409, "Conflict", v.getMessage(), v.errors(), null);
            case UNPROCESSABLE -> new ProblemAnswer(422, "Refused by the rules", v.getMessage(), v.errors(), null);
            case TOO_MANY_ATTEMPTS ->
                new ProblemAnswer(
                        429,
                        "Too many attempts",
                        v.getMessage(),
                        v.errors(),
                        Math.max(1, v.retryAfter().toSeconds()));
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
