package hk.seamless.trade;

import hk.seamless.access.RecentFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts each account's failed attempts in a sliding period. Bundling is rate-limited this way
 * because knowing a CCRN is what lets a trucker bundle it: an account that keeps naming CCRNs that
 * do not exist, or are not its to bundle, is guessing.
 *
 * <p>Used only on the registry writer thread, so plain collections suffice. Kept in memory: after a
 * restart a guesser starts over, which costs it little and keeps the journal free of failures.
 */
public final class FailedAttemptLimiter {

    private final int limit;
    private final Duration period;
    private final RecentFailures failures = new RecentFailures();

    public FailedAttemptLimiter(int limit, Duration period) {
        this.limit = limit;
        this.period = period;
    }

    /** How long the account must wait, if it has used up its failures. */
    public Optional<Duration> blockedFor(String accountId, Instant now) {
        return failures.blockedFor(accountId, limit, period, now);
    }

    public void recordFailure(String accountId, Instant at) {
        failures.record(accountId, at);
    }
}
