package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The plate documents' confidences: the looked-up text is the one {@code String.format} writes. */
class OneDecimalTest {

    private static void assertSameAsFormat(double value) {
        assertEquals(String.format(Locale.ROOT, "%.1f", value), LaneMessages.oneDecimal(value), "for " + value);
    }

    @Test
    void everyTenthAsTheSimulatorDrawsThem() {
        for (int k = 0; k <= 1000; k++) {
            assertSameAsFormat(k / 10.0);
            assertSameAsFormat(86 + k / 10.0 % 12); // confident reads
            assertSameAsFormat(35 + k / 10.0 % 25); // low-confidence reads
            assertSameAsFormat(85 + k / 10.0 % 10); // misreads
        }
    }

    @Test
    void anyOtherValueAsFormatWritesIt() {
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 100_000; i++) {
            double drawn = 35 + random.nextInt(650) / 10.0;
            assertSameAsFormat(drawn * 0.8); // a candidate variant's confidence
            assertSameAsFormat(random.nextDouble() * 100);
        }
        // Halves and values just either side of a tenth: HALF_UP on the shortest decimal, as Formatter does.
        for (double edge : new double[] {
            0.05, 0.15, 0.25, 86.25, 99.95, 100.0, 100.04, 100.05, 150.0, -0.04, 87.19999999999999, 87.20000000000002
        }) {
            assertSameAsFormat(edge);
        }
    }
}
