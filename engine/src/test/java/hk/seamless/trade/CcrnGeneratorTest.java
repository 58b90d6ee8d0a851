package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CcrnGeneratorTest {

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** Returns a fixed value and remembers the bound asked for. */
    private static final class FixedRandom implements RandomGenerator {
        private final long value;
        long lastBound = -1;

        FixedRandom(long value) {
            this.value = value;
        }

        @Override
        public long nextLong() {
            throw new AssertionError("the generator should ask for a bounded long");
        }

        @Override
        public long nextLong(long bound) {
            lastBound = bound;
            return value;
        }
    }

    @Test
    void sixteenDigitsWithAValidCheckDigit() {
        var generator = new CcrnGenerator(new SecureRandom(), at("2026-06-15T04:00:00Z"));
        for (int i = 0; i < 1_000; i++) {
            Ccrn ccrn = generator.next();
            assertTrue(ccrn.value().matches("[0-9]{16}"), ccrn.value());
            assertTrue(Ccrn.isValid(ccrn.value()), ccrn.value());
            assertEquals(ccrn, Ccrn.parse(ccrn.grouped()));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // 16:30 UTC on 31 December is 00:30 on 1 January in Hong Kong (UTC+8).
        "2026-12-31T16:30:00Z, 27",
        "2026-12-31T15:59:59Z, 26",
        "2026-12-31T16:00:00Z, 27",
        "2099-12-31T16:00:00Z, 0",
        "2027-01-01T00:00:00Z, 27",
    })
    void yearIsTheHongKongYear(String now, int expectedYear) {
        Ccrn ccrn = new CcrnGenerator(new SecureRandom(), at(now)).next();

        assertEquals(expectedYear, ccrn.yearOfLodgement());
    }

    @Test
    void yearAtHongKongNewYearIsWrittenWithTwoDigits() {
        Ccrn ccrn = new CcrnGenerator(new SecureRandom(), at("2026-12-31T16:30:00Z")).next();

        assertTrue(ccrn.value().startsWith("27"), ccrn.value());
    }

    @Test
    void middleDigitsAreTheRandomDrawZeroPaddedOverTheWholeRange() {
        var low = new FixedRandom(0);
        var high = new FixedRandom(9_999_999_999_999L);

        Ccrn lowest = new CcrnGenerator(low, at("2026-03-01T00:00:00Z")).next();
        Ccrn highest = new CcrnGenerator(high, at("2026-03-01T00:00:00Z")).next();

        assertEquals(10_000_000_000_000L, low.lastBound);
        assertEquals("260000000000000" + Ccrn.checkDigit("260000000000000"), lowest.value());
        assertEquals("269999999999999" + Ccrn.checkDigit("269999999999999"), highest.value());
    }

    @Test
    void tenThousandAreDistinctAndNotSequential() {
        // Flaky only if two of 10,000 draws from 10^13 collide: about 5 in a million runs.
        var generator = new CcrnGenerator(new SecureRandom(), at("2026-06-15T04:00:00Z"));
        List<Long> serials = new ArrayList<>();
        Set<Ccrn> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            Ccrn ccrn = generator.next();
            seen.add(ccrn);
            serials.add(Long.parseLong(ccrn.value().substring(2, 15)));
        }

        assertEquals(10_000, seen.size());
        int closeToPrevious = 0;
        for (int i = 1; i < serials.size(); i++) {
            if (Math.abs(serials.get(i) - serials.get(i - 1)) <= 1_000) {
                closeToPrevious++;
            }
        }
        assertEquals(0, closeToPrevious, "consecutive CCRNs should not be near each other");
    }
}
