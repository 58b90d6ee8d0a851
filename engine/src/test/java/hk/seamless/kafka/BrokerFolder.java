package hk.seamless.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * A test broker's folder and what is launched from it: server.properties, Log4j's configuration,
 * the formatted storage under data/, the JVMs' output and the broker's own log. {@link KafkaBroker}
 * runs the process; this class knows the files.
 */
final class BrokerFolder {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);
    private static final int LOG_TAIL_LINES = 40;
    private static final String CLASSPATH_PROPERTY = "seamless.kafka.classpath";
    private static final String CLASSPATH_FILE = "deploy/kafka/target/kafka-classpath.txt";

    private final Path folder;
    private final String classpath = brokerClasspath();

    BrokerFolder(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    Path path() {
        return folder;
    }

    Path dataFolder() {
        return folder.resolve("data");
    }

    /** Whether an earlier start formatted the storage. */
    boolean formatted() {
        return Files.exists(dataFolder().resolve("meta.properties"));
    }

    /** server.properties for a broker and controller on these loopback ports, {@code settings} over the defaults. */
    Path writeServerProperties(int brokerPort, int controllerPort, Map<String, String> settings) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        String listeners = "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
        p.put("listeners", listeners);
        p.put("advertised.listeners", listeners);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        // A dynamic quorum of one voter, made by `format --standalone`.
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("log.dirs", dataFolder().toString());
        // One node: the internal topics cannot have more replicas than that, and few partitions
        // keep the start quick (the defaults are 50 partitions each).
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // After kill -9 the controller keeps the dead broker's registration until its session times
        // out, and the restarted broker cannot register before that: 9 s by default, 4 s here.
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "4000");
        // Small segments (1 MiB is Kafka's least): rolling, compaction and retention show in tests.
        p.put("log.segment.bytes", "1048576");
        // Topics are made on purpose (createTopic): a wrong topic name fails instead of making one.
        p.put("auto.create.topics.enable", "false");
        p.putAll(settings);
        Properties properties = new Properties();
        properties.putAll(p);
        Path file = folder.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "written by " + KafkaBroker.class.getName());
        }
        return file;
    }

    /** Log4j's configuration: the broker logs to broker.log here, never to the test's output. */
    void writeLogConfig() throws IOException {
        String config = String.join(
                "\n",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + folder.resolve("broker.log"),
                "appender.file.append = true",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{ISO8601} %-5p [%t] %c{1}: %m%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = file",
                // Every request at DEBUG/TRACE only; at INFO it is quiet, said here to keep it so.
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "");
        Files.writeString(folder.resolve("log4j2.properties"), config);
    }

    /** Formats the storage as a KRaft cluster of one voter ({@code format --standalone}). */
    void format(Path properties) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Path out = folder.resolve("format.out");
        Process formatter = java(
                "kafka.tools.StorageTool",
                List.of("format", "--cluster-id", clusterId, "--config", properties.toString(), "--standalone"),
                out);
        try {
            if (!formatter.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage did not finish within "
                        + FORMAT_TIMEOUT.toSeconds() + " s:\n" + tail(out));
            }
        } catch (InterruptedException e) {
            formatter.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting the Kafka storage", e);
        }
        if (formatter.exitValue() != 0) {
            throw new IllegalStateException(
                    "formatting the Kafka storage failed (exit " + formatter.exitValue() + "):\n" + tail(out));
        }
    }

    /** A JVM running {@code mainClass} on the broker's class path, its output appended to {@code output}. */
    Process java(String mainClass, List<String> arguments, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + folder.resolve("log4j2.properties"),
                "-cp",
                classpath,
                mainClass));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
    }

    /** The last lines of the broker's log (and of its standard output, where the JVM writes fatal errors). */
    String logTail() {
        return tail(folder.resolve("broker.log")) + tail(folder.resolve("broker.out"));
    }

    /** Deletes the folder and all in it; what cannot be deleted now is left to the OS. */
    void delete() {
        deleteRecursively(folder);
    }

    /** The broker's jars, as deploy/kafka's build wrote them (absolute paths into the local Maven repository). */
    private static String brokerClasspath() {
        String configured = System.getProperty(CLASSPATH_PROPERTY);
        List<Path> candidates = configured != null
                ? List.of(Paths.get(configured))
                : List.of(Paths.get("..", CLASSPATH_FILE), Paths.get(CLASSPATH_FILE));
        for (Path file : candidates) {
            if (Files.isRegularFile(file)) {
                try {
                    String classpath = Files.readString(file).trim();
                    String first = classpath.split(java.io.File.pathSeparator, 2)[0];
                    if (!Files.isRegularFile(Paths.get(first))) {
                        throw new IllegalStateException(file.toAbsolutePath() + " names " + first
                                + ", which is gone: rebuild it with ./mvnw -B -q package -pl deploy/kafka");
                    }
                    return classpath;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no class path for the Kafka broker at "
                + candidates.stream()
                        .map(p -> p.toAbsolutePath().normalize().toString())
                        .collect(Collectors.joining(" or "))
                + ": build it with ./mvnw -B -q package -pl deploy/kafka (or install -pl engine -am)");
    }

    private static String tail(Path file) {
        if (!Files.exists(file)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> all = lines.collect(Collectors.toList());
            List<String> last = all.subList(Math.max(0, all.size() - LOG_TAIL_LINES), all.size());
            return "--- " + file + "\n" + String.join("\n", last) + "\n";
        } catch (IOException | UncheckedIOException e) {
            return "--- " + file + ": unreadable (" + e + ")\n";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary folder: what cannot be deleted now is left to the OS
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
