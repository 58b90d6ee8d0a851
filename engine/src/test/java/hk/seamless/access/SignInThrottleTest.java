package hk.seamless.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-17T02:00:00Z");

    @Test
    void anAddressIsBlockedAfterItsLimitUntilTheOldestFailureAgesOut() {
        SignInThrottle throttle = new SignInThrottle(3, 100, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.begin("a@x.hk", "10.0.0.1", T0.plusSeconds(i)).isEmpty());
        }
        Duration wait = throttle.begin("a@x.hk", "10.0.0.2", T0.plusSeconds(10)).orElseThrow();
        assertEquals(Duration.ofMinutes(15).minusSeconds(10).plusSeconds(1), wait);
        assertTrue(throttle.begin("b@x.hk", "10.0.0.1", T0.plusSeconds(10)).isEmpty(), "others are not blocked");
        assertTrue(throttle.begin(
                        "a@x.hk", "10.0.0.1", T0.plus(Duration.ofMinutes(15)).plusSeconds(1))
                .isEmpty());
    }

    @Test
    void aBurstOfGuessesIsCountedAsItBeginsNotWhenItsHashesFinish() {
        SignInThrottle throttle = new SignInThrottle(5, 100, Duration.ofMinutes(15));
        int let = 0;
        for (int i = 0; i < 40; i++) {
            if (throttle.begin("victim@x.hk", "198.51.100.7", T0).isEmpty()) {
                let++;
            }
        }
        assertEquals(5, let, "five guesses in flight at most, however many are sent at once");
    }

    @Test
    void aClientGuessingManyAddressesIsBlockedByItsOwnLimit() {
        SignInThrottle throttle = new SignInThrottle(5, 4, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.begin("guess" + i + "@x.hk", "203.0.113.9", T0);
        }
        assertTrue(
                throttle.begin("fresh@x.hk", "203.0.113.9", T0.plusSeconds(1)).isPresent());
        assertTrue(
                throttle.begin("fresh@x.hk", "203.0.113.10", T0.plusSeconds(1)).isEmpty());
    }

    @Test
    void aRightPasswordClearsTheAccountsSlipsAndTakesBackOnlyItsOwnAttempt() {
        SignInThrottle throttle = new SignInThrottle(2, 3, Duration.ofMinutes(15));
        throttle.begin("a@x.hk", "10.0.0.1", T0);
        throttle.begin("a@x.hk", "10.0.0.1", T0);
        assertTrue(throttle.begin("a@x.hk", "10.0.0.9", T0).isPresent(), "two slips block the account");
        throttle.succeeded("a@x.hk", "10.0.0.1");
        assertTrue(throttle.begin("a@x.hk", "10.0.0.7", T0).isEmpty(), "the right password cleared the account");
        // The client keeps its first slip (the taken-back attempt was the second): two more fill its three.
        throttle.begin("c@x.hk", "10.0.0.1", T0);
        throttle.begin("d@x.hk", "10.0.0.1", T0);
        assertTrue(throttle.begin("e@x.hk", "10.0.0.1", T0).isPresent(), "the client's earlier failure still counts");
    }
}
