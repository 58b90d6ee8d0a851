package hk.seamless.kafka;

import hk.seamless.config.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

/**
 * The Kafka clients of one engine, made the same way: the bootstrap servers and the operator's
 * client settings (security) first, then what the engine's guarantees need, which the operator
 * cannot change (acks from every in-sync replica, idempotent sends, offsets committed by hand).
 */
public final class KafkaClients {

    /** Kafka's clients block at most this long on a broker that does not answer; the caller retries. */
    static final Duration BLOCK = Duration.ofSeconds(10);

    /** Hong Kong has six cargo control points: one partition each keeps each one's reports in order. */
    static final int REPORT_PARTITIONS = 6;

    private final Topology topology;

    public KafkaClients(Topology topology) {
        this.topology = topology;
    }

    public Topology topology() {
        return topology;
    }

    private Properties base(String clientId) {
        Properties p = new Properties();
        p.putAll(topology.kafkaClient());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, topology.kafkaBootstrap());
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        // A broker that is away is retried quickly: a lane engine must notice it is back within seconds.
        p.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        return p;
    }

    KafkaProducer<String, byte[]> producer(String clientId) {
        Properties p = base(clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "2");
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(BLOCK.toMillis()));
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** @param groupId null for a consumer that assigns its partitions itself and keeps its own position */
    KafkaConsumer<String, byte[]> consumer(String clientId, String groupId) {
        return consumer(clientId, groupId, null);
    }

    /**
     * @param instanceId the consumer's {@code group.instance.id}, making it a static member of
     *     {@code groupId} (see {@link LaneReportRecorder#consumer}); null for a dynamic member
     */
    KafkaConsumer<String, byte[]> consumer(String clientId, String groupId, String instanceId) {
        Properties p = base(clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        if (instanceId != null) {
            p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
        }
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        p.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(BLOCK.toMillis()));
        p.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Closes a client without the default wait (for unsent records as long as Kafka is away) and
     * without the exception Kafka throws when the engine's stop interrupted the thread closing it.
     */
    static void close(AutoCloseable client) {
        if (client == null) {
            return;
        }
        try {
            if (client instanceof KafkaProducer<?, ?> producer) {
                producer.close(Duration.ofSeconds(1));
            } else if (client instanceof KafkaConsumer<?, ?> consumer) {
                consumer.close(Duration.ofSeconds(1));
            } else {
                client.close();
            }
        } catch (org.apache.kafka.common.errors.InterruptException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LoggerFactory.getLogger(KafkaClients.class).debug("A Kafka client did not close cleanly", e);
        }
    }

    /**
     * Creates the two topics when they are not there: the feed with one partition (its sequence is
     * total: a lane checks it has every entry), the lane reports with one per control point at most.
     * An existing feed topic with more than one partition is refused: entries would come out of
     * order and lanes would rebuild for ever.
     */
    void ensureTopics() throws InterruptedException {
        Properties p = base("seamless-topics");
        Admin admin = Admin.create(p);
        try {
            create(
                    admin,
                    new NewTopic(topology.feedTopic(), Optional.of(1), Optional.empty())
                            .configs(Map.of(
                                    "cleanup.policy",
                                    "delete",
                                    "retention.ms",
                                    Long.toString(Duration.ofDays(7).toMillis()))));
            create(
                    admin,
                    new NewTopic(topology.laneReportsTopic(), Optional.of(REPORT_PARTITIONS), Optional.empty())
                            .configs(Map.of(
                                    "cleanup.policy",
                                    "delete",
                                    "retention.ms",
                                    Long.toString(Duration.ofDays(7).toMillis()))));
            TopicDescription feed = admin.describeTopics(List.of(topology.feedTopic()))
                    .allTopicNames()
                    .get(BLOCK.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topology.feedTopic());
            if (feed.partitions().size() != 1) {
                throw new IllegalStateException(
                        "the feed topic " + topology.feedTopic() + " has "
                                + feed.partitions().size()
                                + " partitions; it must have one (feedTopic, SEAMLESS_KAFKA_FEED_TOPIC): the lane feed is one sequence");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + topology.kafkaBootstrap() + " did not answer: " + e.getMessage(), e);
        } finally {
            admin.close(Duration.ofSeconds(1)); // not the default, which waits as long as Kafka is away
        }
    }

    private static void create(Admin admin, NewTopic topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(topic)).all().get(BLOCK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
