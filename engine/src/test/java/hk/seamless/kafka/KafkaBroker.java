package hk.seamless.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

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

    private final BrokerFolder folder;
    private final boolean ownsFolder;
    private final int brokerPort;
    private final int controllerPort;
    private final Map<String, String> settings;
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
        this.folder = new BrokerFolder(folder);
        this.ownsFolder = ownsFolder;
        this.settings = Map.copyOf(settings);
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
            throw new IllegalStateException("the Kafka broker in " + folder.path() + " is running already");
        }
        try {
            Files.createDirectories(folder.dataFolder());
            Path properties = folder.writeServerProperties(brokerPort, controllerPort, settings);
            folder.writeLogConfig();
            long t0 = System.nanoTime();
            if (!folder.formatted()) {
                folder.format(properties);
            }
            long t1 = System.nanoTime();
            process = folder.java(
                    "kafka.Kafka", List.of(properties.toString()), folder.path().resolve("broker.out"));
            paused = false;
            awaitReady();
            lastFormat = Duration.ofNanos(t1 - t0);
            lastReady = Duration.ofNanos(System.nanoTime() - t1);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + folder.path(), e);
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
        return folder.path();
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
        return folder.logTail();
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
            folder.delete();
        }
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
            throw new IllegalStateException("the Kafka broker in " + folder.path() + " is not running");
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
}
