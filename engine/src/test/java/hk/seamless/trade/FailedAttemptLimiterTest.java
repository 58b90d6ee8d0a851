package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailedAttemptLimiterTest {

    private final Instant t0 = Instant.parse("2026-11-26T02:00:00Z");

    @Test
    void blocksAtTheLimitWithinThePeriodAndForgetsOldFailures() {
        FailedAttemptLimiter limiter = new FailedAttemptLimiter(3, Duration.ofMinutes(15));
        for (int i = 0; i < 2; i++) {
            limiter.recordFailure("T1", t0.plusSeconds(i));
        }
        assertEquals(Optional.empty(), limiter.blockedFor("T1", t0.plusSeconds(10)));
        limiter.recordFailure("T1", t0.plusSeconds(10));

        Optional<Duration> wait = limiter.blockedFor("T1", t0.plusSeconds(20));
        assertTrue(wait.isPresent());
        assertEquals(Duration.ofMinutes(15).minusSeconds(20).plusSeconds(1), wait.get());
        assertEquals(Optional.empty(), limiter.blockedFor("T2", t0.plusSeconds(20)), "another account is not blocked");

        // Once the first failure is older than the period, one more attempt is allowed.
        assertEquals(Optional.empty(), limiter.blockedFor("T1", t0.plus(Duration.ofMinutes(15))));
    }
}
