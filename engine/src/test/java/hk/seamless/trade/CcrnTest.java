package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CcrnTest {

    /**
     * A second, independent formulation of MOD 11,10 (the "running checksum" form used by
     * e.g. python-stdnum): a complete number is valid iff the running value after its last
     * digit is 1. Written differently on purpose, so a slip in the production code cannot be
     * mirrored here.
     */
    private static boolean referenceIsValid(String digits) {
        int check = 5;
        for (char c : digits.toCharArray()) {
            int carried = check == 0 ? 10 : check;
            check = ((carried * 2) % 11 + (c - '0')) % 10;
        }
        return check == 1;
    }

    /** Check digit 9 worked out independently of this code base (python-stdnum's mod_11_10). */
    private static final String VALID = "2612345678901239";

    @Test
    void publishedMod11TenVectors() {
        // Examples published with python-stdnum's iso7064.mod_11_10 module.
        assertEquals(3, Mod11Ten.checkDigit("79462"));
        assertEquals(5, Mod11Ten.checkDigit("00200667308"));
        assertTrue(Mod11Ten.isValid("794623"));
        assertFalse(Mod11Ten.isValid("794624"));
    }

    @ParameterizedTest
    @CsvSource({
        "261234567890123, 9",
        "000000000000000, 0",
        "999999999999999, 8",
        "270000000000000, 6",
        "050000000000000, 2",
    })
    void checkDigitOfKnownNumbers(String first15, int expected) {
        assertEquals(expected, Ccrn.checkDigit(first15));
        assertTrue(referenceIsValid(first15 + expected));
    }

    @Test
    void checkDigitAgreesWithTheIndependentFormulation() {
        var random = new SplittableRandom(20261201L);
        for (int n = 0; n < 5_000; n++) {
            String first15 = String.format("%015d", random.nextLong(1_000_000_000_000_000L));
            int digit = Ccrn.checkDigit(first15);
            for (int candidate = 0; candidate <= 9; candidate++) {
                assertEquals(
                        candidate == digit,
                        referenceIsValid(first15 + candidate),
                        first15 + " with check digit " + candidate);
            }
        }
    }

    @Test
    void checkDigitRefusesWrongLengthOrNonDigits() {
        assertThrows(IllegalArgumentException.class, () -> Ccrn.checkDigit("26123456789012"));
        assertThrows(IllegalArgumentException.class, () -> Ccrn.checkDigit("2612345678901234"));
        assertThrows(IllegalArgumentException.class, () -> Ccrn.checkDigit("26123456789012x"));
    }

    @Test
    void everySingleDigitErrorIsDetected() {
        var random = new SplittableRandom(7L);
        for (String valid : sampleValidCcrns(random, 500)) {
            for (int position = 0; position < 16; position++) {
                for (char replacement = '0'; replacement <= '9'; replacement++) {
                    if (replacement == valid.charAt(position)) {
                        continue;
                    }
                    String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    assertFalse(Ccrn.isValid(typo), typo + " (typo of " + valid + ") passed");
                }
            }
        }
    }

    @Test
    void adjacentTranspositionsAreAlmostAlwaysDetected() {
        var random = new SplittableRandom(11L);
        int swaps = 0;
        int undetected = 0;
        for (String valid : sampleValidCcrns(random, 20_000)) {
            for (int i = 0; i < 15; i++) {
                char a = valid.charAt(i);
                char b = valid.charAt(i + 1);
                if (a == b) {
                    continue;
                }
                String swapped = valid.substring(0, i) + b + a + valid.substring(i + 2);
                swaps++;
                if (Ccrn.isValid(swapped)) {
                    undetected++;
                }
            }
        }
        double detected = 1.0 - (double) undetected / swaps;
        System.out.printf(
                "MOD 11,10 detected %d of %d adjacent transpositions (%.3f%%)%n",
                swaps - undetected, swaps, 100 * detected);
        assertTrue(detected > 0.97, "only " + detected + " of transpositions detected");
    }

    @Test
    void isValidRequiresSixteenBareDigits() {
        assertTrue(Ccrn.isValid(VALID));
        assertFalse(Ccrn.isValid("2612 3456 7890 1239"));
        assertFalse(Ccrn.isValid("261234567890123"));
        assertFalse(Ccrn.isValid("26123456789012390"));
        assertFalse(Ccrn.isValid(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2612345678901239",
                "2612 3456 7890 1239",
                "2612-3456-7890-1239",
                "  2612 3456-7890 1239 ",
                "2612\u00a03456\u00a07890\u00a01239",
                "2612\u20133456\u20137890\u20131239",
            })
    void separatorsAreIgnored(String typed) {
        assertEquals(Ccrn.parse(VALID), Ccrn.parse(typed));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "\u00a0"})
    void missingNumberIsRequired(String typed) {
        var e = assertThrows(InvalidInputException.class, () -> Ccrn.parse(typed));
        assertEquals(List.of(new FieldError("ccrn", "is required")), e.errors());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "261234567890123",
                "26123456789012390",
                "2612 3456 7890 123A",
                "2612.3456.7890.1239",
                "\uff12\uff16\uff11\uff12345678901239",
                "-"
            })
    void wrongLengthOrNonDigits(String typed) {
        var e = assertThrows(InvalidInputException.class, () -> Ccrn.parse(typed));
        assertEquals(List.of(new FieldError("ccrn", FieldError.CCRN_FORMAT, "must be 16 digits")), e.errors());
    }

    @Test
    void wrongCheckDigitIsReportedAsAMistypeNotAsUnknown() {
        var e = assertThrows(InvalidInputException.class, () -> Ccrn.parse("2612 3456 7890 1233"));
        assertEquals(
                List.of(new FieldError(
                        "ccrn", FieldError.CCRN_CHECK_DIGIT, "check digit is wrong: the number was mistyped")),
                e.errors());
    }

    @Test
    void errorsNameTheGivenField() {
        var e = assertThrows(InvalidInputException.class, () -> Ccrn.parse("12", "ccrns[1]"));
        assertEquals("ccrns[1]", e.errors().get(0).field());
    }

    @Test
    void accessors() {
        Ccrn ccrn = Ccrn.parse("2612-3456-7890-1239");

        assertEquals(VALID, ccrn.value());
        assertEquals(VALID, ccrn.toString());
        assertEquals("2612 3456 7890 1239", ccrn.grouped());
        assertEquals(26, ccrn.yearOfLodgement());
        assertEquals(5, Ccrn.parse("0500 0000 0000 0002").yearOfLodgement());
    }

    @Test
    void equalityIsOnTheDigits() {
        assertEquals(Ccrn.parse(VALID), Ccrn.parse("2612 3456 7890 1239"));
        assertEquals(
                Ccrn.parse(VALID).hashCode(), Ccrn.parse("2612 3456 7890 1239").hashCode());
        assertNotEquals(Ccrn.parse(VALID), Ccrn.withCheckDigit("261234567890124"));
        assertNotEquals(Ccrn.parse(VALID), VALID);
    }

    private static List<String> sampleValidCcrns(SplittableRandom random, int count) {
        return random.longs(count, 0, 1_000_000_000_000_000L)
                .mapToObj(n -> Ccrn.withCheckDigit(String.format("%015d", n)).value())
                .toList();
    }
}
