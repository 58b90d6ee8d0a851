package hk.seamless.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real, single-node Apache Kafka broker for tests: KRaft, one process that is both broker and
 * controller, on free loopback ports, with its data and its log in one folder.
 *
 * <p>It runs as a child JVM ({@code kafka.Kafka}) from the class path that the deploy/kafka module
 * writes, not inside the test's JVM, for two reasons: a test can cut it off for real ({@link #kill()}
 * is {@code kill -9}, {@link #pause()} is SIGSTOP: the sockets stay open and nothing answers, as
 * with a hung broker or a dead network path), and it runs on the Jackson and Log4j versions Kafka
 * is built against rather than the ones Vert.x pins in the engine's module. {@link #start()} again
 * after {@link #stop()} or {@link #kill()} reuses the same ports and data, so clients that were
 * given {@link #bootstrapServers()} find it again.
 *
 * <p>The broker's own log goes to {@code broker.log} in {@link #folder()}, never to the test's
 * output; a start that fails says why with the tail of that log.
 */
public final class KafkaBroker implements AutoCloseable {

    /** How long a start may take before it is called failed; generous, as the machines are shared. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;
    private static final String CLASSPATH_PROPERTY = "seamless.kafka.classpath";
    private static final String CLASSPATH_FILE = "deploy/kafka/target/kafka-classpath.txt";

    private final Path folder;
    private final boolean ownsFolder;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> settings;
    private final String classpath;
    private final Thread killOnExit;
    private Process process;
    private boolean paused;
    private Duration lastFormat = Duration.ZERO;
    private Duration lastReady = Duration.ZERO;

    /**
     * A broker in {@code folder}, not yet started.
     *
     * @param settings server properties added to (or replacing) the defaults, e.g.
     *                 {@code auto.create.topics.enable=true}
     */
    public KafkaBroker(Path folder, Map<String, String> settings) {
        this(folder, false, settings);
    }

    private KafkaBroker(Path folder, boolean ownsFolder, Map<String, String> settings) {
        this.folder = folder.toAbsolutePath();
        this.ownsFolder = ownsFolder;
        this.settings = Map.copyOf(settings);
        this.classpath = brokerClasspath();
        int[] ports = freeLoopbackPorts(2);
        this.brokerPort = ports[0];
        this.controllerPort = ports[1];
        // A test JVM that ends without close() must not leave a broker behind on the machine.
        this.killOnExit = new Thread(
                () -> {
                    if (process != null) {
                        process.destroyForcibly();
                    }
                },
                "kafka-broker-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** A broker with default settings in a fresh temporary folder (deleted by {@link #close()}), started. */
    public static KafkaBroker started() throws IOException {
        return started(Map.of());
    }

    /** A broker with these extra server properties in a fresh temporary folder, started. */
    public static KafkaBroker started(Map<String, String> settings) throws IOException {
        KafkaBroker broker = new KafkaBroker(Files.createTempDirectory("kafka-broker"), true, settings);
        try {
            broker.start();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * Starts the broker (formatting its storage the first time) and returns once it answers an
     * admin client's describeCluster with itself in the cluster.
     *
     * @throws IllegalStateException if it is running already, exits, or does not answer in time
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("the Kafka broker in " + folder + " is running already");
        }
        try {
            Files.createDirectories(dataFolder());
            Path properties = writeServerProperties();
            writeLogConfig();
            long t0 = System.nanoTime();
            if (!Files.exists(dataFolder().resolve("meta.properties"))) {
                format(properties);
            }
            long t1 = System.nanoTime();
            process = java("kafka.Kafka", List.of(properties.toString()), folder.resolve("broker.out"));
            paused = false;
            awaitReady();
            lastFormat = Duration.ofNanos(t1 - t0);
            lastReady = Duration.ofNanos(System.nanoTime() - t1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + folder, e);
        }
    }

    /** Stops the broker cleanly (SIGTERM: controlled shutdown, logs flushed) and waits until it has exited. */
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        resume(); // a stopped process acts on SIGTERM only once it runs again
        process.destroy();
        if (!waitForExit(STOP_TIMEOUT)) {
            process.destroyForcibly();
            waitForExit(STOP_TIMEOUT);
            throw new IllegalStateException("the Kafka broker did not stop within " + STOP_TIMEOUT.toSeconds()
                    + " s of SIGTERM and was killed; log tail:\n" + logTail());
        }
    }

    /** Kills the broker as {@code kill -9} would: no shutdown, no flush beyond what the OS has. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(STOP_TIMEOUT);
        paused = false;
    }

    /**
     * Freezes the broker (SIGSTOP). Its sockets stay open, connections are still accepted by the
     * kernel, and nothing is answered: clients see timeouts, not refused connections.
     */
    public synchronized void pause() {
        requireRunning();
        signal("STOP");
        paused = true;
        awaitProcessState('T', "stopped");
    }

    /**
     * Waits until Linux shows the broker's process in {@code state} ({@code /proc/PID/stat}): a
     * signal is delivered asynchronously, and a test that goes on at once might still be answered.
     */
    private void awaitProcessState(char state, String what) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String text = Files.readString(stat);
                // "pid (comm) S ...": the state follows the command name's closing parenthesis.
                if (text.charAt(text.lastIndexOf(')') + 2) == state) {
                    return;
                }
                Thread.sleep(5);
            } catch (IOException e) {
                return; // not Linux's /proc: the signal's own exit status is all there is
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(
                "the Kafka broker's process " + process.pid() + " is not " + what + " after 10 s");
    }

    /** Lets a paused broker run on (SIGCONT); nothing if it is not paused. */
    public synchronized void resume() {
        if (paused && isRunning()) {
            signal("CONT");
        }
        paused = false;
    }

    /** Whether the broker's process is alive (also while paused). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * The broker process's id, for a tool that freezes it from outside (the lane simulator's
     * {@code --outage-pid}); changes with each {@link #start()}.
     */
    public synchronized long pid() {
        requireRunning();
        return process.pid();
    }

    /** The {@code bootstrap.servers} value for clients; the same across restarts. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Creates a topic with replication factor 1 and waits until the controller has it. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topic " + name + " on " + bootstrapServers(), e);
        }
    }

    /** The broker's folder: server.properties, data/, broker.log. */
    public Path folder() {
        return folder;
    }

    /** How long the last {@link #start()} spent formatting storage (zero when the data existed). */
    public Duration lastFormatTime() {
        return lastFormat;
    }

    /** How long the last {@link #start()} took from launching the JVM until the broker answered. */
    public Duration lastReadyTime() {
        return lastReady;
    }

    /** The last lines of the broker's log (and of its standard output, where the JVM writes fatal errors). */
    public String logTail() {
        return tail(folder.resolve("broker.log")) + tail(folder.resolve("broker.out"));
    }

    /**
     * Stops the broker (killing it if it will not stop) and deletes the folder if this class made it,
     * unless {@code -Dseamless.kafka.keep=true} asks to keep it for reading broker.log after a failure.
     */
    @Override
    public synchronized void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            kill();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway
            }
        }
        if (ownsFolder && !Boolean.getBoolean("seamless.kafka.keep")) {
            deleteRecursively(folder);
        }
    }

    private Path dataFolder() {
        return folder.resolve("data");
    }

    private Path writeServerProperties() throws IOException {
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

    private void writeLogConfig() throws IOException {
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

    private void format(Path properties) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        Path out = folder.resolve("format.out");
        Process formatter = java(
                "kafka.tools.StorageTool",
                List.of("format", "--cluster-id", clusterId, "--config", properties.toString(), "--standalone"),
                out);
        try {
            if (!formatter.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting the Kafka storage did not finish within "
                        + READY_TIMEOUT.toSeconds() + " s:\n" + tail(out));
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

    private Process java(String mainClass, List<String> arguments, Path output) throws IOException {
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

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String lastProblem = "no answer yet";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                            + " while starting; log tail:\n" + logTail());
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                    lastProblem = "describeCluster named no broker";
                } catch (ExecutionException | TimeoutException e) {
                    lastProblem = String.valueOf(e.getCause() != null ? e.getCause() : e);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
        process.destroyForcibly();
        waitForExit(STOP_TIMEOUT);
        throw new IllegalStateException("the Kafka broker on " + bootstrapServers() + " did not answer within "
                + READY_TIMEOUT.toSeconds() + " s (last: " + lastProblem + ") and was killed; log tail:\n" + logTail());
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("the Kafka broker in " + folder + " is not running");
        }
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not send SIG" + name + " to the Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name, e);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
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

    private static int[] freeLoopbackPorts(int count) {
        // All held open together, so that the ports differ; closed before the broker binds them.
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress());
                socket.setReuseAddress(true);
                sockets.add(socket);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only a probe
                }
            }
        }
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
