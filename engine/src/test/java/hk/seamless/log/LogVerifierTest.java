package hk.seamless.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.http.TestClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier finds each kind of tampering at its exact place. Each log is written for real with
 * small segments, then edited on disk the way someone covering their tracks would.
 */
class LogVerifierTest {

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(TestClock.hongKong(2026, 12, 2, 10, 0, 0));
    /** The second segment: sealed, archived, never written again by the engine. */
    Segment archived;

    int frame = Frame.HEADER + SegmentedLogTest.entry(1).length;

    @BeforeEach
    void writeALogOfManySegments() {
        try (SegmentedLog log = SegmentedLog.open(dir, SegmentedLogTest.SMALL, clock, e -> {})) {
            for (long n = 1; n <= 200; n++) {
                log.append(SegmentedLogTest.entry(n));
            }
            log.checkpoint(Map.of());
        }
        List<Segment> segments = LogReader.of(dir).segments();
        assertTrue(segments.size() >= 4, segments.toString());
        archived = segments.get(1);
    }

    @Test
    void aWholeLogVerifies() {
        LogVerifier.Result result = LogVerifier.verify(dir);
        assertNull(result.broken());
        assertEquals(200, result.entries());
        assertEquals(200, result.lastSequence());
        assertEquals(200, result.checkpoint().sequence());
    }

    @Test
    void aFlippedByteInAnArchivedSegmentIsFoundAtItsEntry() throws IOException {
        SegmentedLogTest.flip(archived.file(), 3L * frame + Frame.HEADER + 20);
        LogVerifier.Break found = LogVerifier.verify(dir).broken();
        assertEquals(
                new LogVerifier.Break(
                        archived.firstSequence() + 3, archived.name(), LogVerifier.Kind.ALTERED, found.detail()),
                found);
    }

    /** Edits the entry at frame {@code index} of {@code segment} and writes its checksum again, as a forger would. */
    private long forge(Segment segment, int index) throws IOException {
        byte[] bytes = Files.readAllBytes(segment.file());
        int at = index * frame;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long sequence = b.getLong(at + 8);
        long millis = b.getLong(at + 16);
        byte[] previous = Arrays.copyOfRange(bytes, at + 24, at + 24 + Frame.HASH);
        byte[] payload = Arrays.copyOfRange(bytes, at + Frame.HEADER, at + frame);
        payload[15] = 'Y';
        b.position(at);
        Frame.put(b, sequence, millis, previous, payload);
        Files.write(segment.file(), bytes);
        return sequence;
    }

    /**
     * A page of the audit trail that starts at the forged entry (its cursor, or a filter's newest
     * match) refuses it too: it is checked against the entry after it, in its segment or the next.
     */
    @Test
    void aForgedEntryIsRefusedAlsoWhenAPageStartsAtIt() throws IOException {
        long inside = forge(archived, 2);
        int last = (int) (Files.size(archived.file()) / frame) - 1;
        long endOfSegment = forge(archived, last);
        for (long damaged : new long[] {inside, endOfSegment}) {
            try (java.util.stream.Stream<LogEntry> page = LogReader.of(dir).backward(damaged)) {
                LogDamageException refused =
                        org.junit.jupiter.api.Assertions.assertThrows(LogDamageException.class, () -> page.findFirst());
                assertTrue(refused.getMessage().contains("entry " + damaged + " is not the one"), refused.getMessage());
            }
        }
        try (java.util.stream.Stream<LogEntry> page = LogReader.of(dir).backward(inside - 1)) {
            assertEquals(inside - 1, page.findFirst().orElseThrow().sequence(), "an untouched entry still reads");
        }
    }

