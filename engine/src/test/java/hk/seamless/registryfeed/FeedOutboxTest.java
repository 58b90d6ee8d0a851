package hk.seamless.registryfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hk.seamless.config.LogSettings;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.LaneChange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's feed outbox: what the publisher reads is every entry from where it asks, in order. */
class FeedOutboxTest {

    private static FeedEntry entry(long sequence) {
        return new FeedEntry(
                sequence,
                sequence * 3,
                Instant.parse("2026-12-02T10:00:00Z"),
                List.of(new LaneChange.AccountSuspended("A" + sequence)));
    }

    private static List<Long> sequences(FeedOutbox outbox, long from) {
        try (Stream<FeedEntry> entries = outbox.from(from)) {
            return entries.map(FeedEntry::sequence).toList();
        }
    }

    @Test
    void readsFromTheEntryAskedForSkipsWhatItHoldsAndSurvivesAReopen(@TempDir Path dir) {
        try (FeedOutbox outbox = FeedOutbox.open(dir, LogSettings.defaults(), Clock.systemUTC())) {
            for (long s = 1; s <= 5; s++) {
                outbox.accept(entry(s));
            }
            outbox.accept(entry(3)); // the registry's log replayed at start: already held
            assertEquals(List.of(3L, 4L, 5L), sequences(outbox, 3));
            assertEquals(List.of(), sequences(outbox, 6));
        }
        try (FeedOutbox reopened = FeedOutbox.open(dir, LogSettings.defaults(), Clock.systemUTC())) {
            assertEquals(5, reopened.lastSequence());
            reopened.accept(entry(6));
            assertEquals(List.of(5L, 6L), sequences(reopened, 5));
        }
    }

    @Test
    void afterAJumpInTheFeedEveryEntryFromTheOneAskedIsStillFound(@TempDir Path dir) {
        try (FeedOutbox outbox = FeedOutbox.open(dir, LogSettings.defaults(), Clock.systemUTC())) {
            outbox.accept(entry(1));
            outbox.accept(entry(2));
            outbox.accept(entry(10)); // a data folder from before the outbox: the lanes see the gap
            outbox.accept(entry(11));
            assertEquals(List.of(2L, 10L, 11L), sequences(outbox, 2));
            assertEquals(List.of(10L, 11L), sequences(outbox, 3));
        }
    }

    /** The publisher reads while the registry writer appends: it never skips an entry. */
    @Test
    void aReaderRacingTheWriterSeesEveryEntryInOrder(@TempDir Path dir) throws InterruptedException {
        int total = 3_000;
        try (FeedOutbox outbox = FeedOutbox.open(dir, LogSettings.defaults(), Clock.systemUTC())) {
            Thread writer = new Thread(() -> {
                for (long s = 1; s <= total; s++) {
                    outbox.accept(entry(s));
                }
            });
            writer.start();
            List<Long> read = new ArrayList<>();
            long next = 1;
            while (next <= total) {
                try (Stream<FeedEntry> entries = outbox.from(next)) {
                    for (FeedEntry e : (Iterable<FeedEntry>) entries::iterator) {
                        read.add(e.sequence());
                    }
                }
                next = read.isEmpty() ? 1 : read.get(read.size() - 1) + 1;
            }
            writer.join();
            for (int i = 0; i < total; i++) {
                assertEquals(i + 1, read.get(i), "entry " + (i + 1) + " read in its place");
            }
        }
    }
}
