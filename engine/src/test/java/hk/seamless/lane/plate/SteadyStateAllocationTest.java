package hk.seamless.lane.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-read path (copy into a ring slot, normalise, resolve look-alikes, fall back to
 * candidates) must not allocate once warm. Counted with the JVM's per-thread allocation
 * counter: deterministic, not a timing test.
 */
class SteadyStateAllocationTest {

    private static final int CALLS = 100_000;

    @Test
    void perReadPathDoesNotAllocate() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "JVM cannot count allocations");
        threads.setThreadAllocatedMemoryEnabled(true);

        PlateRead[] reads = {
            LookAlikeResolverTest.read("ab 1234", "AB1234", "A81234"), // EXACT
            LookAlikeResolverTest.read("A8-I234", "A81234"), // RESOLVED (I mapped, 8 -> B)
            LookAlikeResolverTest.read("5T123"), // RESOLVED
            LookAlikeResolverTest.read("CD5678", "CD5678"), // AMBIGUOUS
            LookAlikeResolverTest.read("HK1234", "HK1234", "HK7234", "HK1Z34"), // candidate fallback
            LookAlikeResolverTest.read("粤Z·A123港", "粤Z·A123港", "FU123"), // Guangdong plate
            LookAlikeResolverTest.read("SB8S5Z2G", "SB8S5Z2G"), // 256 variants
            LookAlikeResolverTest.read("XY9999", "XY9999"), // NOT_EXPECTED
            new PlateRead(), // UNREADABLE
        };
        ExpectedVehicles expected = new ArraySet("AB1234", "ST123", "CD5678", "CD567B", "HK7234", "FU123", "AA1");
        PlateRead slot = new PlateRead();
        LookAlikeResolver resolver = new LookAlikeResolver();
        StringBuilder canonical = new StringBuilder(16);
        StringBuilder out = new StringBuilder(16);
        StringBuilder scratch = new StringBuilder(16);
        int[] seen = new int[Resolution.values().length];
        Resolution[] resolutions = Resolution.values();

        // Warm-up: let the JIT compile everything the loop uses, and any lazy JDK tables fill.
        long sink = run(reads, expected, slot, resolver, canonical, out, scratch, seen, 300_000);
        threads.getCurrentThreadAllocatedBytes(); // load whatever the counter itself needs
        java.util.Arrays.fill(seen, 0);

        long before = threads.getCurrentThreadAllocatedBytes();
        sink += run(reads, expected, slot, resolver, canonical, out, scratch, seen, CALLS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertTrue(allocated < CALLS, "allocated " + allocated + " bytes over " + CALLS + " reads (sink " + sink + ")");
        for (Resolution resolution : resolutions) {
            assertTrue(seen[resolution.ordinal()] > 0, "the loop exercises " + resolution);
        }
        assertEquals(CALLS, java.util.Arrays.stream(seen).sum());
    }

    private static long run(
            PlateRead[] reads,
            ExpectedVehicles expected,
            PlateRead slot,
            LookAlikeResolver resolver,
            StringBuilder canonical,
            StringBuilder out,
            StringBuilder scratch,
            int[] seen,
            int calls) {
        long sink = 0;
        for (int i = 0; i < calls; i++) {
            slot.copyFrom(reads[i % reads.length]);
            if (PlateNormaliser.normalise(slot.plate(), canonical)) {
                sink += resolver.resolve(canonical, expected, out).ordinal();
            }
            Resolution resolution = resolver.resolveCandidates(slot, expected, out, scratch);
            seen[resolution.ordinal()]++;
            sink += out.length();
        }
        return sink;
    }

    /** An allocation-free stand-in for the pipeline's off-heap look-up. */
    private static final class ArraySet implements ExpectedVehicles {
        private final String[] marks;
        private final int[] hashes;

        ArraySet(String... marks) {
            this.marks = marks;
            this.hashes = new int[marks.length];
            for (int i = 0; i < marks.length; i++) {
                hashes[i] = hash(marks[i]);
            }
        }

        @Override
        public boolean isExpected(CharSequence canonicalMark) {
            int hash = hash(canonicalMark);
            for (int i = 0; i < marks.length; i++) {
                if (hashes[i] == hash && marks[i].contentEquals(canonicalMark)) {
                    return true;
                }
            }
            return false;
        }

        private static int hash(CharSequence text) {
            int hash = 0;
            for (int i = 0; i < text.length(); i++) {
                hash = 31 * hash + text.charAt(i);
            }
            return hash;
        }
    }
}
