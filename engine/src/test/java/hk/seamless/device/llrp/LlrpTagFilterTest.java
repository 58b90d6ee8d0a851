package hk.seamless.device.llrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.LlrpReaderSetting;
import hk.seamless.device.DeviceMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reader's reports, thinned to what a lane can have: repeats of one tag and floods do not reach the pipeline. */
class LlrpTagFilterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LlrpTagFilter filter = new LlrpTagFilter(
            new LlrpReaderSetting("h", 5084, Set.of(1), -70), "T-1", new DeviceMetrics(registry, "T-1", "reader"));

    private double counted(String kind) {
        return registry.counter("seamless_reader_tags", "lane", "T-1", "device", "reader", "kind", kind)
                .count();
    }

    @Test
    void theSameTagAgainWithinASecondIsARepeat() {
        long t = 5_000_000_000L;
        assertTrue(filter.passes("E2000000000000000000AAAA", t));
        assertFalse(filter.passes("E2000000000000000000AAAA", t + 999_000_000L));
        assertTrue(filter.passes("E2000000000000000000BBBB", t + 999_500_000L), "another truck's tag");
        assertTrue(
                filter.passes("E2000000000000000000AAAA", t + 2_100_000_000L), "the first tag, later, is read again");
        assertEquals(1, counted("repeat"));
    }

    @Test
    void aFloodIsCutAtTheLanesRateAndCounted() {
        long t = -7_000_000_000L; // nanoTime may be negative
        int passed = 0;
        for (int i = 0; i < 500; i++) {
            if (filter.passes(String.format("E200000000000000%08X", i), t + i * 1_000L)) {
                passed++;
            }
        }
        assertEquals(LlrpTagFilter.READS_PER_SECOND, passed);
        assertEquals(500 - LlrpTagFilter.READS_PER_SECOND, counted("flood"));
        assertTrue(filter.passes("E2000000000000000000CCCC", t + 1_000_000_000L), "the next second starts afresh");
    }

    @Test
    void otherAntennasWeakReadsAndBadEpcsAreNotTheLanes() {
        assertFalse(filter.isLaneRead(new TagReport("E2000000000000000000DDDD", 2, -40, 0)));
        assertFalse(filter.isLaneRead(new TagReport("E2000000000000000000DDDD", 1, -71, 0)));
        assertFalse(filter.isLaneRead(new TagReport("E200", 1, -40, 0)));
        assertTrue(filter.isLaneRead(new TagReport("E2000000000000000000DDDD", 1, -70, 0)));
        assertEquals(1, counted("other_antenna"));
        assertEquals(1, counted("below_rssi_floor"));
    }
}
