package hk.seamless.config;

import java.time.Duration;

/**
 * What bounds one trade account's use of the engine once it is signed in: how many failed bundling
 * attempts it may make (a wrong consignment or vehicle, as someone guessing CCRNs would make) before
 * it must wait, and how long a portal or console sign-in lasts before the account signs in again.
 *
 * @param failedBundlingLimit  failed bundling attempts an account may make per {@code failedBundlingPeriod}
 * @param failedBundlingPeriod the period those attempts are counted over
 * @param sessionLifetime      how long a sign-in (session cookie) lasts
 */
public record AccountLimits(int failedBundlingLimit, Duration failedBundlingPeriod, Duration sessionLifetime) {

    public static AccountLimits defaults() {
        return new AccountLimits(10, Duration.ofMinutes(15), Duration.ofHours(12));
    }
}
