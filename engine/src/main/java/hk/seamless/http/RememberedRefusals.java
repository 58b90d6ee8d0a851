package hk.seamless.http;

import java.util.Set;

/**
 * Which refusals are the answer to an Idempotency-Key, remembered like a success: those the engine
 * decided about the request itself (invalid, not found, in conflict, against the rules), which a
 * retry of the same request after a lost answer must be given again, not run again.
 *
 * <p>Not remembered: a 401 (no account to key the answer by), a 403 (about the caller's standing,
 * which must be checked on every request: a suspended account stays refused), a 429 or a 503 (they
 * pass: the client is told to try again later) and any other 5xx (a defect, not an answer).
 */
final class RememberedRefusals {

    private static final Set<Integer> REMEMBERED = Set.of(400, 404, 409, 422);

    private RememberedRefusals() {}

    /** The answer to remember for {@code failure}, or null when it is not an answer to keep. */
    static Reply of(Throwable failure) {
        ProblemAnswer refusal = Failures.refusal(Failures.unwrapped(failure));
        if (refusal == null || refusal.retryAfterSeconds() != null || !REMEMBERED.contains(refusal.status())) {
            return null;
        }
        return Reply.refusal(refusal.status(), refusal.body());
    }
}
