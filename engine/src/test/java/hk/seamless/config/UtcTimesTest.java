package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Instants written by hand are, character for character, what {@link Instant#toString()} writes. */
class UtcTimesTest {

    private final Random random = new Random(20261204);

    @Test
    void instantsAreWrittenAsInstantWritesThem() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.EPOCH,
                Instant.MIN,
                Instant.MAX,
                Instant.parse("1969-12-31T23:59:59.999999999Z"),
                Instant.parse("1970-01-01T00:00:00.000000001Z"),
                Instant.parse("2026-12-02T16:01:57.875670781Z"),
                Instant.parse("2026-12-02T16:01:57.875670Z"),
                Instant.parse("2026-12-02T16:01:57.800Z"),
                Instant.parse("2026-12-02T16:01:57.000001Z"),
                Instant.parse("2024-02-29T23:59:59Z"),
                Instant.parse("2100-02-28T23:59:59.5Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1)));
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(-62_167_219_200L - 86_400L, 253_402_300_800L + 86_400L);
            instants.add(Instant.ofEpochSecond(second, random.nextInt(1_000_000_000)));
            instants.add(Instant.ofEpochSecond(second, random.nextInt(1_000) * 1_000_000));
            instants.add(Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1_000));
        }
        for (Instant at : instants) {
            assertEquals(at.toString(), UtcTimes.format(at));
        }
    }
}
