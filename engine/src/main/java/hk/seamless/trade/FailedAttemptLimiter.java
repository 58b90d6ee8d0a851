package hk.seamless.trade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
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
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public FailedAttemptLimiter(int limit, Duration period) {
        this.limit = limit;
        this.period = period;
    }

    /** How long the account must wait, if it has used up its failures. */
    public Optional<Duration> blockedFor(String accountId, Instant now) {
        Deque<Instant> recent = failures.get(accountId);
        if (recent == null) {
            return Optional.empty();
        }
        Instant cutoff = now.minus(period);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.pollFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(accountId);
            return Optional.empty();
        }
        if (recent.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(cutoff, recent.peekFirst()).plusSeconds(1));
    }

    public void recordFailure(String accountId, Instant at) {
        failures.computeIfAbsent(accountId, id -> new ArrayDeque<>()).addLast(at);
    }
}
