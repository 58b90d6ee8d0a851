package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Times written by hand are, character for character, what the engine's time formatter writes. */
class HongKongTimesTest {

    private final Random random = new Random(20261203);

    @Test
    void hongKongTimesAreWrittenAsTheIsoFormatterWritesThem() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.parse("2026-11-17T02:00:00Z"),
                Instant.parse("2026-11-17T02:00:00.100Z"),
                Instant.parse("2026-11-17T02:00:00.120Z"),
                Instant.parse("2026-11-17T02:00:00.123Z"),
                Instant.parse("2026-11-17T02:00:00.003Z"),
                Instant.parse("2026-12-31T15:59:59.999Z"),
                Instant.parse("2028-02-29T16:00:00Z"),
                Instant.parse("2100-02-28T16:00:00Z"),
                Instant.parse("1979-12-31T15:59:59Z"),
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1941-12-25T00:00:00Z"),
                Instant.parse("2026-11-17T02:00:00.000000500Z"),
                Instant.parse("9999-12-31T15:59:59.999Z"),
                Instant.parse("9999-12-31T16:00:00Z")));
        for (int i = 0; i < 100_000; i++) {
            instants.add(Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L)));
            instants.add(Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000)));
        }
        for (Instant at : instants) {
            StringBuilder written = new StringBuilder();
            HongKongTimes.append(at, written);
            assertEquals(
                    HongKong.TIME_FORMAT.format(at.truncatedTo(ChronoUnit.MILLIS)), written.toString(), at.toString());
            assertEquals(written.toString(), HongKong.time(at));
            assertTrue(
                    written.toString().matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d\\d:\\d\\d"),
                    written.toString());
        }
    }
}
