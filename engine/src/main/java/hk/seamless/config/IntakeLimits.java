package hk.seamless.config;

import java.time.Duration;

/**
 * What keeps callers, anonymous ones above all, from growing the stores without bound: how fast
 * registrations are taken, how many may wait for an admin, how long idempotency answers are kept,
 * and how full a store gets before operators are alerted.
 *
 * @param registrationsPerAddress  registrations one client address may send per {@code registrationPeriod}
 * @param registrationsOverall     registrations the engine takes from everyone per {@code registrationPeriod}
 * @param registrationPeriod       the period both registration limits refill over
 * @param pendingRegistrationLimit PENDING registrations at most; more wait until an admin decides some
 * @param idempotencyRetention     how long a remembered Idempotency-Key answer is kept before it is purged
 * @param storeFillAlert           the share of a store's room (0 to 1) above which a WARN is logged and
 *                                 /health lists the store
 */
public record IntakeLimits(
        int registrationsPerAddress,
        int registrationsOverall,
        Duration registrationPeriod,
        int pendingRegistrationLimit,
        Duration idempotencyRetention,
        double storeFillAlert) {

    public IntakeLimits {
        if (registrationsPerAddress <= 0 || registrationsOverall <= 0 || pendingRegistrationLimit <= 0) {
            throw new ConfigException("registration limits must be positive");
        }
        if (registrationPeriod.isZero() || registrationPeriod.isNegative()) {
            throw new ConfigException("registrationPeriod (SEAMLESS_REGISTRATION_PERIOD) must be positive");
        }
        if (idempotencyRetention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigException("idempotencyRetention (SEAMLESS_IDEMPOTENCY_RETENTION) must be at least PT1M:"
                    + " a client retries a write within minutes");
        }
        if (!(storeFillAlert > 0 && storeFillAlert < 1)) {
            throw new ConfigException(
                    "storeFillAlert (SEAMLESS_STORE_FILL_ALERT) is a share between 0 and 1, such as 0.8");
        }
    }

    public static IntakeLimits defaults() {
        return new IntakeLimits(10, 1_000, Duration.ofHours(1), 2_000, Duration.ofHours(24), 0.8);
    }
}
