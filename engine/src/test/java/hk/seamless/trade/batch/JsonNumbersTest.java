package hk.seamless.trade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    @Test
    void integersAreLongs() {
        assertEquals(120L, JsonNumbers.parse("120"));
        assertEquals(0L, JsonNumbers.parse("0"));
        assertEquals(-7L, JsonNumbers.parse("-7"));
    }

    @Test
    void fractionsExponentsAndHugeIntegersAreDoubles() {
        assertEquals(40.5, JsonNumbers.parse("40.5"));
        assertEquals(120.0, JsonNumbers.parse("120.0"));
        assertEquals(18000.0, JsonNumbers.parse("1.8E+4"));
        assertEquals(1e20, JsonNumbers.parse("100000000000000000000"));
    }

    @Test
    void nonJsonNumbersAreRejected() {
        for (String s : new String[] {
            "", "-", "+5", ".5", "5.", "007", "1,000", "1e", "12 kg", "NaN", "Infinity", "0x10", "1e999", "١٢"
        }) {
            assertNull(JsonNumbers.parse(s), s);
        }
    }
}
