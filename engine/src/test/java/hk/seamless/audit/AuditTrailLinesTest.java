package hk.seamless.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Entries of many lines (a batch upload's one change of many lodgements): filtered and paged line by line. */
class AuditTrailLinesTest {

    private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

    /** Entry i (sequence i + 1, minute i) holds one line per subject, each line naming only its own. */
    private record BatchLog(List<List<String>> subjects) implements AuditSource {
        @Override
        public String name() {
            return "registry";
        }

        @Override
        public Iterator<LoggedEntry> newestFirst(long beforeSequence, long toMillis) {
            List<LoggedEntry> newest = new ArrayList<>();
            for (int i = subjects.size() - 1; i >= 0; i--) {
                if (i + 1 < beforeSequence) {
                    String all = String.join("\",\"", subjects.get(i));
                    newest.add(new LoggedEntry(
                            i + 1, T0 + i * 60_000L, ("[\"" + all + "\"]").getBytes(StandardCharsets.UTF_8)));
                }
            }
            return newest.iterator();
        }

        @Override
        public List<AuditEntry> describe(LoggedEntry entry) {
            return lines(entry).stream().map(AuditLine::entry).toList();
        }

        @Override
        public List<AuditLine> lines(LoggedEntry entry) {
            List<AuditLine> lines = new ArrayList<>();
            for (String subject : subjects.get((int) entry.sequence() - 1)) {
                lines.add(new AuditLine(
                        new AuditEntry(
                                "registry",
                                entry.sequence(),
                                Instant.ofEpochMilli(entry.atMillis()),
                                "who",
                                null,
                                "LODGED",
                                subject,
                                ""),
                        ("\"" + subject + "\"").getBytes(StandardCharsets.UTF_8)));
            }
            return lines;
        }

        @Override
        public void close() {}
    }

    private final BatchLog log =
            new BatchLog(List.of(List.of("C1"), List.of("C2", "C3", "C4", "C5", "C6"), List.of("C7")));
    private final AuditTrail trail = new AuditTrail(() -> List.of(log), 1_000);

    private static AuditFilter ccrn(String ccrn) {
        return new AuditFilter(ccrn, null, null, null, null, null, null, null);
    }

    private static List<String> subjects(AuditPage page) {
        return page.entries().stream().map(AuditEntry::subject).toList();
    }

    @Test
    void aFilterKeepsOnlyTheLinesOfAnEntryThatNameIt() {
        assertEquals(List.of("C4"), subjects(trail.query(ccrn("C4"), AuditCursor.start(), 10)));
    }

    @Test
    void pagesEndInsideAnEntryAndTheNextGoesOnAfterItsLastLine() {
        AuditFilter all = ccrn(null);
        List<String> seen = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        AuditCursor cursor = AuditCursor.start();
        do {
            AuditPage page = trail.query(all, cursor, 2);
            assertTrue(page.entries().size() <= 2, "at most the limit: " + subjects(page));
            seen.addAll(subjects(page));
            cursor = page.next() == null ? null : AuditCursor.parse(page.next().toString());
            cursors.add(String.valueOf(cursor));
            assertTrue(cursors.size() < 10, "paging ends");
        } while (cursor != null);
        assertEquals(List.of("C7", "C2", "C3", "C4", "C5", "C6", "C1"), seen);
        assertEquals(List.of("registry.2.1", "registry.2.3", "registry.2", "null"), cursors);
    }

    @Test
    void aCursorFromBeforePagesCouldEndInsideAnEntryReadsAsItDid() {
        AuditPage page = trail.query(ccrn(null), AuditCursor.parse("registry.2"), 10);
        assertEquals(List.of("C1"), subjects(page));
        assertNull(page.next());
        assertEquals(
                List.of("C5", "C6", "C1"), subjects(trail.query(ccrn(null), AuditCursor.parse("registry.2.3"), 10)));
    }

    @Test
    void aLinePartRoundTripsAndAForgedOneIsRefused() {
        AuditCursor cursor = new AuditCursor(Map.of("registry", 12L, "lane", 0L), Map.of("registry", 3));
        assertEquals("lane.0-registry.12.3", cursor.toString());
        assertEquals(cursor, AuditCursor.parse(cursor.toString()));
        assertThrows(IllegalArgumentException.class, () -> AuditCursor.parse("registry.12.0"));
        assertThrows(IllegalArgumentException.class, () -> AuditCursor.parse("registry.0.2"));
        assertThrows(IllegalArgumentException.class, () -> AuditCursor.parse("registry.12.3.4"));
        assertThrows(IllegalArgumentException.class, () -> AuditCursor.parse("registry.99999999999999999999"));
    }
}
