package hk.seamless.registryfeed;

import hk.seamless.feed.FeedConsumer;
import hk.seamless.feed.FeedEntry;
import hk.seamless.feed.FeedSource;
import hk.seamless.feed.LaneChange;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.Stores;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process feed: hears each committed registry change (on the writer thread, in commit
 * order, and again for the journal read at start), projects it, numbers the result when it has
 * lane changes, and hands the entry to the lane-side consumer.
 *
 * <p><b>Sequence continuity.</b> The number is not stored per entry: it is the count of journal
 * entries with lane changes, which projecting the journal again gives back exactly (the projection
 * depends only on each entry's writes). At start the whole journal is read, so the count is
 * rebuilt; once the journal starts from a checkpoint, the checkpoint keeps {@link #sequence()}
 * under the mark {@link #CHECKPOINT_MARK} and the start calls {@link #resumeAt} with it before
 * reading the entries after the checkpoint.
 */
public final class LaneFeed implements RegistryChangeListener, FeedSource {

    /** The name of this feed's position among a checkpoint's marks. */
    public static final String CHECKPOINT_MARK = "lane-feed";

    private static final Logger LOG = LoggerFactory.getLogger(LaneFeed.class);

    private final Stores stores;
    private final FeedConsumer consumer;
    private volatile long sequence;

    public LaneFeed(Stores stores, FeedConsumer consumer) {
        this.stores = stores;
        this.consumer = consumer;
    }

    /** Continues numbering after {@code sequence}: the mark of the checkpoint the journal starts from. */
    public LaneFeed resumeAt(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a feed sequence is never negative: " + sequence);
        }
        this.sequence = sequence;
        return this;
    }

    /** The sequence of the last entry issued: what a checkpoint stores under {@link #CHECKPOINT_MARK}. */
    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public void onChange(RegistryChange change) {
        List<LaneChange> changes;
        try {
            changes = LaneChangeProjection.project(change);
        } catch (RuntimeException e) {
            // Deterministic: the same entry fails again on the next start, so the numbering holds.
            // The lane view may now lack this change; only a rebuild from the records is sure.
            LOG.error(
                    "Could not turn registry change {} into lane changes; the lane view is rebuilt from the registry",
                    change.sequence(),
                    e);
            consumer.resynchronise(this, "registry change " + change.sequence() + " could not be projected: " + e);
            return;
        }
        if (changes.isEmpty()) {
            return;
        }
        long next = sequence + 1;
        sequence = next;
        consumer.accept(new FeedEntry(next, change.sequence(), change.at(), changes));
    }

    /**
     * The records as they are while the writer goes on, for a lane engine rebuilding far away:
     * returns the sequence read BEFORE the records, so every record read is at least that recent.
     * Applying the snapshot and then every entry after the returned sequence gives the exact view:
     * each lane change sets its key's state whole (last one wins, applying twice changes nothing),
     * so an entry whose effect the snapshot already shows is applied again harmlessly, in order.
     */
    public long fuzzySnapshot(java.util.function.LongConsumer head, Consumer<LaneChange> sink) {
        long before = sequence;
        head.accept(before);
        RegistrySnapshot.stream(stores, sink);
        return before;
    }

    /** Only on the registry writer thread, or before it runs: the records are then those of one moment. */
    @Override
    public long snapshot(Consumer<LaneChange> sink) {
        RegistrySnapshot.stream(stores, sink);
        return sequence;
    }
}
