package hk.seamless.trade;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a road cargo declaration may be lodged, relative to the date the goods are expected
 * at the boundary.
 *
 * <p>Dates are Hong Kong calendar dates, not UTC ones: a trader lodging at 07:30 on 17
 * November in Hong Kong is lodging on 17 November even though it is still 16 November in
 * UTC. Deciding by UTC would refuse (or accept) lodgements eight hours early or late.
 */
public final class LodgementWindow {

    private final Period window;
    private final ZoneId zone;

    /**
     * @param window how long before the expected date lodgement opens; not negative
     * @param zone   whose calendar decides what "today" is
     */
    public LodgementWindow(Period window, ZoneId zone) {
        this.window = Objects.requireNonNull(window, "window");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (window.isNegative()) {
            throw new IllegalArgumentException("lodgement window must not be negative: " + window);
        }
    }

    public static LodgementWindow hongKong(Period window) {
        return new LodgementWindow(window, hk.seamless.config.HongKong.TIME_ZONE);
    }

    /** The day {@code now} falls on in the zone: all that the window's rules read of the time. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /** Whether {@code expectedDate} has passed (in the zone) at {@code now}: lodgement is closed for good. */
    public boolean isBeforeToday(LocalDate expectedDate, Instant now) {
        return today(now).isAfter(expectedDate);
    }

    /**
     * @return why a declaration for goods expected on {@code expectedDate} cannot be lodged
     *         at {@code now}, phrased to follow the field name (e.g. "expectedDate must be
     *         ..."); empty if it can be lodged. Lodgement is open from the start of
     *         (expected date minus window) to the end of the expected date, in the zone.
     */
    public Optional<String> violation(LocalDate expectedDate, Instant now) {
        LocalDate today = today(now);
        LocalDate earliest = expectedDate.minus(window);
        if (today.isBefore(earliest)) {
            return Optional.of(
                    "must be no more than " + describe(window) + " ahead (earliest lodgement " + earliest + ")");
        }
        if (today.isAfter(expectedDate)) {
            return Optional.of("is in the past: lodgement closes at the end of the expected date");
        }
        return Optional.empty();
    }

    /**
     * @return whether the expected date has passed by more than a day (today, in the zone, is
     *         after the day following the expected date). Lodgement closes at the end of the
     *         expected date, but the declaration stays live for one more day of grace, so
     *         that a lorry delayed past midnight at the boundary still finds it.
     */
    public boolean isExpired(LocalDate expectedDate, Instant now) {
        return LocalDate.ofInstant(now, zone).isAfter(expectedDate.plusDays(1));
    }

    /** The first instant at which {@link #isExpired} holds for this expected date. */
    public Instant expiresAt(LocalDate expectedDate) {
        return expectedDate.plusDays(2).atStartOfDay(zone).toInstant();
    }

    public Period window() {
        return window;
    }

    /** "14 days", "1 month", "1 year 2 months 3 days": the window as the trader should read it. */
    static String describe(Period period) {
        List<String> parts = new ArrayList<>(3);
        addPart(parts, period.getYears(), "year");
        addPart(parts, period.getMonths(), "month");
        addPart(parts, period.getDays(), "day");
        return parts.isEmpty() ? "0 days" : String.join(" ", parts);
    }

    private static void addPart(List<String> parts, int amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
