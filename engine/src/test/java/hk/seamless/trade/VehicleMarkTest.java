package hk.seamless.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.rules.FieldError;
import hk.seamless.rules.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VehicleMarkTest {

    private static String reasonFor(String raw) {
        var e = assertThrows(
                InvalidInputException.class, () -> VehicleMark.parse(raw), () -> "'" + raw + "' should be refused");
        assertEquals(1, e.errors().size());
        assertEquals("registrationMark", e.errors().get(0).field());
        return e.errors().get(0).message();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // typed     | value  | display
                "AB1         | AB1    | AB1",
                "AB1234      | AB1234 | AB1234",
                "ab 1234     | AB1234 | AB 1234",
                "ab-1234     | AB1234 | AB 1234",
                "'  AB 12  ' | AB12   | AB 12",
                "FU1234      | FU1234 | FU1234",
                "FV 88       | FV88   | FV 88",
                "DW123       | DW123  | DW123",
                "ew 9999     | EW9999 | EW 9999",
                "A B1234     | AB1234 | AB 1234",
            })
    void validOrdinaryMarks(String typed, String value, String display) {
        VehicleMark mark = VehicleMark.parse(typed);

        assertTrue(mark.isOrdinary(), typed);
        assertEquals(value, mark.value());
        assertEquals(display, mark.display());
        assertEquals(value, mark.toString());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SEAMLESS  | SEAMLESS | SEAMLESS",
                "glad day  | GLADDAY  | GLAD DAY", // 8 characters counting the space
                "1 LUV U   | 1LUVU    | 1 LUV U",
                "ABC123    | ABC123   | ABC123",
                "88 WW     | 88WW     | 88 WW",
                "M         | M        | M",
                "A-B-C-D   | ABCD     | A B C D",
            })
    void validPersonalisedMarks(String typed, String value, String display) {
        VehicleMark mark = VehicleMark.parse(typed);

        assertFalse(mark.isOrdinary(), typed);
        assertEquals(value, mark.value());
        assertEquals(display, mark.display());
    }

    @Test
    void hk1997IsValidButHasTheOrdinaryShape() {
        // Syntax alone cannot tell a personalised "HK 1997" from a traditional mark.
        VehicleMark mark = VehicleMark.parse("HK 1997");

        assertEquals("HK1997", mark.value());
        assertEquals("HK 1997", mark.display());
        assertTrue(mark.isOrdinary());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "A1        | an ordinary mark has two letters before the number (e.g. AB 1234)",
                "AB0123    | the number of an ordinary mark must not start with 0",
                "AB 0      | the number of an ordinary mark must not start with 0",
                "AB12345   | an ordinary mark has at most 4 digits after the letters",
                "IO12      | letters I, O and Q are never used in Hong Kong registration marks",
                "IO123     | letters I, O and Q are never used in Hong Kong registration marks",
                "AQ12      | letters I, O and Q are never used in Hong Kong registration marks",
                "OB1       | letters I, O and Q are never used in Hong Kong registration marks",
                "BIG BOSS  | letters I, O and Q are never used in Hong Kong registration marks",
                "'AB  12'  | must not contain two spaces or hyphens in a row",
                "AB--12    | must not contain two spaces or hyphens in a row",
                "AB -12    | must not contain two spaces or hyphens in a row",
                "-AB12     | must not start or end with a hyphen",
                "SEAMLESSX | must be at most 8 characters counting spaces (got 9)",
                "BEST MATE | must be at most 8 characters counting spaces (got 9)",
                "1234      | must contain at least one letter",
                "AB.123    | may contain only letters A to Z, digits 0 to 9 and spaces (found '.')",
                "AB_123    | may contain only letters A to Z, digits 0 to 9 and spaces (found '_')",
                "AB#1      | may contain only letters A to Z, digits 0 to 9 and spaces (found '#')",
            })
    void invalidMarksSayWhy(String typed, String reason) {
        assertEquals(reason, reasonFor(typed));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00a0"})
    void missingMarkIsRequired(String typed) {
        assertEquals("is required", reasonFor(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u7ca4Z\u00b7A123\u6e2f", "\u7ca4ZA123\u6e2f", "\u6fb3MA12"})
    void mainlandAndMacauPlatesAreNotHongKongMarks(String typed) {
        String reason = reasonFor(typed);

        assertTrue(reason.startsWith("contains Chinese characters"), reason);
        assertTrue(reason.contains("not a Hong Kong registration mark"), reason);
    }

    @Test
    void fullWidthLettersAreRefusedWithTheOffendingCharacter() {
        assertEquals(
                "may contain only letters A to Z, digits 0 to 9 and spaces (found '\uff21')",
                reasonFor("\uff21\uff22123"));
    }

    @Test
    void controlCharactersAreShownAsCodePoints() {
        assertEquals(
                "may contain only letters A to Z, digits 0 to 9 and spaces (found U+0000)", reasonFor("AB\u00001"));
    }

    @Test
    void errorsNameTheGivenField() {
        var e = assertThrows(InvalidInputException.class, () -> VehicleMark.parse("A1", "vehicleMark"));

        assertEquals(
                List.of(new FieldError(
                        "vehicleMark",
                        FieldError.VEHICLE_MARK,
                        "an ordinary mark has two letters before the number (e.g. AB 1234)")),
                e.errors());
    }

    @Test
    void equalityIgnoresCaseSpacesAndHyphens() {
        VehicleMark typed = VehicleMark.parse("ab-1234");

        assertEquals(VehicleMark.parse("AB 1234"), typed);
        assertEquals(VehicleMark.parse("AB1234"), typed);
        assertEquals(VehicleMark.parse("AB 1234").hashCode(), typed.hashCode());
        assertEquals(VehicleMark.parse("GLADDAY"), VehicleMark.parse("glad-day"));
        assertNotEquals(VehicleMark.parse("AB 1235"), typed);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "ab-1234     | AB1234",
                "' Ab 12 34' | AB1234",
                "NULL        | ''",
                "''          | ''",
                "io-12       | IO12",
            })
    void canonicalFormIsTheLookupKey(String raw, String expected) {
        assertEquals(expected, VehicleMark.canonical(raw));
    }
}
