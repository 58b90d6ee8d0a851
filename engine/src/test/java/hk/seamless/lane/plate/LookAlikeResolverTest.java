package hk.seamless.lane.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookAlikeResolverTest {

    private final LookAlikeResolver resolver = new LookAlikeResolver();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder scratch = new StringBuilder();

    /** Expected marks are separated by spaces; "-" is none. */
    @ParameterizedTest(name = "{0} with {1} -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            A81234 | AB1234        | RESOLVED     | AB1234
            AB1234 | AB1234        | EXACT        | AB1234
            AB1234 | AB1234 A81234 | AMBIGUOUS    | AB1234
            A81234 | AB1234 A81234 | AMBIGUOUS    | A81234
            5T123  | ST123         | RESOLVED     | ST123
            AB1234 | -             | NOT_EXPECTED | AB1234
            AB1234 | CD5678        | NOT_EXPECTED | AB1234
            8B2345 | BBZ345        | RESOLVED     | BBZ345
            8B2345 | BBZ345 B8234S | AMBIGUOUS    | 8B2345
            GG6666 | 66GGGG        | RESOLVED     | 66GGGG
            HK1    | HK1           | EXACT        | HK1
            HK1    | HK7           | NOT_EXPECTED | HK1
            SB8S5Z2G | 5B8SSZ26    | RESOLVED     | 5B8SSZ26
            SB8S5Z2G | 58BS5226    | RESOLVED     | 58BS5226
            """)
    void resolvesAgainstTheExpectedVehicles(String read, String expected, Resolution resolution, String mark) {
        assertEquals(resolution, resolver.resolve(read, set(expected), out));
        assertEquals(mark, out.toString());
    }

    @Test
    void anEmptyReadIsUnreadable() {
        assertEquals(Resolution.UNREADABLE, resolver.resolve("", set("AB1234"), out));
        assertEquals("", out.toString());
    }

    @Test
    void looksUpEveryVariantOnceAndNothingElse() {
        List<String> asked = new ArrayList<>();
        resolver.resolve(
                "B5Z6",
                mark -> {
                    asked.add(mark.toString());
                    return false;
                },
                out);

        assertEquals(16, asked.size());
        assertEquals(16, Set.copyOf(asked).size(), "no variant twice");
        assertTrue(asked.containsAll(List.of("B5Z6", "85Z6", "BSZ6", "B526", "B5ZG", "8S2G")), asked.toString());
    }

    @Test
    void mayWriteIntoItsOwnInput() {
        StringBuilder same = new StringBuilder("A81234");
        assertEquals(Resolution.RESOLVED, resolver.resolve(same, set("AB1234"), same));
        assertEquals("AB1234", same.toString());
    }

    @Test
    void theBestPlateDecidesWhenItReachesAnExpectedVehicle() {
        PlateRead read = read("A8 1234", "A81234", "AB1234", "CD5678");

        assertEquals(Resolution.RESOLVED, resolver.resolveCandidates(read, set("AB1234 CD5678"), out, scratch));
        assertEquals("AB1234", out.toString(), "CD5678, a mere candidate, is not consulted");
    }

    @Test
    void fallsBackToACandidate() {
        // 1 and 7 are no look-alike pair: only the ANPR's own candidate can get there.
        PlateRead read = read("HK1234", "HK1234", "HK7234", "HK1Z34");

        assertEquals(Resolution.RESOLVED, resolver.resolveCandidates(read, set("HK7234"), out, scratch));
        assertEquals("HK7234", out.toString());
    }

    @Test
    void candidatesReachingTheSameVehicleAgree() {
        PlateRead read = read("HK1234", "HK1234", "hk 7234", "HK7Z34");

        assertEquals(Resolution.RESOLVED, resolver.resolveCandidates(read, set("HK7234"), out, scratch));
        assertEquals("HK7234", out.toString());
    }

    @Test
    void candidatesReachingTwoVehiclesAreAmbiguous() {
        PlateRead read = read("HK1234", "HK1234", "HK7234", "HK1284");

        assertEquals(Resolution.AMBIGUOUS, resolver.resolveCandidates(read, set("HK7234 HK12B4"), out, scratch));
        assertEquals("HK1234", out.toString(), "the best read, for the officer");
    }

    @Test
    void anAmbiguousCandidateIsAmbiguous() {
        PlateRead read = read("HK1234", "HK7284");

        assertEquals(Resolution.AMBIGUOUS, resolver.resolveCandidates(read, set("HK7284 HK72B4"), out, scratch));
        assertEquals("HK1234", out.toString());
    }

    @Test
    void anAmbiguousBestPlateIsAmbiguous() {
        PlateRead read = read("AB1234", "CD5678");

        assertEquals(Resolution.AMBIGUOUS, resolver.resolveCandidates(read, set("AB1234 A81234 CD5678"), out, scratch));
        assertEquals("AB1234", out.toString());
    }

    @Test
    void nothingExpected() {
        PlateRead read = read("ab-1234", "AB1234", "A81234");

        assertEquals(Resolution.NOT_EXPECTED, resolver.resolveCandidates(read, set("-"), out, scratch));
        assertEquals("AB1234", out.toString());
    }

    @Test
    void aGuangdongBestPlateFallsBackToItsCandidates() {
        PlateRead read = read("粤Z·A123港", "粤Z·A123港", "FU123");

        assertEquals(Resolution.RESOLVED, resolver.resolveCandidates(read, set("FU123"), out, scratch));
        assertEquals("FU123", out.toString());
        assertEquals(Resolution.NOT_EXPECTED, resolver.resolveCandidates(read, set("-"), out, scratch));
        assertEquals("FU123", out.toString(), "the first usable text");
    }

    @Test
    void nothingUsableIsUnreadable() {
        PlateRead noPlate = new PlateRead();
        assertEquals(Resolution.UNREADABLE, resolver.resolveCandidates(noPlate, set("AB1234"), out, scratch));
        assertEquals("", out.toString());

        PlateRead guangdong = read("粤B12345", "粤B12345", "粤B1234S");
        assertEquals(Resolution.UNREADABLE, resolver.resolveCandidates(guangdong, set("AB1234"), out, scratch));
        assertEquals("", out.toString());
    }

    @Test
    void theBestPlateIsMappedBeforeResolving() {
        PlateRead read = read("ab-I234");

        assertEquals(Resolution.RESOLVED, resolver.resolveCandidates(read, set("A81234"), out, scratch));
        assertEquals("A81234", out.toString());
    }

    static PlateRead read(String plate, String... candidates) {
        PlateRead read = new PlateRead();
        read.setPlate(plate);
        read.setConfidence(90);
        for (int i = 0; i < candidates.length; i++) {
            read.addCandidate(candidates[i], 90 - i);
        }
        return read;
    }

    static ExpectedVehicles set(String marks) {
        Set<String> set = marks.equals("-") ? Set.of() : Set.of(marks.trim().split(" +"));
        return mark -> set.contains(mark.toString());
    }
}
