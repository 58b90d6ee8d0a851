package hk.seamless.kafka;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the roles' links over Kafka: a thread of its own that opens its Kafka clients, works
 * until the engine stops, and, when Kafka is away or refuses, says so ({@link #lastError()}),
 * waits ({@link Backoff}) and opens them again. What a link does is its {@link #session}.
 *
 * <p>Stopped on a flag, never interrupted: Kafka's clients closed from an interrupted thread log
 * errors and leave no consumer group cleanly. A session sees the flag within a poll or a pause;
 * one stuck on an absent broker is left behind when the engine stops.
 */
abstract class KafkaLink implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    protected final KafkaClients clients;
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Thread thread;
    private final Backoff backoff = new Backoff();
    private volatile boolean running = true;
    private volatile String lastError;

    KafkaLink(KafkaClients clients, String threadName) {
        this.clients = clients;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts the link's thread. */
    public final void start() {
        thread.start();
    }

    /** Why the last attempt failed (Kafka away), or null while the link works. */
    public final String lastError() {
        return lastError;
    }

    /** Whether the engine still runs: a session works while this holds. */
    protected final boolean running() {
        return running;
    }

    /**
     * Opens the link's clients (the topics exist by then), works while {@link #running()}, and
     * closes them. Calls {@link #working()} after each step that Kafka answered.
     */
    protected abstract void session() throws Exception;

    /** What the link could not do, for the operator's log: "Could not ... ". */
    protected abstract String failing();

    /** Kafka answered: no error to show, and the next failure waits the shortest time again. */
    protected final void working() {
        lastError = null;
        backoff.reset();
    }

    private void run() {
        while (running) {
            try {
                clients.ensureTopics();
                session();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    lastError = String.valueOf(e.getMessage());
                    log.warn("{} ({}); trying again", failing(), e.toString());
                    backoff.pause();
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
