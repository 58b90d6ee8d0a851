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

    private HongKong() {}
}
