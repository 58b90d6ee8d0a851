package hk.seamless.trade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Issues new CCRNs.
 *
 * <p>The thirteen middle digits are drawn at random rather than from a counter, so that a
 * CCRN cannot be guessed from another one: a trader holding CCRN n must not be able to look
 * up a competitor's consignment as n+1. Pass a {@link java.security.SecureRandom} in
 * production for that reason.
 *
 * <p>Random numbers can collide: with 10^13 values per year, issuing a million CCRNs in one
 * year gives roughly a 5% chance of at least one repeat. This class therefore does not
 * promise uniqueness; whoever stores CCRNs must enforce it (unique key) and draw again on a
 * clash.
 *
 * <p>Thread-safe if the {@code RandomGenerator} is (SecureRandom is); holds no state of its own.
 */
public final class CcrnGenerator {

    /** The year of lodgement is the Hong Kong calendar year, not the UTC one. */
    private static final long SERIAL_BOUND = 10_000_000_000_000L; // 10^13

    private final RandomGenerator random;
    private final Clock clock;

    public CcrnGenerator(RandomGenerator random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return a fresh CCRN for a declaration lodged now (Hong Kong date) */
    public Ccrn next() {
        int year = LocalDate.ofInstant(clock.instant(), hk.seamless.config.HongKong.TIME_ZONE)
                        .getYear()
                % 100;
        long serial = random.nextLong(SERIAL_BOUND);
        // Padded by hand: String.format looks up the locale's digits on every call, a tenth of a
        // lodgement's time on the registry writer. Long.toString gives ASCII digits whatever the locale.
        StringBuilder digits = new StringBuilder(15);
        zeroPadded(digits, year, 2);
        zeroPadded(digits, serial, 13);
        return Ccrn.withCheckDigit(digits.toString());
    }

    private static void zeroPadded(StringBuilder out, long value, int width) {
        String text = Long.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
