package hk.seamless.kafka;

import hk.seamless.feed.FeedCodec;
import hk.seamless.feed.FeedEntry;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.store.KeyValueStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Role lane: reads the registry's feed topic into the lane views, on a thread of its own, never
 * on the way of a decision (the pipeline reads the views as they are).
 *
 * <p><b>Position.</b> No consumer group: the lane engine's views record the feed sequence they
 * applied ({@link LaneFeedConsumer#applied()}), and beside it, in the same store, the topic offset
 * of that entry. A start, a broker restart or a leader change reads on from that offset; an entry
 * delivered again is skipped by its sequence, a missing one (the topic's retention passed) is a gap
 * and the views are rebuilt from the registry's snapshot, then read on from a little before the
 * snapshot's time. So Kafka's failures neither lose an entry nor apply one twice.
 *
 * <p><b>Cut off.</b> The views stay as they were: bundled trucks are released, unknown ones
 * inspected. {@link #status()} says since when nothing has been heard (the registry sends a
 * heartbeat every two seconds), which {@code /health} and the consoles show.
 */
public final class FeedSubscriber extends KafkaLink {

    static final String OFFSET_KEY = "kafka-offset";
    static final String OFFSET_SEQUENCE_KEY = "kafka-offset-sequence";
    /** A snapshot is at least as recent as its sequence; entries committed just before it may be stamped earlier. */
    private static final Duration SNAPSHOT_MARGIN = Duration.ofMinutes(1);

    private static final Duration REBUILD_RETRY = Duration.ofSeconds(15);

    private final LaneFeedConsumer views;
    private final RemoteSnapshot snapshots;
    private final KeyValueStore position;
    private final Clock clock;
    private final Timer lag;
    private final Instant startedAt;
    private volatile Instant lastHeardAt;
    private volatile long registrySequence;
    private long lastRebuildAttempt;

    public FeedSubscriber(
            KafkaClients clients,
            LaneFeedConsumer views,
            RemoteSnapshot snapshots,
            KeyValueStore position,
            Clock clock,
            MeterRegistry metrics) {
        super(clients, "seamless-feed-subscriber");
        this.views = views;
        this.snapshots = snapshots;
        this.position = position;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lag = Timer.builder("seamless_feed_lag")
                .description("from the registry committing a change to this lane engine applying it")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    /** How current the views are, for {@code /health} and the consoles. */
    public FeedStatus status() {
        Instant now = clock.instant();
        Instant heard = lastHeardAt;
        boolean quiet = heard == null
                ? now.isAfter(startedAt.plus(clients.topology().feedBehindAfter()))
                : now.isAfter(heard.plus(clients.topology().feedBehindAfter()));
        boolean behind = quiet || views.isStale() || registrySequence > views.applied();
        Instant since = !behind ? null : heard != null ? heard : startedAt;
        return new FeedStatus(behind, since, heard, views.applied(), registrySequence, lastError());
    }

    @Override
    protected void session() {
        KafkaConsumer<String, byte[]> consumer =
                clients.consumer("seamless-feed-" + clients.topology().controlPoint(), null);
        try {
            TopicPartition partition = new TopicPartition(clients.topology().feedTopic(), 0);
            consumer.assign(List.of(partition));
            seekAfterApplied(consumer, partition);
            working();
            readOn(consumer, partition);
        } finally {
            KafkaClients.close(consumer);
        }
    }

    @Override
    protected String failing() {
        return "Could not read the lane feed from Kafka";
    }

    private void readOn(KafkaConsumer<String, byte[]> consumer, TopicPartition partition) {
        while (running()) {
            if (views.isStale() && System.nanoTime() - lastRebuildAttempt > REBUILD_RETRY.toNanos()) {
                lastRebuildAttempt = System.nanoTime();
                views.resynchronise(snapshots, "the lane view is stale: " + views.staleReason());
                seekAfterApplied(consumer, partition);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                lastHeardAt = clock.instant();
                working();
                if (FeedRecords.isHeartbeat(record)) {
                    registrySequence = Math.max(registrySequence, FeedRecords.sequence(record));
                    continue;
                }
                FeedEntry entry = FeedCodec.read(record.value());
                registrySequence = Math.max(registrySequence, entry.sequence());
                long before = views.applied();
                views.accept(entry);
                if (views.applied() == entry.sequence()) {
                    if (entry.sequence() > before) {
                        lag.record(Math.max(0, clock.millis() - entry.at().toEpochMilli()), TimeUnit.MILLISECONDS);
                        position.put(OFFSET_KEY, Long.toString(record.offset()));
                        position.put(OFFSET_SEQUENCE_KEY, Long.toString(entry.sequence()));
                    }
                } else if (views.applied() != before) {
                    // A gap: the views were rebuilt from a snapshot; read on from where it stands.
                    seekAfterApplied(consumer, partition);
                    break;
                }
            }
        }
    }

    /** Right after the entry the views applied, or a little before the snapshot they were rebuilt from. */
    private void seekAfterApplied(KafkaConsumer<String, byte[]> consumer, TopicPartition partition) {
        String offset = position.get(OFFSET_KEY);
        String offsetSequence = position.get(OFFSET_SEQUENCE_KEY);
        if (offset != null && offsetSequence != null && Long.parseLong(offsetSequence) == views.applied()) {
            consumer.seek(partition, Long.parseLong(offset) + 1);
            return;
        }
        if (views.applied() == 0) {
            consumer.seekToBeginning(List.of(partition));
            return;
        }
        long from = snapshots.takenAt().minus(SNAPSHOT_MARGIN).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> found =
                consumer.offsetsForTimes(Map.of(partition, Math.max(0, from)), KafkaClients.BLOCK);
        OffsetAndTimestamp at = found.get(partition);
        if (at == null) {
            consumer.seekToEnd(List.of(partition));
        } else {
            consumer.seek(partition, at.offset());
        }
    }

    /**
     * @param behind      the views may lack what the registry has: nothing heard for a while, a
     *                    stale view, or entries announced but not applied yet
     * @param behindSince since when (the last time the registry was heard), or null when current
     */
    public record FeedStatus(
            boolean behind,
            Instant behindSince,
            Instant lastHeardAt,
            long applied,
            long registrySequence,
            String lastError) {}
}
