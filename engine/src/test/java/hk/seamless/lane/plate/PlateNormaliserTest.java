package hk.seamless.lane.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNormaliserTest {

    private final StringBuilder out = new StringBuilder();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            AB1234|AB1234
            ab 1234|AB1234
            AB-1234|AB1234
            ' AB  1234 '|AB1234
            A.B.1234|AB1234
            AB\u00a01234|AB1234
            AB\u20131234|AB1234
            AB·1234|AB1234
            fu 123|FU123
            IO12|1012
            OB1234|0B1234
            QA1|0A1
            io q|100
            A8 l234|A8L234
            BIG BOSS|B1GB0SS
            SUPERMAN|SUPERMAN
            12345678|12345678
            """)
    void mapsToTheCanonicalMark(String raw, String canonical) {
        assertTrue(PlateNormaliser.normalise(raw, out), raw);
        assertEquals(canonical, out.toString());
    }

    @ParameterizedTest(name = "\"{0}\" is not a HK mark")
    @ValueSource(
            strings = {
                "粤Z·A123港", // Guangdong cross-boundary plate
                "粤B12345", // ordinary Guangdong plate
                "粤Z A123港",
                "AB1234港", // Hong Kong plate with a stray suffix: still not trustworthy
                "澳MA1234",
                "Z·A123", // mainland shape with the province character dropped
                "z・A123", // katakana middle dot, as CJK input methods type it
                "",
                "   ",
                "- . -",
                "ABCDEFGHJ", // nine characters
                "AB 1234 5678",
                "AB_1234",
                "AB/1234",
                "ÄB1234",
                "ＡＢ１２３４" // full-width forms
            })
    void refusesWhatCannotBeAHongKongMark(String raw) {
        out.append("previous");
        assertFalse(PlateNormaliser.normalise(raw, out));
        assertEquals("", out.toString(), "left empty so that nothing uses it");
    }

    @Test
    void nullIsNotAMark() {
        assertFalse(PlateNormaliser.normalise(null, out));
    }

    @Test
    void eightCharactersAreAllowedWhateverTheSpacing() {
        assertTrue(PlateNormaliser.normalise("A B C D E F G H", out));
        assertEquals("ABCDEFGH", out.toString());
    }

    @Test
    void findsHanCharacters() {
        assertTrue(PlateNormaliser.hasHan("粤Z·A123港"));
        assertTrue(PlateNormaliser.hasHan("AB1234港"));
        assertTrue(PlateNormaliser.hasHan("\uD840\uDC00")); // U+20000, outside the BMP
        assertFalse(PlateNormaliser.hasHan("Z·A123"));
        assertFalse(PlateNormaliser.hasHan(""));
    }
}
