package hk.seamless.config;

import java.time.ZoneId;

/** Where the boundary is: every calendar rule (lodgement window, expiry, CCRN year, days of logs) uses its time. */
public final class HongKong {

    /** Hong Kong Time, UTC+8 all year (no daylight saving since 1979). */
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Hong_Kong");

    /**
     * Its offset from UTC in milliseconds, for the lane's allocation-free day arithmetic. Taken
     * from the zone's rules, not written out; constant since 1979.
     */
    public static final long UTC_OFFSET_MILLIS =
            TIME_ZONE.getRules().getOffset(java.time.Instant.now()).getTotalSeconds() * 1_000L;

    /**
     * Times as the engine gives them: Hong Kong time with its offset and always three fraction digits
     * ({@code 2026-12-01T09:30:00.000+08:00}), as the contract's times are "to the millisecond": a
     * client reading a fixed {@code .SSS} (or Python before 3.11, which takes 3 or 6 digits only)
     * reads every one.
     */
    public static final java.time.format.DateTimeFormatter TIME_FORMAT = java.time.format.DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(TIME_ZONE);

    private HongKong() {}

    /** {@code at} as the engine gives times ({@link #TIME_FORMAT}), finer than milliseconds cut; null for null. */
    public static String time(java.time.Instant at) {
        return at == null ? null : HongKongTimes.format(at);
    }
}
