package hk.seamless.access;

import java.time.Duration;

/**
 * A rate limit: up to {@code capacity} at once, refilled evenly so that {@code capacity} more are
 * allowed per {@code period}. Thread-safe; time comes from the caller (the engine's clock), and a
 * clock that steps back refills nothing rather than failing.
 */
public final class TokenBucket {

    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long lastMillis;

    public TokenBucket(int capacity, Duration period, long nowMillis) {
        this.capacity = capacity;
        this.perMilli = capacity / (double) Math.max(1, period.toMillis());
        this.tokens = capacity;
        this.lastMillis = nowMillis;
    }

    /** Takes one token; returns how long until one is there (zero: taken). */
    public synchronized Duration take(long nowMillis) {
        refill(nowMillis);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        // (less a hair, so that floating-point dust does not add a whole second to Retry-After)
        return Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli - 1e-6));
    }

    /** Gives back a token taken for a request another limit then refused. */
    public synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1);
    }

    /** Whether the bucket is full again: nothing to remember about its caller. */
    public synchronized boolean isFull(long nowMillis) {
        refill(nowMillis);
        return tokens >= capacity;
    }

    private void refill(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * perMilli);
        }
        lastMillis = nowMillis;
    }
}
