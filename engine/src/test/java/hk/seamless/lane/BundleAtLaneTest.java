package hk.seamless.lane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.access.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lane bundle's value: what is written reads back as text, exactly, and a typical one is small. */
class BundleAtLaneTest {

    private static final long EARLIEST = 1_764_126_000_000L; // 2025-11-26T03:00:00Z

    private static BundleAtLane read(String value) {
        BundleAtLane b = new BundleAtLane();
        b.raw.append("something longer left over from the last look-up, which must not show through");
        b.raw.setLength(0);
        b.raw.append(value);
        b.wrap();
        return b;
    }

    private static String text(java.util.function.Consumer<StringBuilder> reader) {
        StringBuilder into = new StringBuilder("stale");
        reader.accept(into);
        return into.toString();
    }

    private static List<String> ccrns(BundleAtLane b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.ccrnCount(); i++) {
            int index = i;
            out.add(text(into -> b.ccrn(index, into)));
        }
        return out;
    }

    private static void assertRoundTrip(
            String id, long earliest, boolean empty, List<String> hits, List<String> ccrns, String trucker) {
        BundleAtLane b = read(BundleAtLane.encode(id, earliest, empty, hits, ccrns, trucker));
        assertEquals(id, text(b::id));
        assertEquals(BundleAtLane.hash(id, 0, id.length()), b.idHash(), "the hash of the id's text");
        assertEquals(earliest, b.earliestCrossingMillis());
        assertEquals(empty, b.empty());
        assertEquals(ccrns, ccrns(b));
        assertEquals(trucker == null ? "" : trucker, text(b::trucker));
    }

    @Test
    void aTypicalBundleReadsBackExactly() {
        String id = Tokens.newId("B");
        String trucker = Tokens.newId("R");
        assertRoundTrip(id, EARLIEST, false, List.of(), List.of("2611111111111116", "2622222222222224"), trucker);
        assertRoundTrip(id, EARLIEST, true, List.of(), List.of(), trucker);
        assertRoundTrip(id, EARLIEST, false, List.of("WATCHLIST", "TARGETING"), List.of("0000000000000001"), trucker);
        assertRoundTrip(
                id,
                0,
                true,
                List.of("X"),
                List.of("9999999999999999", "0999999999999999", "2600000000000000"),
                trucker);
        assertRoundTrip(id, -1, false, List.of(), List.of("2611111111111116"), trucker);
    }

    @Test
    void idsAndCcrnsOfAnyOtherShapeReadBackAsThemselves() {
        assertRoundTrip("B1", EARLIEST, false, List.of(), List.of("2611111111111116", "2622222222222224"), "Atrucker");
        assertRoundTrip(
                "B3F2A9C1B7D5E4F6A8B9C0D1E", EARLIEST, false, List.of(), List.of("261111111111111"), "Abenchmark");
        assertRoundTrip("*odd", EARLIEST, false, List.of(), List.of("2611111111111116", "26222222222X2224"), "!odd");
        assertRoundTrip("#odd", Long.MAX_VALUE, false, List.of(), List.of("#2611111111111116"), "#");
        assertRoundTrip("B0", Long.MIN_VALUE, false, List.of(), List.of(), "");
    }

    @Test
    void noTruckerReadsAsEmpty() {
        assertRoundTrip(Tokens.newId("B"), EARLIEST, false, List.of(), List.of("2611111111111116"), null);
        String withTrucker =
                BundleAtLane.encode("B1", EARLIEST, false, List.of(), List.of("2611111111111116"), "Atrucker");
        String withoutLastField = withTrucker.substring(0, withTrucker.lastIndexOf(CompactValue.SEPARATOR));
        BundleAtLane b = read(withoutLastField);
        assertEquals("", text(b::trucker));
        assertEquals(List.of("2611111111111116"), ccrns(b));
        assertEquals(EARLIEST, b.earliestCrossingMillis());
    }

    @Test
    void aTypicalValueFitsChroniclesSmallerEntryWithTwoOrThreeCcrns() {
        // benchmarks/README.md "At scale": values up to 76 B cost ~106 B an entry at 10 million, from 80 B 138 B
        String two = BundleAtLane.encode(
                Tokens.newId("B"),
                System.currentTimeMillis(),
                false,
                List.of(),
                List.of("2611111111111116", "2622222222222224"),
                Tokens.newId("R"));
        String three = BundleAtLane.encode(
                Tokens.newId("B"),
                System.currentTimeMillis(),
                false,
                List.of(),
                List.of("2611111111111116", "2622222222222224", "2633333333333332"),
                Tokens.newId("R"));
        assertEquals(67, two.getBytes(StandardCharsets.UTF_8).length, two);
        assertEquals(76, three.getBytes(StandardCharsets.UTF_8).length, three);
        assertEquals(two.length(), two.getBytes(StandardCharsets.UTF_8).length, "ASCII only");
    }

    @Test
    void aValueIsRecognisedAsItsBundlesOnly() {
        String id = Tokens.newId("B");
        String value =
                BundleAtLane.encode(id, EARLIEST, false, List.of(), List.of("2611111111111116"), Tokens.newId("R"));
        assertTrue(BundleAtLane.isOf(value, id));
        assertFalse(BundleAtLane.isOf(value, Tokens.newId("B")));
        assertFalse(BundleAtLane.isOf(value, id.substring(0, 24)), "a prefix of the id");
        String fixed =
                BundleAtLane.encode("B3f2a9c1b7d5e4f6a8b9c0d1e", EARLIEST, false, List.of(), List.of(), "Atrucker");
        assertTrue(BundleAtLane.isOf(fixed, "B3f2a9c1b7d5e4f6a8b9c0d1e"));
        assertFalse(BundleAtLane.isOf(fixed, "B3F2A9C1B7D5E4F6A8B9C0D1E"), "the same digits uppercase");
        assertFalse(BundleAtLane.isOf(fixed, "C3f2a9c1b7d5e4f6a8b9c0d1e"), "another prefix letter");
        String literal = BundleAtLane.encode("B12", EARLIEST, false, List.of(), List.of(), "Atrucker");
        assertTrue(BundleAtLane.isOf(literal, "B12"));
        assertFalse(BundleAtLane.isOf(literal, "B1"));
    }

    @Test
    void copyFromReadsTheSameBundle() {
        String id = Tokens.newId("B");
        BundleAtLane a =
                read(BundleAtLane.encode(id, EARLIEST, true, List.of(), List.of("2611111111111116"), "Atrucker"));
        BundleAtLane b = read(BundleAtLane.encode("B2", 5, false, List.of(), List.of(), "x"));
        b.copyFrom(a);
        assertEquals(id, text(b::id));
        assertEquals(a.idHash(), b.idHash());
        assertEquals(List.of("2611111111111116"), ccrns(b));
        assertTrue(b.empty());
    }
}
