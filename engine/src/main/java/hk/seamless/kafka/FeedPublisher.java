package hk.seamless.kafka;

import hk.seamless.feed.FeedEntry;
import hk.seamless.registryfeed.FeedOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Role registry: puts the lane feed on its Kafka topic, from the {@link FeedOutbox}, in order, and
 * says "still here" (a heartbeat) when there is nothing to send.
 *
 * <p>Where it goes on from is read from the topic itself (its last record), not remembered here:
 * whatever this process knew before a crash, the topic is what lane engines read. Every batch is
 * acknowledged by all in-sync replicas before the next; a batch that fails is sent again from its
 * first entry by a new producer. An entry may so reach the topic twice; a lane engine applies an
 * entry whose sequence it has applied as nothing.
 */
public final class FeedPublisher extends KafkaLink {

    /** Twice as often as a lane engine's shortest sensible "behind" threshold. */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private static final int BATCH = 1000;

    private final FeedOutbox outbox;
    private volatile long published;

    public FeedPublisher(KafkaClients clients, FeedOutbox outbox) {
        super(clients, "seamless-feed-publisher");
        this.outbox = outbox;
    }

    /** The newest feed sequence Kafka acknowledged. */
    public long published() {
        return published;
    }

    @Override
    protected void session() throws InterruptedException, ExecutionException {
        KafkaProducer<String, byte[]> producer = clients.producer("seamless-feed-publisher");
        try {
            published = lastOnTopic();
            working();
            publish(producer);
        } finally {
            KafkaClients.close(producer);
        }
    }

    @Override
    protected String failing() {
        return "Could not publish the lane feed to Kafka";
    }

    private void publish(KafkaProducer<String, byte[]> producer) throws InterruptedException, ExecutionException {
        String topic = clients.topology().feedTopic();
        long lastSent = System.nanoTime();
        while (running()) {
            if (outbox.lastSequence() <= published) {
                if (System.nanoTime() - lastSent >= HEARTBEAT.toNanos()) {
                    producer.send(FeedRecords.heartbeat(topic, published)).get();
                    lastSent = System.nanoTime();
                }
                Thread.sleep(20);
                continue;
            }
            List<FeedEntry> batch = new ArrayList<>(BATCH);
            try (Stream<FeedEntry> entries = outbox.from(published + 1)) {
                entries.limit(BATCH).forEach(batch::add);
            }
            if (batch.isEmpty()) {
                Thread.sleep(20);
                continue;
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
            for (FeedEntry entry : batch) {
                sent.add(producer.send(FeedRecords.entry(topic, entry)));
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
            published = batch.get(batch.size() - 1).sequence();
            lastSent = System.nanoTime();
        }
    }

    /** The sequence of the topic's last record: an entry's, or what the last heartbeat said. */
    private long lastOnTopic() {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("seamless-feed-publisher-position", null)) {
            TopicPartition partition = new TopicPartition(clients.topology().feedTopic(), 0);
            consumer.assign(List.of(partition));
            long end =
                    consumer.endOffsets(List.of(partition), KafkaClients.BLOCK).get(partition);
            if (end == 0) {
                return 0;
            }
            consumer.seek(partition, end - 1);
            long deadline = System.nanoTime() + KafkaClients.BLOCK.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return FeedRecords.sequence(record);
                }
            }
            throw new IllegalStateException(
                    "the feed topic's last record could not be read within " + KafkaClients.BLOCK);
        }
    }
}