    /** The newest entry has no entry after it: a live log's reader checks it against the writer's own last hash. */
    @Test
    void theNewestEntryForgedUnderARunningEngineIsRefused() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SegmentedLogTest.SMALL, clock, e -> {})) {
            log.append(SegmentedLogTest.entry(201));
            log.flush();
            List<Segment> segments = LogReader.of(dir).segments();
            Segment newest = segments.get(segments.size() - 1);
            long forged = forge(newest, (int) (Files.size(newest.file()) / frame) - 1);
            assertEquals(201, forged);
            try (java.util.stream.Stream<LogEntry> page = log.reader().backward(Long.MAX_VALUE)) {
                LogDamageException refused =
                        org.junit.jupiter.api.Assertions.assertThrows(LogDamageException.class, () -> page.findFirst());
                assertTrue(refused.getMessage().contains("entry 201 is not the one"), refused.getMessage());
            }
        }
    }

    @Test
    void anEditThatAlsoFixesTheChecksumIsFoundByTheChain() throws IOException {
        forge(archived, 2);
        LogVerifier.Break found = LogVerifier.verify(dir).broken();
        assertEquals(archived.firstSequence() + 2, found.sequence());
        assertEquals(archived.name(), found.segment());
        assertEquals(LogVerifier.Kind.ALTERED, found.kind());

        // Read back newest first, as the audit trail reads: the entry after it no longer chains on it.
        long damaged = archived.firstSequence() + 2;
        try (java.util.stream.Stream<LogEntry> back = LogReader.of(dir).backward(200)) {
            LogDamageException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    LogDamageException.class, () -> back.forEach(e -> assertTrue(e.sequence() > damaged, "read " + e)));
            assertTrue(refused.getMessage().contains("entry " + damaged + " is not the one"), refused.getMessage());
        }
        // Everything after it still reads.
        try (java.util.stream.Stream<LogEntry> back = LogReader.of(dir).backward(200)) {
            java.util.Iterator<LogEntry> entries = back.iterator();
            long oldestRead = 0;
            for (long n = 200; n > damaged; n--) {
                oldestRead = entries.next().sequence();
            }
            assertEquals(damaged + 1, oldestRead);
        }
    }

    @Test
    void aRemovedEntryIsFoundAtItsSequence() throws IOException {
        byte[] bytes = Files.readAllBytes(archived.file());
        byte[] without = new byte[bytes.length - frame];
        System.arraycopy(bytes, 0, without, 0, 4 * frame);
        System.arraycopy(bytes, 5 * frame, without, 4 * frame, bytes.length - 5 * frame);
        Files.write(archived.file(), without);
        LogVerifier.Break found = LogVerifier.verify(dir).broken();
        assertEquals(archived.firstSequence() + 4, found.sequence());
        assertEquals(archived.name(), found.segment());
        assertEquals(LogVerifier.Kind.REMOVED, found.kind());
    }

    @Test
    void aSwappedPairIsFoundAsReordered() throws IOException {
        byte[] bytes = Files.readAllBytes(archived.file());
        byte[] swapped = bytes.clone();
        System.arraycopy(bytes, 6 * frame, swapped, 5 * frame, frame);
        System.arraycopy(bytes, 5 * frame, swapped, 6 * frame, frame);
        Files.write(archived.file(), swapped);
        LogVerifier.Break found = LogVerifier.verify(dir).broken();
        assertEquals(archived.firstSequence() + 5, found.sequence());
        assertEquals(archived.name(), found.segment());
        assertEquals(LogVerifier.Kind.REORDERED, found.kind());
    }

    @Test
    void aMissingSegmentIsAGap() throws IOException {
        Files.delete(archived.file());
        Segment next = LogReader.of(dir).segments().get(1);
        LogVerifier.Break found = LogVerifier.verify(dir).broken();
        assertEquals(archived.firstSequence(), found.sequence());
        assertEquals(next.name(), found.segment());
        assertEquals(LogVerifier.Kind.REMOVED, found.kind());
    }

    @Test
    void aTornEndOfTheLastSegmentIsTorn() throws IOException {
        List<Segment> segments = LogReader.of(dir).segments();
        Segment last = segments.get(segments.size() - 1);
        try (var raf = new java.io.RandomAccessFile(last.file().toFile(), "rw")) {
            raf.setLength(raf.length() - 7);
        }
        LogVerifier.Break found = LogVerifier.verify(dir).broken();
        assertEquals(200, found.sequence());
        assertEquals(last.name(), found.segment());
        assertEquals(LogVerifier.Kind.TORN, found.kind());
    }

    @Test
    void aLengthAlteredToReachPastTheEndIsAlteredNotTornWhenWholeEntriesFollow() throws IOException {
        List<Segment> segments = LogReader.of(dir).segments();
        Segment last = segments.get(segments.size() - 1);
        SegmentedLogTest.flip(last.file(), 1); // the first entry's length: it now reaches past the end
        LogVerifier.Break found = LogVerifier.verify(dir).broken();
        assertEquals(last.firstSequence(), found.sequence());
        assertEquals(LogVerifier.Kind.ALTERED, found.kind(), found.detail());
    }
}
