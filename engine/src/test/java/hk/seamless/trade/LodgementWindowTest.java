package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LodgementWindowTest {

    private static final LocalDate EXPECTED = LocalDate.of(2026, 12, 1);
    private static final LodgementWindow FORTNIGHT = LodgementWindow.hongKong(Period.ofDays(14));
    private static final String TOO_EARLY = "must be no more than 14 days ahead (earliest lodgement 2026-11-17)";
    private static final String PAST = "is in the past: lodgement closes at the end of the expected date";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "OPEN",
            value = {
                // now (UTC)             | Hong Kong time          | violation
                "2026-11-16T15:59:59Z    | 16 Nov 23:59:59         | " + TOO_EARLY,
                "2026-11-16T16:00:00Z    | 17 Nov 00:00:00         | OPEN",
                "2026-11-17T06:00:00Z    | 17 Nov 14:00            | OPEN",
                "2026-12-01T00:00:00Z    | 1 Dec 08:00             | OPEN",
                "2026-12-01T15:59:59Z    | 1 Dec 23:59:59          | OPEN",
                "2026-12-01T16:00:00Z    | 2 Dec 00:00:00          | " + PAST,
                "2027-03-01T00:00:00Z    | months later            | " + PAST,
                "2025-01-01T00:00:00Z    | a year early            | " + TOO_EARLY,
            })
    void windowEdgesFollowTheHongKongCalendar(String now, String hongKongTime, String violation) {
        assertEquals(Optional.ofNullable(violation), FORTNIGHT.violation(EXPECTED, Instant.parse(now)), hongKongTime);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-12-01T16:00:00Z | false", // HK 2 Dec 00:00: past, but within the day of grace
                "2026-12-02T15:59:59Z | false", // HK 2 Dec 23:59:59
                "2026-12-02T16:00:00Z | true", // HK 3 Dec 00:00
                "2026-11-20T00:00:00Z | false",
            })
    void expiryIsMoreThanADayAfterTheExpectedDateInHongKong(String now, boolean expired) {
        assertEquals(expired, FORTNIGHT.isExpired(EXPECTED, Instant.parse(now)));
    }

    @Test
    void messageUsesTheActualWindow() {
        var month = LodgementWindow.hongKong(Period.ofMonths(1));

        assertEquals(
                Optional.of("must be no more than 1 month ahead (earliest lodgement 2026-11-01)"),
                month.violation(EXPECTED, Instant.parse("2026-10-31T15:59:59Z")));
        assertEquals(Optional.empty(), month.violation(EXPECTED, Instant.parse("2026-10-31T16:00:00Z")));
        assertEquals("1 year 2 months 3 days", LodgementWindow.describe(Period.of(1, 2, 3)));
        assertEquals("1 day", LodgementWindow.describe(Period.ofDays(1)));
        assertEquals("0 days", LodgementWindow.describe(Period.ZERO));
    }

    @Test
    void zoneDecidesWhatTodayIs() {
        var utc = new LodgementWindow(Period.ofDays(14), ZoneId.of("UTC"));

        // The same instant is 16 Nov in UTC but 17 Nov in Hong Kong.
        Instant instant = Instant.parse("2026-11-16T20:00:00Z");
        assertEquals(Optional.of(TOO_EARLY), utc.violation(EXPECTED, instant));
        assertEquals(Optional.empty(), FORTNIGHT.violation(EXPECTED, instant));
    }

    @Test
    void zeroWindowMeansSameDayOnly() {
        var sameDay = LodgementWindow.hongKong(Period.ZERO);

        assertEquals(Optional.empty(), sameDay.violation(EXPECTED, Instant.parse("2026-11-30T16:00:00Z")));
        assertEquals(
                Optional.of("must be no more than 0 days ahead (earliest lodgement 2026-12-01)"),
                sameDay.violation(EXPECTED, Instant.parse("2026-11-30T15:59:59Z")));
    }

    @Test
    void refusesANegativeWindow() {
        assertThrows(IllegalArgumentException.class, () -> LodgementWindow.hongKong(Period.ofDays(-1)));
        assertEquals(Period.ofDays(14), FORTNIGHT.window());
    }
}
