package hk.seamless.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock the test moves by hand: never sleeps, read from any engine thread. */
public final class TestClock extends Clock {

    public static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** The instant of a Hong Kong wall-clock time. */
    public static Instant hongKong(int year, int month, int day, int hour, int minute, int second) {
        return ZonedDateTime.of(year, month, day, hour, minute, second, 0, HONG_KONG)
                .toInstant();
    }

    public void set(Instant instant) {
        this.now = instant;
    }

    public void advance(Duration by) {
        this.now = now.plus(by);
    }

    /** Today's calendar date in Hong Kong. */
    public LocalDate hongKongToday() {
        return LocalDate.ofInstant(now, HONG_KONG);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return HONG_KONG;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // The engine only asks for instants; a view in another zone still follows this clock.
        TestClock outer = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return outer.withZone(other);
            }

            @Override
            public Instant instant() {
                return outer.instant();
            }
        };
    }
}
