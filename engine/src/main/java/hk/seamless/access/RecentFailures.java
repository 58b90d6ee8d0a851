package hk.seamless.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failures per key (an account, an e-mail address, a client address) in a sliding period: how long
 * a key must wait once it has used up its limit. Bounded: past {@link #MAX_TRACKED} keys the least
 * recently failed are forgotten, so a sprayer of made-up keys cannot grow it without end.
 *
 * <p>Not thread-safe: its owner says on which thread it runs, or synchronizes.
 */
public final class RecentFailures {

    public static final int MAX_TRACKED = 100_000;

    private final Map<String, Deque<Instant>> byKey = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /** How long {@code key} must wait, if it has {@code limit} failures within {@code period} before {@code now}. */
    public Optional<Duration> blockedFor(String key, int limit, Duration period, Instant now) {
        Deque<Instant> recent = byKey.get(key);
        if (recent == null) {
            return Optional.empty();
        }
        Instant cutoff = now.minus(period);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(cutoff)) {
            recent.pollFirst();
        }
        if (recent.isEmpty()) {
            byKey.remove(key);
            return Optional.empty();
        }
        if (recent.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(cutoff, recent.peekFirst()).plusSeconds(1));
    }

    /** A failure of {@code key} at {@code at}. */
    public void record(String key, Instant at) {
        Deque<Instant> recent = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        recent.addLast(at);
        // Only the last few matter for any limit in use; an address hammered all day stays small.
        while (recent.size() > 1_000) {
            recent.pollFirst();
        }
    }

    /** Clears {@code key}'s failures (it proved itself). */
    public void forget(String key) {
        byKey.remove(key);
    }

    /** Takes back {@code key}'s latest failure (counted ahead, and it turned out not to be one). */
    public void takeBackLast(String key) {
        Deque<Instant> recent = byKey.get(key);
        if (recent != null) {
            recent.pollLast();
        }
    }
}
