package hk.seamless.lane.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The resolver told how many expected vehicles look like a read ({@link
 * ExpectedVehicles#lookAlikesExpected}) answers exactly as it does probing every variant, and as
 * the rules say, over many random sets of expected vehicles and reads full of look-alikes; and it
 * skips the variants when none can be expected.
 */
class LookAlikeResolverIndexTest {

    /** Look-alikes of every pair, a letter and a digit without one, I-free as canonical marks are. */
    private static final char[] ALPHABET = {'B', '8', 'S', '5', 'Z', '2', 'G', '6', 'A', '1'};

    private final LookAlikeResolver resolver = new LookAlikeResolver();
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder scratch = new StringBuilder();

    /** Expected vehicles with the count worked out by comparing the read with each of them. */
    private record Expected(Set<String> marks, int[] probes) implements ExpectedVehicles {

        Expected(Set<String> marks) {
            this(marks, new int[1]);
        }

        @Override
        public boolean isExpected(CharSequence canonicalMark) {
            probes[0]++;
            return marks.contains(canonicalMark.toString());
        }

        @Override
        public int lookAlikesExpected(CharSequence canonicalMark) {
            return (int) marks.stream()
                    .filter(m -> LookAlikes.equalUnderLookAlikes(m, canonicalMark))
                    .count();
        }
    }

    /** The same vehicles, count unknown: every variant probed, as before the count existed. */
    private record Probing(Set<String> marks) implements ExpectedVehicles {
        @Override
        public boolean isExpected(CharSequence canonicalMark) {
            return marks.contains(canonicalMark.toString());
        }
    }

    private static String randomMark(Random random, int maxLength) {
        StringBuilder mark = new StringBuilder();
        int length = 1 + random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            mark.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return mark.toString();
    }

    /** A variant of {@code mark}: each look-alike character swapped for its partner or not. */
    private static String lookAlikeOf(Random random, String mark) {
        StringBuilder variant = new StringBuilder(mark);
        for (int i = 0; i < variant.length(); i++) {
            char partner = LookAlikes.partner(variant.charAt(i));
            if (partner != 0 && random.nextBoolean()) {
                variant.setCharAt(i, partner);
            }
        }
        return variant.toString();
    }

    /** The rules, read directly: the one expected vehicle the read can be, the read itself first. */
    private static String byTheRules(String read, Set<String> expected) {
        if (read.isEmpty()) {
            return "UNREADABLE ";
        }
        List<String> others = new ArrayList<>();
        for (String mark : expected) {
            if (!mark.equals(read) && LookAlikes.equalUnderLookAlikes(mark, read)) {
                others.add(mark);
            }
        }
        if (expected.contains(read)) {
            return (others.isEmpty() ? "EXACT " : "AMBIGUOUS ") + read;
        }
        return switch (others.size()) {
            case 0 -> "NOT_EXPECTED " + read;
            case 1 -> "RESOLVED " + others.get(0);
            default -> "AMBIGUOUS " + read;
        };
    }

    private String resolve(String read, ExpectedVehicles expected) {
        Resolution resolution = resolver.resolve(read, expected, out);
        return resolution + " " + out;
    }

    @Test
    void withTheCountEveryReadResolvesAsByEveryVariantAndAsTheRulesSay() {
        Random random = new Random(20261203);
        int resolvedOrAmbiguous = 0;
        for (int round = 0; round < 2_000; round++) {
            Set<String> marks = new HashSet<>();
            int size = random.nextInt(12);
            int maxLength = 2 + random.nextInt(PlateNormaliser.MAX_MARK_LENGTH - 1); // 10 + 100 marks at least
            while (marks.size() < size) {
                // Half look-alikes of one another, so that groups of two and three are common.
                marks.add(
                        marks.isEmpty() || random.nextBoolean()
                                ? randomMark(random, maxLength)
                                : lookAlikeOf(random, marks.iterator().next()));
            }
            for (int r = 0; r < 20; r++) {
                String read = marks.isEmpty() || random.nextInt(3) == 0
                        ? randomMark(random, maxLength)
                        : lookAlikeOf(random, List.copyOf(marks).get(random.nextInt(marks.size())));
                String indexed = resolve(read, new Expected(marks));
                assertEquals(resolve(read, new Probing(marks)), indexed, read + " against " + marks);
                assertEquals(byTheRules(read, marks), indexed, read + " against " + marks);
                if (indexed.startsWith("RESOLVED") || indexed.startsWith("AMBIGUOUS")) {
                    resolvedOrAmbiguous++;
                }
            }
        }
        // The sets must really exercise corrections and ambiguities, not only misses.
        assertEquals(true, resolvedOrAmbiguous > 5_000, "only " + resolvedOrAmbiguous + " look-alike outcomes");
    }

    @Test
    void withTheCountAWholeCameraReadResolvesAsByEveryVariant() {
        Random random = new Random(17);
        for (int round = 0; round < 3_000; round++) {
            Set<String> marks = new HashSet<>();
            int size = random.nextInt(8);
            while (marks.size() < size) {
                marks.add(
                        marks.isEmpty() || random.nextBoolean()
                                ? randomMark(random, 6)
                                : lookAlikeOf(random, marks.iterator().next()));
            }
            PlateRead read = new PlateRead();
            List<String> pool = new ArrayList<>(marks);
            pool.add(randomMark(random, 6));
            read.setPlate(lookAlikeOf(random, pool.get(random.nextInt(pool.size()))));
            read.setConfidence(90);
            int candidates = random.nextInt(PlateRead.MAX_CANDIDATES + 1);
            for (int c = 0; c < candidates; c++) {
                read.addCandidate(lookAlikeOf(random, pool.get(random.nextInt(pool.size()))), 80 - c);
            }
            Resolution probing = resolver.resolveCandidates(read, new Probing(marks), out, scratch);
            String expected = probing + " " + out;
            Resolution indexed = resolver.resolveCandidates(read, new Expected(marks), out, scratch);
            assertEquals(expected, indexed + " " + out, read + " against " + marks);
        }
    }

    @Test
    void anUnexpectedReadFullOfLookAlikesIsLookedUpOnceNotOnceAVariant() {
        Expected expected = new Expected(Set.of("AB1234", "CD5678"));

        assertEquals("NOT_EXPECTED 8BSZG65S", resolve("8BSZG65S", expected));
        assertEquals(1, expected.probes()[0], "the read itself only: no expected vehicle looks like it");

        expected.probes()[0] = 0;
        assertEquals("EXACT AB1234", resolve("AB1234", expected));
        assertEquals(1, expected.probes()[0], "an exact read with no look-alike twin expected");

        expected.probes()[0] = 0;
        assertEquals("RESOLVED AB1234", resolve("A81234", expected));
        assertEquals(4, expected.probes()[0], "a twin is expected: the read and its 3 variants (8 and 2 look alike)");
    }
}
