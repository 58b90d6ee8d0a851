package hk.seamless.access;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-17T02:00:00Z");

    @Test
    void anAddressIsBlockedAfterItsLimitUntilTheOldestFailureAgesOut() {
        SignInThrottle throttle = new SignInThrottle(3, 100, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.blockedFor("a@x.hk", "10.0.0.1", T0.plusSeconds(i)).isEmpty());
            throttle.failed("a@x.hk", "10.0.0.1", T0.plusSeconds(i));
        }
        Duration wait = throttle.blockedFor("a@x.hk", "10.0.0.2", T0.plusSeconds(10)).orElseThrow();
        assertEquals(Duration.ofMinutes(15).minusSeconds(10).plusSeconds(1), wait);
        assertTrue(throttle.blockedFor("b@x.hk", "10.0.0.1", T0.plusSeconds(10)).isEmpty(), "others are not blocked");
        assertTrue(throttle.blockedFor("a@x.hk", "10.0.0.1", T0.plus(Duration.ofMinutes(15)).plusSeconds(1)).isEmpty());
    }

    @Test
    void aClientGuessingManyAddressesIsBlockedByItsOwnLimit() {
        SignInThrottle throttle = new SignInThrottle(5, 4, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.failed("guess" + i + "@x.hk", "203.0.113.9", T0);
        }
        assertTrue(throttle.blockedFor("fresh@x.hk", "203.0.113.9", T0.plusSeconds(1)).isPresent());
        assertTrue(throttle.blockedFor("fresh@x.hk", "203.0.113.10", T0.plusSeconds(1)).isEmpty());
    }

    @Test
    void aRightPasswordClearsTheAccountsSlipsButNotTheClients() {
        SignInThrottle throttle = new SignInThrottle(2, 3, Duration.ofMinutes(15));
        throttle.failed("a@x.hk", "10.0.0.1", T0);
        throttle.failed("a@x.hk", "10.0.0.1", T0);
        throttle.succeeded("a@x.hk");
        assertTrue(throttle.blockedFor("a@x.hk", "10.0.0.7", T0).isEmpty());
        throttle.failed("c@x.hk", "10.0.0.1", T0);
        assertTrue(throttle.blockedFor("a@x.hk", "10.0.0.1", T0).isPresent(), "the client's three failures still count");
    }
}
