package hk.seamless.config;

import java.time.Instant;

/**
 * Instants as the stores and the journal keep them: UTC, ISO-8601, the fraction in as many groups of
 * three digits as it needs ({@code 2026-12-02T16:01:57.875670Z}), exactly as {@link Instant#toString()}
 * writes them, but by hand: every record and every journal entry has one or more, and the formatter
 * builds a date, a time and a buffer for each on the registry's single writer thread. Years outside
 * 0000 to 9999 (which the formatter writes with a sign) go to it.
 */
public final class UtcTimes {

    /** 0000-01-01T00:00:00Z and the first second of 10000: four-digit years between. */
    private static final long FOUR_DIGIT_YEARS_FROM_SECOND = -62_167_219_200L;

    private static final long FOUR_DIGIT_YEARS_UNTIL_SECOND = 253_402_300_800L;

    private UtcTimes() {}

    /** {@code at} as {@link Instant#toString()} writes it. */
    public static String format(Instant at) {
        long second = at.getEpochSecond();
        if (second < FOUR_DIGIT_YEARS_FROM_SECOND || second >= FOUR_DIGIT_YEARS_UNTIL_SECOND) {
            return at.toString();
        }
        StringBuilder out = new StringBuilder(30);
        HongKongTimes.appendDate(Math.floorDiv(second, 86_400L), out);
        int ofDay = (int) Math.floorMod(second, 86_400L);
        out.append('T');
        HongKongTimes.two(ofDay / 3_600, out);
        out.append(':');
        HongKongTimes.two(ofDay / 60 % 60, out);
        out.append(':');
        HongKongTimes.two(ofDay % 60, out);
        appendFraction(at.getNano(), out);
        return out.append('Z').toString();
    }

    /** Nothing for a whole second, else 3, 6 or 9 digits: the fewest groups of three that hold it. */
    private static void appendFraction(int nanos, StringBuilder out) {
        if (nanos == 0) {
            return;
        }
        int digits;
        int value;
        if (nanos % 1_000_000 == 0) {
            digits = 3;
            value = nanos / 1_000_000;
        } else if (nanos % 1_000 == 0) {
            digits = 6;
            value = nanos / 1_000;
        } else {
            digits = 9;
            value = nanos;
        }
        String written = Integer.toString(value);
        out.append('.');
        for (int zeros = digits - written.length(); zeros > 0; zeros--) {
            out.append('0');
        }
        out.append(written);
    }
}
