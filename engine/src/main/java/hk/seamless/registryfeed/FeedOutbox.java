package hk.seamless.registryfeed;

import hk.seamless.config.LogSettings;
import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.FeedConsumer;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.FeedSource;
import hk.seamless.log.LogEntry;
import hk.seamless.log.LogReader;
import hk.seamless.log.SegmentedLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's lane feed kept on disk until Kafka has it: each numbered {@link FeedEntry}, in
 * order, in a segmented log of its own ({@code data/log/feed}). The publisher reads it from
 * wherever the topic ends, so an entry made while Kafka was away, or before a crash, is published
 * once Kafka is back.
 *
 * <p>Not forced per entry: every entry can be made again from the registry's own log, which is
 * the authority. A start replays the registry's entries after its checkpoint through the feed,
 * and this outbox takes the ones it does not hold yet; so the outbox is forced (and checkpointed)
 * with each registry checkpoint ({@link #checkpoint}), never holding less than the checkpoint says
 * the feed issued.
 */
public final class FeedOutbox implements FeedConsumer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedOutbox.class);

    private final SegmentedLog log;
    private volatile long lastSequence;
    private volatile long resynchronisations;

    private FeedOutbox(SegmentedLog log) {
        this.log = log;
        this.lastSequence = newest(log.reader()).map(n -> n.entry().sequence()).orElse(0L);
    }

    public static FeedOutbox open(Path dir, LogSettings settings, Clock clock) {
        return new FeedOutbox(SegmentedLog.open(dir, settings.withFsync(false), clock, entry -> {}));
    }

    @Override
    public void accept(FeedEntry entry) {
        if (entry.sequence() <= lastSequence) {
            return; // the registry's log replayed at start: this one is already here
        }
        if (lastSequence != 0 && entry.sequence() != lastSequence + 1) {
            // Entries the outbox never held (a data folder from before the roles): lane engines
            // see the gap and rebuild from the registry's snapshot; nothing is released meanwhile.
            LOG.warn(
                    "The feed outbox jumps from entry {} to {}: lane engines will rebuild their views",
                    lastSequence,
                    entry.sequence());
        }
        log.append(FeedCodec.write(entry));
        lastSequence = entry.sequence();
    }

    /**
     * The registry could not turn one of its changes into lane changes; the feed did not number it,
     * so lane engines cannot see a gap. Rare (a defect); said loudly and counted in {@code /metrics}.
     */
    @Override
    public void resynchronise(FeedSource source, String reason) {
        resynchronisations++;
        LOG.error(
                "A registry change could not be put on the lane feed ({}); lane engines miss it until they rebuild"
                        + " (restart them on an empty lane view, or wait for their next rebuild)",
                reason);
    }

    /** Forced and checkpointed: called before the registry checkpoints (see the class comment). */
    public void checkpoint() {
        if (log.lastSequence() > 0) {
            log.checkpoint(Map.of());
        }
    }

    /** The sequence of the newest feed entry held (0 when none). */
    public long lastSequence() {
        return lastSequence;
    }

    public long resynchronisations() {
        return resynchronisations;
    }

    /**
     * The entries from feed sequence {@code from} on, oldest first; from the oldest held when
     * {@code from} is older than that (older segments deleted): the lanes then see the gap. The
     * caller closes the stream.
     */
    public Stream<FeedEntry> from(long from) {
        LogReader reader = log.reader();
        Optional<Held> newest = newest(reader);
        if (newest.isEmpty() || from > newest.get().entry().sequence()) {
            return Stream.empty();
        }
        // Consecutive in both numberings from where the outbox began (a jump only makes the feed's
        // run ahead, so this starts early, never late), so one subtraction finds it. Both numbers
        // come from the same entry: the writer appends meanwhile.
        long logSequence = Math.max(
                1, from - (newest.get().entry().sequence() - newest.get().logSequence()));
        return reader.forward(logSequence).map(e -> FeedCodec.read(e.payload())).filter(e -> e.sequence() >= from);
    }

    /** A feed entry and the outbox log's sequence it is kept under. */
    private record Held(FeedEntry entry, long logSequence) {}

    private static Optional<Held> newest(LogReader reader) {
        try (Stream<LogEntry> back = reader.backward(Long.MAX_VALUE)) {
            Iterator<LogEntry> it = back.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            LogEntry last = it.next();
            return Optional.of(new Held(FeedCodec.read(last.payload()), last.sequence()));
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
