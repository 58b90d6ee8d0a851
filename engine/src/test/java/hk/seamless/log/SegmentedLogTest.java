package hk.seamless.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.LogSettings;
import hk.seamless.http.TestClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentedLogTest {

    /** The smallest segment the settings allow: a few dozen of this test's entries each. */
    static final LogSettings SMALL = LogSettings.defaults().withSegmentBytes(4096);

    @TempDir
    Path dir;

    final TestClock clock = new TestClock(TestClock.hongKong(2026, 12, 2, 10, 0, 0));

    static byte[] entry(long n) {
        // All of one length, so that a test can find the n-th frame of a segment by arithmetic.
        return String.format("{\"entry\":\"%05d\",\"padding\":\"%s\"}", n, "x".repeat(60))
                .getBytes(StandardCharsets.UTF_8);
    }

    static String text(LogEntry e) {
        return new String(e.payload(), StandardCharsets.UTF_8);
    }

    List<LogEntry> open(LogSettings settings) {
        List<LogEntry> handed = new ArrayList<>();
        SegmentedLog.open(dir, settings, clock, handed::add).close();
        return handed;
    }

    @Test
    void sequencesRunWithoutGapsAcrossSegmentsRolledBySize() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, e -> {})) {
            for (long n = 1; n <= 200; n++) {
                assertEquals(n, log.append(entry(n)));
            }
            assertEquals(List.of(201L, 200L), List.of(log.nextSequence(), log.lastSequence()));
            List<Segment> segments = log.reader().segments();
            assertTrue(segments.size() > 3, segments.toString());
            assertEquals("00000000000000000001-2026-12-02.seg", segments.get(0).name());
            for (Segment s : segments) {
                assertTrue(Files.size(s.file()) <= 4096 || s == segments.get(segments.size() - 1), s.name());
            }
        }
        List<LogEntry> all = open(SMALL);
        assertEquals(200, all.size(), "no checkpoint: every entry is handed over");
        for (int i = 0; i < 200; i++) {
            assertEquals(i + 1, all.get(i).sequence());
            assertArrayEquals(entry(i + 1), all.get(i).payload());
        }
    }

    @Test
    void aNewHongKongDayStartsANewSegment() {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            log.append(entry(1));
            clock.set(TestClock.hongKong(2026, 12, 2, 23, 59, 59));
            log.append(entry(2));
            // Midnight in Hong Kong is 16:00 UTC: the day that matters is Hong Kong's.
            clock.set(TestClock.hongKong(2026, 12, 3, 0, 0, 1));
            log.append(entry(3));
            assertEquals(
                    List.of("00000000000000000001-2026-12-02.seg", "00000000000000000003-2026-12-03.seg"),
                    log.reader().segments().stream().map(Segment::name).toList());
        }
        assertEquals(3, open(LogSettings.defaults()).size());
    }

    @Test
    void aBatchIsOneWriteAndEachEntryOfItGetsItsOwnSequence() {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            log.append(entry(1));
            assertEquals(4, log.appendAll(List.of(entry(2), entry(3), entry(4))));
            assertEquals(4, log.appendAll(List.of()));
            assertEquals(entry(3).length, log.reader().read(3).orElseThrow().payload().length);
        }
    }

    @Test
    void aStartAfterACheckpointReadsOnlyWhatFollowsIt() {
        Checkpoint written;
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, e -> {})) {
            for (long n = 1; n <= 120; n++) {
                log.append(entry(n));
            }
            written = log.checkpoint(Map.of("feed", 77L));
            for (long n = 121; n <= 125; n++) {
                log.append(entry(n));
            }
        }
        List<LogEntry> handed = new ArrayList<>();
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, handed::add)) {
            assertEquals(
                    List.of(121L, 122L, 123L, 124L, 125L),
                    handed.stream().map(LogEntry::sequence).toList());
            assertEquals(5, log.openReport().entriesRead());
            Checkpoint found = log.lastCheckpoint();
            assertEquals(120, found.sequence());
            assertEquals(Map.of("feed", 77L), found.marks());
            assertArrayEquals(written.hash(), found.hash());
            assertEquals(written.segment(), found.segment());
            assertEquals(126, log.append(entry(126)), "appending goes on after the last entry, not the checkpoint");
            log.checkpoint(Map.of());
        }
        assertEquals(0, open(SMALL).size(), "a checkpoint at the end: nothing to read");
    }

    @Test
    void aTornTailIsCutOffReportedAndKeptAndAppendingGoesOn() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            log.append(entry(1));
            log.append(entry(2));
        }
        Path segment = only();
        long whole = Files.size(segment);
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
            raf.setLength(whole - 5);
        }
        long firstEnd = Frame.HEADER + entry(1).length;
        List<LogEntry> handed = new ArrayList<>();
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, handed::add)) {
            assertEquals(1, handed.size());
            SegmentedLog.OpenReport report = log.openReport();
            assertTrue(report.cut());
            assertEquals(segment.getFileName().toString(), report.segment());
            assertEquals(firstEnd, report.offset());
            assertEquals(whole - 5 - firstEnd, report.bytesCut());
            assertEquals(2, log.append(entry(3)), "the torn entry's sequence is taken again");
        }
        assertEquals(
                whole - 5 - firstEnd,
                Files.size(segment.resolveSibling(segment.getFileName() + ".cut-at-" + firstEnd)));
        assertEquals(
                List.of("00001", "00003"),
                open(LogSettings.defaults()).stream()
                        .map(e -> text(e).substring(10, 15))
                        .toList());
        assertTrue(LogVerifier.verify(dir).ok());
    }

    @Test
    void aDamagedEntryWithWholeEntriesAfterItStopsTheStartAndNothingIsCut() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            for (long n = 1; n <= 5; n++) {
                log.append(entry(n));
            }
        }
        long frame = Frame.HEADER + entry(1).length;
        Path segment = only();
        long size = Files.size(segment);
        flip(segment, 2 * frame + Frame.HEADER + 3); // entry 3's payload: entries 4 and 5 follow, whole
        LogDamageException e = assertThrows(LogDamageException.class, () -> open(LogSettings.defaults()));
        assertTrue(
                e.getMessage().contains("sequence 3") && e.getMessage().contains("whole entries follow"),
                e.getMessage());
        assertEquals(size, Files.size(segment), "nothing cut: entries 4 and 5 may have been acknowledged");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".cut-at-")));
        }
    }

    @Test
    void aDamagedLengthWithWholeEntriesAfterItStopsTheStartToo() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            for (long n = 1; n <= 5; n++) {
                log.append(entry(n));
            }
        }
        long frame = Frame.HEADER + entry(1).length;
        flip(only(), 2 * frame + 1); // entry 3's length now reaches past the end of the file, as a torn frame's would
        assertThrows(LogDamageException.class, () -> open(LogSettings.defaults()));
    }

    @Test
    void aLastEntryThatNeverReachedTheDiskWholeIsCutOff() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            for (long n = 1; n <= 3; n++) {
                log.append(entry(n));
            }
        }
        long frame = Frame.HEADER + entry(1).length;
        Path segment = only();
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
            raf.seek(2 * frame + Frame.HEADER); // entry 3's payload as zeros: its pages never written
            raf.write(new byte[entry(3).length]);
        }
        List<LogEntry> handed = new ArrayList<>();
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, handed::add)) {
            assertEquals(
                    List.of(1L, 2L), handed.stream().map(LogEntry::sequence).toList());
            assertEquals(2 * frame, log.openReport().offset());
            assertEquals(frame, log.openReport().bytesCut());
        }
    }

    @Test
    void damageInASealedSegmentAfterTheCheckpointStopsTheStart() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, e -> {})) {
            log.append(entry(1));
            log.checkpoint(Map.of());
            for (long n = 2; n <= 200; n++) {
                log.append(entry(n));
            }
        }
        Segment second = LogReader.of(dir).segments().get(1);
        flip(second.file(), Frame.HEADER + 10);
        LogDamageException e = assertThrows(LogDamageException.class, () -> open(SMALL));
        assertTrue(e.getMessage().contains(second.name()), e.getMessage());
        assertTrue(e.getMessage().contains("sequence " + second.firstSequence()), e.getMessage());
    }

    @Test
    void aCheckpointWhoseEntryChangedStopsTheStart() throws IOException {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            log.append(entry(1));
            log.append(entry(2));
            log.checkpoint(Map.of());
        }
        flip(only(), Frame.HEADER + entry(1).length + Frame.HEADER + 4);
        LogDamageException e = assertThrows(LogDamageException.class, () -> open(LogSettings.defaults()));
        assertTrue(e.getMessage().contains("sequence 2"), e.getMessage());
    }

    @Test
    void theReaderFindsReadsForwardAndBackwardAcrossSegments() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, e -> {})) {
            for (long n = 1; n <= 150; n++) {
                log.append(entry(n));
            }
            LogReader reader = log.reader();
            assertEquals(entry(77).length, reader.read(77).orElseThrow().payload().length);
            assertEquals(
                    "{\"entry\":\"00077\"", text(reader.read(77).orElseThrow()).substring(0, 16));
            assertTrue(reader.read(151).isEmpty());
            try (Stream<LogEntry> forward = reader.forward(140)) {
                assertEquals(
                        List.of(140L, 141L, 142L),
                        forward.limit(3).map(LogEntry::sequence).toList());
            }
            try (Stream<LogEntry> backward = reader.backward(Long.MAX_VALUE)) {
                List<Long> newestFirst = backward.map(LogEntry::sequence).toList();
                assertEquals(150, newestFirst.size());
                assertEquals(150, newestFirst.get(0));
                assertEquals(1, newestFirst.get(149));
            }
            log.append(entry(151));
            assertEquals(151, reader.read(151).orElseThrow().sequence(), "a reader sees what was appended since");
        }
    }

    @Test
    void retentionDeletesOnlyOldSealedSegmentsBeforeTheCheckpoint() {
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, e -> {})) {
            for (long n = 1; n <= 100; n++) {
                log.append(entry(n));
            }
            assertEquals(0, log.deleteSegmentsBefore(Instant.MAX.minusSeconds(1)), "never before a checkpoint");
            log.checkpoint(Map.of());
            clock.advance(Duration.ofDays(400));
            for (long n = 101; n <= 150; n++) {
                log.append(entry(n));
            }
            int before = log.reader().segments().size();
            int deleted = log.deleteSegmentsBefore(clock.instant().minus(Duration.ofDays(365)));
            List<Segment> left = log.reader().segments();
            assertTrue(deleted > 0);
            assertEquals(before - deleted, left.size());
            assertTrue(left.get(0).firstSequence() <= 101, "the segment holding the checkpoint's neighbours stays");
            assertTrue(log.reader().read(1).isEmpty());
            assertEquals(150, log.reader().read(150).orElseThrow().sequence());
        }
        assertTrue(LogVerifier.verify(dir).ok(), "what is left still verifies, from archive-start");
        assertEquals(50, open(SMALL).size(), "the checkpoint's segment was kept: a start begins there");
    }

    @Test
    void readersAndCheckpointsFromOtherThreadsNeverSeeOrRecordAHalfWrittenEntry() throws Exception {
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, e -> {})) {
            Thread writer = new Thread(() -> {
                for (long n = 1; n <= 3_000; n++) {
                    log.appendAll(List.of(entry(n), entry(n)));
                }
            });
            Thread other = new Thread(() -> {
                try {
                    while (writer.isAlive()) {
                        log.checkpoint(Map.of());
                        long last = log.lastSequence();
                        try (Stream<LogEntry> back = log.reader().backward(last)) {
                            List<Long> newest =
                                    back.limit(3).map(LogEntry::sequence).toList();
                            if (last > 3 && !newest.equals(List.of(last, last - 1, last - 2))) {
                                failures.add(new AssertionError(newest + " below " + last));
                            }
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            writer.start();
            other.start();
            writer.join();
            other.join();
            assertEquals(List.of(), failures);
        }
        List<LogEntry> handed = new ArrayList<>();
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, handed::add)) {
            assertEquals(6_000, log.lastSequence());
            assertEquals(6_000 - log.lastCheckpoint().sequence(), handed.size());
        }
        assertTrue(LogVerifier.verify(dir).ok());
    }

    @Test
    void retentionKeepsTheCheckpointsSegmentEvenWhenItsLastEntryIsTheCheckpoint() {
        int perSegment = 4096 / (Frame.HEADER + entry(1).length);
        try (SegmentedLog log = SegmentedLog.open(dir, SMALL, clock, e -> {})) {
            for (long n = 1; n <= perSegment; n++) {
                log.append(entry(n));
            }
            log.checkpoint(Map.of());
            for (long n = perSegment + 1; n <= perSegment + 5; n++) {
                log.append(entry(n));
            }
            assertEquals(
                    perSegment + 1, log.reader().segments().get(1).firstSequence(), "the checkpoint ends segment 1");
            clock.advance(Duration.ofDays(400));
            log.append(entry(perSegment + 6));
            assertEquals(0, log.deleteSegmentsBefore(clock.instant().minus(Duration.ofDays(365))));
        }
        assertEquals(6, open(SMALL).size(), "a start still finds the checkpoint's entry");
    }

    @Test
    void anEmptyLogOpensEmptyAndHasNoCheckpoint() {
        try (SegmentedLog log = SegmentedLog.open(dir, LogSettings.defaults(), clock, e -> {})) {
            assertEquals(0, log.lastSequence());
            assertNull(log.checkpoint(Map.of()));
            assertNull(log.lastCheckpoint());
            assertTrue(log.reader().read(1).isEmpty());
        }
    }

    private Path only() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> segments =
                    files.filter(f -> f.toString().endsWith(".seg")).toList();
            assertEquals(1, segments.size());
            return segments.get(0);
        }
    }

    static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x20);
        }
    }
}
