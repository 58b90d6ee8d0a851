package hk.seamless.kafka;

import hk.seamless.feed.FeedEntry;
import hk.seamless.registryfeed.FeedOutbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

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
public final class FeedPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPublisher.class);
    /** Twice as often as a lane engine's shortest sensible "behind" threshold. */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final int BATCH = 1000;

    private final KafkaClients clients;
    private final FeedOutbox outbox;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long published;
    private volatile String lastError;

    public FeedPublisher(KafkaClients clients, FeedOutbox outbox) {
        this.clients = clients;
        this.outbox = outbox;
        this.thread = new Thread(this::run, "seamless-feed-publisher");
        this.thread.setDaemon(true);
    }

    public FeedPublisher start() {
        thread.start();
        return this;
    }

    /** The newest feed sequence Kafka acknowledged. */
    public long published() {
        return published;
    }

    /** Why the last attempt failed (Kafka away), or null while publishing works. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        Backoff backoff = new Backoff();
        while (running) {
            KafkaProducer<String, byte[]> producer = null;
            try {
                clients.ensureTopics();
                producer = clients.producer("seamless-feed-publisher");
                published = lastOnTopic();
                lastError = null;
                backoff.reset();
                publish(producer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | ExecutionException e) {
                if (running) {
                    lastError = String.valueOf(e.getMessage());
                    LOG.warn("Could not publish the lane feed to Kafka ({}); trying again", e.toString());
                    backoff.pause();
                }
            } finally {
                KafkaClients.close(producer);
            }
        }
    }

    private void publish(KafkaProducer<String, byte[]> producer) throws InterruptedException, ExecutionException {
        String topic = clients.topology().feedTopic();
        long lastSent = System.nanoTime();
        while (running) {
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
            long end = consumer.endOffsets(List.of(partition), KafkaClients.BLOCK).get(partition);
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
            throw new IllegalStateException("the feed topic's last record could not be read within " + KafkaClients.BLOCK);
        }
    }

    @Override
    public void close() {
        // Not interrupted: Kafka's clients then close with errors and leave no group cleanly. The
        // loop sees the flag within a poll or a pause; one stuck on an absent broker is left behind.
        running = false;
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
