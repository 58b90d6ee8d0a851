package hk.seamless.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge, the filters and the paging of the audit trail, over logs held in memory. */
class AuditTrailTest {

    private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

    /** A log in memory: entry i has sequence i + 1, written at the given minute. */
    private record MemoryLog(String name, List<LoggedEntry> entries) implements AuditSource {
        @Override
        public Iterator<LoggedEntry> newestFirst(long beforeSequence, long toMillis) {
            List<LoggedEntry> newest = new ArrayList<>();
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).sequence() < beforeSequence) {
                    newest.add(entries.get(i));
                }
            }
            return newest.iterator();
        }

        @Override
        public List<AuditEntry> describe(LoggedEntry e) {
            return List.of(new AuditEntry(
                    name,
                    e.sequence(),
                    Instant.ofEpochMilli(e.atMillis()),
                    "who",
                    null,
                    new String(e.payload(), StandardCharsets.UTF_8),
                    "",
                    ""));
        }

        @Override
        public void close() {}
    }

    private static MemoryLog log(String name, int[] minutes, String... payloads) {
        List<LoggedEntry> entries = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            entries.add(
                    new LoggedEntry(i + 1, T0 + minutes[i] * 60_000L, payloads[i].getBytes(StandardCharsets.UTF_8)));
        }
        return new MemoryLog(name, entries);
    }

    private final MemoryLog registry = log(
            "registry",
            new int[] {1, 3, 5, 7},
            "{\"subject\":\"CCRN-A\"}",
            "{\"value\":\"{\\\"ccrns\\\":[\\\"CCRN-A\\\"],\\\"id\\\":\\\"B1\\\"}\"}",
            "{\"subject\":\"CCRN-B\"}",
            "{\"subject\":\"B1\"}");
    private final MemoryLog lane = log(
            "lane",
            new int[] {2, 6, 8},
            "{\"bundleId\":\"B1\",\"ccrns\":[\"CCRN-A\"]}",
            "{\"bundleId\":\"B2\"}",
            "{\"arrivalId\":\"A9\"}");
    private final AuditTrail trail = new AuditTrail(() -> List.of(registry, lane), 1_000);

    private static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }

    private static List<String> actions(AuditPage page) {
        return page.entries().stream().map(e -> e.log() + e.sequence()).toList();
    }

    @Test
    void bothLogsAreMergedNewestFirst() {
        AuditPage page = trail.query(none(), AuditCursor.start(), 10);
        assertEquals(
                List.of("lane3", "registry4", "lane2", "registry3", "registry2", "lane1", "registry1"), actions(page));
        assertNull(page.next(), "everything was read");
    }

    @Test
    void aRecordIsFoundAsAJsonStringAndInsideARecordWritten() {
        AuditFilter ccrnA = new AuditFilter("CCRN-A", null, null, null, null, null, null, null);
        assertEquals(List.of("registry2", "lane1", "registry1"), actions(trail.query(ccrnA, AuditCursor.start(), 10)));
        AuditFilter bundle = new AuditFilter(null, "B1", null, null, null, null, null, null);
        assertEquals(List.of("registry4", "registry2", "lane1"), actions(trail.query(bundle, AuditCursor.start(), 10)));
    }

    @Test
    void filtersCombineAndAPartOfATokenIsNoMatch() {
        AuditFilter both = new AuditFilter("CCRN-A", "B1", null, null, null, null, null, null);
        assertEquals(List.of("registry2", "lane1"), actions(trail.query(both, AuditCursor.start(), 10)));
        AuditFilter prefix = new AuditFilter("CCRN", null, null, null, null, null, null, null);
        assertTrue(trail.query(prefix, AuditCursor.start(), 10).entries().isEmpty());
    }

    @Test
    void aTimeRangeKeepsFromAndStopsBeforeTo() {
        AuditFilter range = new AuditFilter(
                null,
                null,
                null,
                null,
                null,
                null,
                Instant.ofEpochMilli(T0 + 3 * 60_000L),
                Instant.ofEpochMilli(T0 + 7 * 60_000L));
        assertEquals(List.of("lane2", "registry3", "registry2"), actions(trail.query(range, AuditCursor.start(), 10)));
    }

    @Test
    void pagesFollowEachOtherWithoutLossOrRepeat() {
        List<String> seen = new ArrayList<>();
        AuditCursor cursor = AuditCursor.start();
        int pages = 0;
        do {
            AuditPage page = trail.query(none(), cursor, 2);
            seen.addAll(actions(page));
            cursor = page.next();
            pages++;
            assertTrue(pages < 10, "paging must end");
        } while (cursor != null);
        assertEquals(List.of("lane3", "registry4", "lane2", "registry3", "registry2", "lane1", "registry1"), seen);
    }

    @Test
    void aPageThatRunsOutOfItsScanBudgetGivesACursorToGoOn() {
        AuditTrail tight = new AuditTrail(() -> List.of(registry, lane), 2);
        AuditFilter rare = new AuditFilter(null, null, null, null, null, null, null, null);
        AuditPage first = tight.query(
                new AuditFilter("CCRN-A", null, null, null, null, null, null, null), AuditCursor.start(), 10);
        assertNotNull(first.next(), "budget spent before the logs' start");
        List<String> seen = new ArrayList<>(actions(first));
        AuditCursor cursor = first.next();
        while (cursor != null) {
            AuditPage page =
                    tight.query(new AuditFilter("CCRN-A", null, null, null, null, null, null, null), cursor, 10);
            seen.addAll(actions(page));
            cursor = page.next();
        }
        assertEquals(List.of("registry2", "lane1", "registry1"), seen);
        // Two entries read: both logs' newest. Only the newer is sure to come first; the other log's next
        // line is not known yet, so the page ends there.
        assertEquals(List.of("lane3"), actions(tight.query(rare, AuditCursor.start(), 10)));
    }

    @Test
    void aCursorRoundTripsAndAForgedOneIsRefused() {
        AuditCursor cursor = new AuditCursor(java.util.Map.of("registry", 12L, "lane", 0L));
        assertEquals(cursor, AuditCursor.parse(cursor.toString()));
        assertThrows(IllegalArgumentException.class, () -> AuditCursor.parse("registry.x"));
        assertThrows(IllegalArgumentException.class, () -> AuditCursor.parse("registry.1-registry.2"));
    }
}
