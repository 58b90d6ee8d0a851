package hk.seamless.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker image's start scripts (deploy/kafka/image), run by bash on this machine as the image
 * runs them: the cluster id a first start makes, and the one an operator gives.
 *
 * <p>Found in CI: the entrypoint made its cluster id from 16 random bytes in base64url, and one id
 * in 64 starts with {@code -}, which Kafka's storage tool reads as an option; the broker container
 * then exited at its first start ("argument --cluster-id/-t: expected one argument").
 */
class KafkaImageScriptsTest {

    private static final Path IMAGE = LocalImages.root().resolve("deploy/kafka/image");

    @Test
    void newClusterIdsAreKafkaUuidsThatNeverStartLikeAnOption() throws Exception {
        // 400 ids: the old generator would have made one starting with '-' with probability 1 - (63/64)^400 > 99.8%.
        Result run = bash(
                List.of(
                        "-c",
                        "for i in $(seq 400); do \"$0\"; done",
                        IMAGE.resolve("kafka-cluster-id.sh").toString()),
                Map.of(),
                30);
        assertEquals(0, run.exitCode(), run.output());
        List<String> ids = run.output().lines().toList();
        assertEquals(400, ids.size(), run.output());
        Set<String> distinct = new HashSet<>();
        for (String id : ids) {
            assertTrue(id.matches("[A-Za-z0-9_-]{22}"), "22 base64url characters: '" + id + "'");
            assertFalse(id.startsWith("-"), "not read as an option by Kafka's tools: " + id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length, "a UUID's 16 bytes: " + id);
            assertTrue(distinct.add(id), "random: " + id + " twice");
        }
    }

    @Test
    void aClusterIdThatIsNotOneIsRefusedInWordsBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Result run = bash(List.of(IMAGE.resolve("kafka-entrypoint.sh").toString()), settings(dir, "not-an-id"), 30);

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("KAFKA_CLUSTER_ID 'not-an-id' is not a cluster id"), run.output());
        assertFalse(Files.exists(data.resolve("meta.properties")), "the storage is not formatted");
    }

    @Test
    void aGivenClusterIdStartingWithADashFormatsTheStorageWithIt(@TempDir Path dir) throws Exception {
        Path lib = LocalImages.root().resolve("deploy/kafka/target/lib");
        assertTrue(Files.isDirectory(lib), lib + " is missing: deploy/kafka's `package` writes it (./mvnw -B verify)");
        String clusterId = "-uC9Q1hyT0mPBd7kVLDmKw"; // Kafka's Uuid.fromString accepts it
        Map<String, String> settings = new HashMap<>(settings(dir, clusterId));
        settings.put("KAFKA_LIB_DIR", lib.toString());
        settings.put("KAFKA_HEAP_OPTS", "-Xms32m -Xmx128m");
        // The storage tool needs only the properties; the broker the entrypoint then execs is stopped
        // as soon as the storage is formatted, before it would listen on the image's fixed ports.
        Path output = dir.resolve("entrypoint.out");
        Process entrypoint = start(List.of(IMAGE.resolve("kafka-entrypoint.sh").toString()), settings, output);
        Path meta = dir.resolve("data/meta.properties");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!isComplete(meta) && entrypoint.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            entrypoint.descendants().forEach(ProcessHandle::destroyForcibly);
            entrypoint.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(isComplete(meta), "storage formatted; the entrypoint said: " + Files.readString(output));
        assertEquals(clusterId, read(meta).getProperty("cluster.id"));
    }

    private static Map<String, String> settings(Path dir, String clusterId) {
        return Map.of(
                "KAFKA_DATA_DIR", dir.resolve("data").toString(),
                "KAFKA_CONFIG_DIR", dir.resolve("config").toString(),
                "KAFKA_CLUSTER_ID", clusterId);
    }

    private static boolean isComplete(Path meta) throws IOException {
        return Files.exists(meta) && read(meta).getProperty("cluster.id") != null;
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }

    private record Result(int exitCode, String output) {}

    private static Result bash(List<String> args, Map<String, String> env, int timeoutSeconds) throws Exception {
        Process p = start(args, env, null);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "bash ended");
        return new Result(p.exitValue(), output);
    }

    /** bash with these arguments and settings; its output to {@code output}, or to a pipe if null. */
    private static Process start(List<String> args, Map<String, String> env, Path output) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        return builder.start();
    }
}
