package hk.seamless.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.access.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedTextTest {

    private static String id(String text) {
        StringBuilder packed = new StringBuilder();
        PackedText.appendId(packed, text);
        StringBuilder back = new StringBuilder("left over"); // appended to, as the flyweight's readers clear first
        back.setLength(0);
        PackedText.appendIdText(packed, 0, packed.length(), back);
        assertEquals(text, back.toString(), "round trip of " + text + " via " + packed);
        return packed.toString();
    }

    private static String number(long n) {
        StringBuilder packed = new StringBuilder();
        PackedText.appendNumber(packed, n);
        assertEquals(n, PackedText.readNumber(packed, 0, packed.length()), "round trip of " + n + " via " + packed);
        return packed.toString();
    }

    @Test
    void aRegistryIdIsPackedToEighteenCharactersAndBack() {
        for (String prefix : List.of("B", "R", "A", "Z")) {
            for (int k = 0; k < 200; k++) {
                String packed = id(Tokens.newId(prefix));
                assertEquals(PackedText.PACKED_ID_LENGTH, packed.length(), packed);
                assertEquals(PackedText.ID_MARK, packed.charAt(0));
            }
        }
        assertEquals(18, id("B000000000000000000000000").length());
        assertEquals(18, id("Rffffffffffffffffffffffff").length());
        assertEquals(18, id("R3f2a9c1b7d5e4f6a8b9c0d1e").length());
    }

    @Test
    void textThatOnlyLooksLikeAnIdIsKeptAsItIs() {
        List<String> almost = List.of(
                "B3f2a9c1b7d5e4f6a8b9c0d1", // 23 hex digits
                "B3f2a9c1b7d5e4f6a8b9c0d1e0", // 25
                "B3F2A9C1B7D5E4F6A8B9C0D1E", // uppercase hex
                "BB3f2a9c1b7d5e4f6a8b9c0d1", // two-letter prefix
                "b3f2a9c1b7d5e4f6a8b9c0d1e", // lowercase prefix
                "B3f2a9c1b7d5e4f6a8b9c0d1g", // not hex at the end
                "1234567890abcdef123456789", // no letter
                "B1",
                "Atrucker",
                "x",
                "",
                "*B3f2a9c1b7d5e4f6a8b9",
                "!bang",
                "#hash",
                "**",
                "!",
                "é-ü,中");
        for (String text : almost) {
            String stored = id(text);
            boolean escaped = !text.isEmpty() && "*#!".indexOf(text.charAt(0)) >= 0;
            assertEquals(escaped ? "!" + text : text, stored, "literal " + text);
        }
    }

    @Test
    void numbersOfEveryRangeRoundTrip() {
        assertEquals("A", number(0));
        number(1);
        number(-1);
        number(63);
        number(64);
        long now = System.currentTimeMillis();
        assertEquals(7, number(now).length(), "epoch millis take 7 characters instead of 13");
        assertEquals(7, number(1_764_126_000_000L).length());
        number(253_402_300_799_999L); // 9999-12-31T23:59:59.999Z
        number(-62_135_596_800_000L); // year 1
        number(Long.MAX_VALUE);
        number(Long.MIN_VALUE);
        for (int shift = 0; shift < 64; shift++) {
            number(1L << shift);
            number(-(1L << shift));
            number((1L << shift) - 1);
        }
    }

    @Test
    void packedNumbersUseNeitherCommaNorSeparator() {
        StringBuilder all = new StringBuilder();
        for (int shift = 0; shift < 64; shift++) {
            PackedText.appendNumber(all, (1L << shift) - 1);
            PackedText.appendNumber(all, -(1L << shift));
        }
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            assertTrue(Character.isLetterOrDigit(c) || c == '-' || c == '_', "unexpected " + (int) c);
        }
    }

    private static List<String> ccrns(List<String> list, boolean packed) {
        StringBuilder field = new StringBuilder();
        PackedText.appendCcrns(field, list);
        assertEquals(packed, PackedText.isPackedCcrns(field, 0, field.length()), field.toString());
        // read back as the flyweight does
        String value = "B1" + CompactValue.SEPARATOR + "A" + CompactValue.SEPARATOR + "0" + CompactValue.SEPARATOR
                + field + CompactValue.SEPARATOR;
        BundleAtLane b = new BundleAtLane();
        b.raw.append(value);
        b.wrap();
        StringBuilder ccrn = new StringBuilder();
        List<String> back = new java.util.ArrayList<>();
        for (int i = 0; i < b.ccrnCount(); i++) {
            b.ccrn(i, ccrn);
            back.add(ccrn.toString());
        }
        if (packed) {
            assertEquals(1 + list.size() * PackedText.CCRN_CHUNK, field.length());
        }
        return back;
    }

    @Test
    void ccrnsOfSixteenDigitsArePackedNineCharactersEach() {
        List<String> all = List.of(
                "2611111111111116",
                "0000000000000000",
                "0000000000000001",
                "9999999999999999",
                "0999999999999990",
                "2600000000000000");
        assertEquals(all, ccrns(all, true));
        assertEquals(List.of("0000000000000007"), ccrns(List.of("0000000000000007"), true));
        assertEquals(
                List.of("9999999999999999", "9999999999999999", "9999999999999999"),
                ccrns(List.of("9999999999999999", "9999999999999999", "9999999999999999"), true));
    }

    @Test
    void aListWithOneCcrnThatIsNotSixteenDigitsIsKeptAsTheCommaList() {
        assertEquals(List.of("261111111111111"), ccrns(List.of("261111111111111"), false)); // 15 digits
        assertEquals(List.of("26111111111111160"), ccrns(List.of("26111111111111160"), false)); // 17
        List<String> oneOdd = List.of("2611111111111116", "26222222222X2224", "2633333333333333");
        assertEquals(oneOdd, ccrns(oneOdd, false));
        assertEquals(List.of("#2611111111111116"), ccrns(List.of("#2611111111111116"), false), "starts with the mark");
        assertEquals(List.of("!x", "y"), ccrns(List.of("!x", "y"), false));
        assertEquals(
                List.of("２６１１１１１１１１１１１１１６"),
                ccrns(List.of("２６１１１１１１１１１１１１１６"), false),
                "full-width digits are not ASCII digits");
        assertEquals(List.of(), ccrns(List.of(), false));
    }

    @Test
    void onlyAsciiDigitsMakeAPackableCcrn() {
        assertTrue(PackedText.isPackableCcrn("0123456789012345"));
        assertFalse(PackedText.isPackableCcrn("012345678901234a"));
        assertFalse(PackedText.isPackableCcrn("-123456789012345"));
        assertFalse(PackedText.isPackableCcrn("+123456789012345"));
    }
}
