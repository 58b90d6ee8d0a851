package hk.seamless.registryfeed;

import hk.seamless.config.LogSettings;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.LaneChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The outbox read while the registry's writer appends to it, as the feed publisher does: every
 * read from a sequence on must start at that sequence, never further on (a skipped entry is a gap
 * every lane engine sees, and rebuilds its views for, inspecting every truck meanwhile).
 */
class FeedOutboxTest {

    private static final int ENTRIES = 5_000;

    @Test
    void readFromASequenceWhileEntriesAreAppendedStartsThereAndSkipsNone(@TempDir Path dir) throws Exception {
        try (FeedOutbox outbox = FeedOutbox.open(dir.resolve("feed"), LogSettings.defaults(), Clock.systemUTC())) {
            Thread writer = new Thread(() -> {
                for (long s = 1; s <= ENTRIES; s++) {
                    outbox.accept(new FeedEntry(s, s, Instant.EPOCH, List.of(new LaneChange.AccountSuspended("A" + s))));
                }
            });
            AtomicReference<String> skipped = new AtomicReference<>();
            writer.start();
            long published = 0;
            // As the publisher: from the entry after the last one sent, in batches, while the writer appends.
            while (published < ENTRIES && skipped.get() == null) {
                List<FeedEntry> batch = new ArrayList<>();
                try (Stream<FeedEntry> entries = outbox.from(published + 1)) {
                    entries.limit(50).forEach(batch::add);
                }
                for (FeedEntry e : batch) {
                    if (e.sequence() != published + 1) {
                        skipped.set("entry " + e.sequence() + " read after " + published);
                        break;
                    }
                    published = e.sequence();
                }
            }
            writer.join();
            assertNull(skipped.get(), "the outbox skipped entries");
            assertEquals(ENTRIES, published);
        }
    }
}
