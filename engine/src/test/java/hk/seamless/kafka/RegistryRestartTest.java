package hk.seamless.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.Topology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

/**
 * A registry killed (kill -9: no close, no leaving the group) and started again on its data folder
 * records the lane reports again at once: its consumer is a static member of the group, so the
 * coordinator gives the returning one the partitions without waiting for the killed member's
 * session to time out (45 s by default; 20 to 90 s were seen before the fix).
 */
class RegistryRestartTest {

    private static final String INSTANCE = "engine-id-of-the-registry-folder";
    /**
     * Well below the 45 s session timeout a dynamic member waits out, and generous for a shared,
     * loaded machine (a static member's return takes a second or two here): a bound, not a measure.
     */
    private static final Duration AT_ONCE = Duration.ofSeconds(25);

    @Test
    void aKilledRegistrysConsumerIsReplacedAtOnceByItsRestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.started()) {
            KafkaClients clients =
                    new KafkaClients(Topology.registry(broker.bootstrapServers(), "feed-token-0123456789-abcdef"));
            clients.ensureTopics();
            Process killed = registryConsumerProcess(broker.bootstrapServers());
            try {
                awaitAssigned(killed);
            } finally {
                killed.destroyForcibly(); // SIGKILL: the member stays in the group as far as Kafka knows
                killed.waitFor(10, TimeUnit.SECONDS);
            }
            long started = System.nanoTime();
            KafkaConsumer<String, byte[]> restarted = LaneReportRecorder.consumer(clients, INSTANCE);
            try {
                while (restarted.assignment().isEmpty()
                        && System.nanoTime() - started < Duration.ofSeconds(60).toNanos()) {
                    restarted.poll(Duration.ofMillis(100));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals(
                        KafkaClients.REPORT_PARTITIONS,
                        restarted.assignment().size(),
                        "the restarted registry reads every partition");
                assertTrue(took.compareTo(AT_ONCE) < 0, "the restarted registry had its partitions after " + took);
            } finally {
                KafkaClients.close(restarted);
            }
        }
    }

    /** The registry's consumer in a JVM of its own, so that it can be killed as a registry is. */
    private static Process registryConsumerProcess(String bootstrap) throws IOException {
        return new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RegistryConsumerProcess.class.getName(),
                        bootstrap,
                        INSTANCE)
                .redirectErrorStream(true)
                .start();
    }

    private static void awaitAssigned(Process process) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith(RegistryConsumerProcess.ASSIGNED)) {
                // Drain the rest, so that the child never blocks on a full pipe before it is killed.
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("the first registry's consumer was never assigned its partitions");
    }

    /** The child: the registry's consumer, polling until it is killed. */
    static final class RegistryConsumerProcess {

        static final String ASSIGNED = "ASSIGNED";

        public static void main(String[] args) {
            KafkaClients clients = new KafkaClients(Topology.registry(args[0], "feed-token-0123456789-abcdef"));
            KafkaConsumer<String, byte[]> consumer = LaneReportRecorder.consumer(clients, args[1]);
            boolean said = false;
            while (true) {
                consumer.poll(Duration.ofMillis(100));
                if (!said && !consumer.assignment().isEmpty()) {
                    System.out.println(ASSIGNED + " " + List.copyOf(consumer.assignment()));
                    System.out.flush();
                    said = true;
                }
            }
        }
    }
}
