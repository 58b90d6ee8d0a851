package hk.seamless.config;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Hong Kong times as the engine gives them: ISO-8601 with the +08:00 offset and always three
 * fraction digits ({@code 2026-11-17T10:00:00.120+08:00}), exactly as {@link HongKong#TIME_FORMAT}
 * writes them, but by hand: the formatter allocates a date, a time and its digits on every call,
 * once per decision on the pipeline thread and a few times per answer of the API. Hong Kong has kept
 * +08:00 without summer time since 1980; other times go to the formatter. Finer than milliseconds is cut.
 */
public final class HongKongTimes {

    /** 1980-01-01T00:00:00+08:00: from here on the offset never changes. */
    private static final long FIXED_OFFSET_FROM_SECOND = 315_504_000L;
    /** 9999-12-31T23:59:59+08:00: beyond four-digit years the formatter writes a sign. */
    private static final long FOUR_DIGIT_YEARS_UNTIL_SECOND = 253_402_271_999L;

    private static final long OFFSET_MILLIS = 8 * 3_600_000L;

    private HongKongTimes() {}

    /** {@code at} as {@link HongKong#TIME_FORMAT} writes it. */
    public static String format(Instant at) {
        StringBuilder out = new StringBuilder(29);
        append(at, out);
        return out.toString();
    }

    /** Appends {@code at} as {@link HongKong#TIME_FORMAT} writes it. */
    public static void append(Instant at, StringBuilder out) {
        // By the second, not the millisecond: an instant centuries away must not overflow the check.
        long second = at.getEpochSecond();
        if (second < FIXED_OFFSET_FROM_SECOND || second > FOUR_DIGIT_YEARS_UNTIL_SECOND) {
            out.append(HongKong.TIME_FORMAT.format(at.truncatedTo(ChronoUnit.MILLIS)));
            return;
        }
        long millis = at.toEpochMilli();
        long local = millis + OFFSET_MILLIS;
        long days = Math.floorDiv(local, 86_400_000L);
        int ofDay = (int) Math.floorMod(local, 86_400_000L);
        appendDate(days, out);
        out.append('T');
        two(ofDay / 3_600_000, out);
        out.append(':');
        two(ofDay / 60_000 % 60, out);
        out.append(':');
        two(ofDay / 1_000 % 60, out);
        int fraction = ofDay % 1_000;
        out.append('.')
                .append((char) ('0' + fraction / 100))
                .append((char) ('0' + fraction / 10 % 10))
                .append((char) ('0' + fraction % 10));
        out.append("+08:00");
    }

    /** The civil date of a day count from 1970-01-01 (Howard Hinnant's days-to-civil), {@code uuuu-MM-dd}. */
    static void appendDate(long epochDay, StringBuilder out) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        for (long unit = 1_000; unit > year && unit > 1; unit /= 10) {
            out.append('0'); // four digits at least, as the formatter writes years before 1000
        }
        out.append(year);
        out.append('-');
        two(month, out);
        out.append('-');
        two(day, out);
    }

    static void two(int value, StringBuilder out) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
