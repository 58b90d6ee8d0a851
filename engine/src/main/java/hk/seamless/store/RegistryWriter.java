package hk.seamless.store;

import hk.seamless.log.Checkpoint;
import hk.seamless.log.SegmentedLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's single writer. Every command that changes the registry runs here, one at a time,
 * so no two commands race over a consignment, a bundle or a vehicle, and no lock is needed.
 *
 * <p>A command stages its writes in a {@link Transaction}; if it succeeds the change is appended to
 * the journal, applied to the stores and handed to the change listeners. Its future completes only
 * after the journal is flushed. Commands that queue up while one runs share a single flush (group
 * commit), so durability costs one {@code fsync} per burst, not one per request.
 *
 * <p>A store that cannot take a change (full) refuses that command alone: the writes already made
 * are undone, an abort entry follows the change in the journal, and the writer goes on. Only a
 * journal that cannot be written (the disk) stops all writes until a restart.
 */
public final class RegistryWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWriter.class);
    /** One line per registry write, from the audit events (never a body, a token or a PIN). */
    private static final Logger WRITES = LoggerFactory.getLogger("hk.seamless.registry");
    /** How many commands may share one flush: bounds how long the first of them waits. */
    private static final int MAX_GROUP = 256;

    private final Stores stores;
    private final SegmentedLog journal;
    private final RegistryCheckpoints checkpoints;
    private final Clock clock;
    private final List<RegistryChangeListener> listeners;
    private final BlockingQueue<Runnable> commands = new LinkedBlockingQueue<>();
    private final List<CompletableFuture<?>> awaitingFlush = new ArrayList<>();
    private final List<Runnable> acknowledgements = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException broken;
    private final AtomicLong refused = new AtomicLong();
    private volatile Refusal lastRefusal;

    /** The last command a full store refused: which store, and when. */
    public record Refusal(StoreName store, java.time.Instant at) {}

    public RegistryWriter(Stores stores, SegmentedLog journal, Clock clock, List<RegistryChangeListener> listeners) {
        this(stores, journal, clock, listeners, RegistryCheckpoints.Policy.defaults(), Map::of);
    }

    /**
     * @param checkpointPolicy how often the maps are forced and the log checkpointed
     * @param marks            what the registry keeps in each checkpoint beside the log's own position
     */
    public RegistryWriter(
            Stores stores,
            SegmentedLog journal,
            Clock clock,
            List<RegistryChangeListener> listeners,
            RegistryCheckpoints.Policy checkpointPolicy,
            Supplier<Map<String, Long>> marks) {
        this.stores = stores;
        this.journal = journal;
        this.checkpoints = new RegistryCheckpoints(stores, journal, checkpointPolicy, marks);
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.thread = new Thread(this::run, "registry-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Applies one journalled change to the stores again (a whole journal: {@link RegistryReplay}). */
    public static void replay(RegistryChange change, Stores stores, List<? extends RegistryChangeListener> listeners) {
        AppliedWrites.apply(change, stores);
        listeners.forEach(l -> l.onChange(change));
    }

    /**
     * Runs {@code command} on the writer thread. The future fails with whatever the command threw
     * (and nothing is written), or completes with its result once the change is durable.
     */
    public <T> CompletableFuture<T> submit(String actor, Function<Transaction, T> command) {
        return submit(actor, null, command);
    }

    /**
     * As {@link #submit(String, Function)}, saying where the command came from (for the audit
     * trail: who, when and from where).
     */
    public <T> CompletableFuture<T> submit(String actor, String origin, Function<Transaction, T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (broken != null) {
            result.completeExceptionally(new StoreUnavailableException("the registry journal failed", broken));
            return result;
        }
        if (!running) {
            result.completeExceptionally(new StoreUnavailableException("the engine is stopping", null));
            return result;
        }
        commands.add(() -> execute(actor, origin, command, result));
        return result;
    }

    private <T> void execute(
            String actor, String origin, Function<Transaction, T> command, CompletableFuture<T> result) {
        if (broken != null) {
            result.completeExceptionally(new StoreUnavailableException("the registry journal failed", broken));
            return;
        }
        Transaction tx = new Transaction(stores, clock.instant(), actor, origin);
        T value;
        try {
            value = command.apply(tx);
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
            return;
        }
        if (!tx.isEmpty()) {
            try {
                commit(tx);
            } catch (StoreFullException full) {
                // This command alone is refused: its writes were undone and the journal says so.
                refused.incrementAndGet();
                lastRefusal = new Refusal(full.store(), tx.now());
                // The map's own words (e.g. a segment with no tier left) tell an operator what to resize.
                LOG.warn("Refused a write by {}: {} ({})", actor, full.getMessage(), String.valueOf(full.getCause()));
                result.completeExceptionally(full);
                return;
            } catch (RuntimeException e) {
                // A failed append may have left a partial frame: nothing more may be appended after
                // it, or replay would stop there and lose what follows. Fail-stop until a restart.
                broken = e;
                LOG.error("Registry journal failed; refusing further writes until restart", e);
                result.completeExceptionally(new StoreUnavailableException("the registry journal failed", e));
                return;
            }
        }
        awaitingFlush.add(result);
        acknowledgements.add(() -> result.complete(value));
    }

    private void commit(Transaction tx) {
        RegistryChange change = tx.toChange(journal.nextSequence());
        journal.append(RegistryChangeJson.bytes(change));
        try {
            AppliedWrites.apply(change, stores);
        } catch (StoreFullException full) {
            // The change is in the journal but not in the maps: say so right after it, so that a
            // replay skips it. Failing to append this is a journal failure like any other.
            journal.append(RegistryChangeJson.bytes(
                    RegistryChange.abortOf(change, journal.nextSequence(), full.getMessage())));
            throw full;
        }
        logWrite(change);
        for (RegistryChangeListener listener : listeners) {
            try {
                listener.onChange(change);
            } catch (RuntimeException e) {
                // The registry is the authority and the change is already durable: a listener's
                // failure must not undo it. The lane view is rebuilt from the journal at recovery.
                LOG.error("Registry change listener failed on change {}", change.sequence(), e);
            }
        }
    }

    private static void logWrite(RegistryChange change) {
        if (!WRITES.isInfoEnabled()) {
            return;
        }
        for (RegistryChange.AuditEvent event : change.events()) {
            if (event.detail() == null || event.detail().isEmpty()) {
                WRITES.info("#{} {} {} by {}", change.sequence(), event.action(), event.subject(), change.actor());
            } else {
                WRITES.info(
                        "#{} {} {} by {}: {}",
                        change.sequence(),
                        event.action(),
                        event.subject(),
                        change.actor(),
                        event.detail());
            }
        }
    }

    private void run() {
        while (running || !commands.isEmpty()) {
            Runnable command;
            try {
                command = commands.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (command == null) {
                checkpointIfDue();
                continue;
            }
            int n = 0;
            do {
                command.run();
                n++;
            } while (n < MAX_GROUP && (command = commands.poll()) != null);
            flushAndAcknowledge();
            checkpointIfDue();
        }
    }

    /** After the acknowledgements, so no answer waits for the maps to be forced. */
    private void checkpointIfDue() {
        if (broken == null) {
            checkpoints.ifDue(clock.millis());
        }
    }

    /**
     * Forces the maps and checkpoints the log now, on the writer thread (so the maps hold exactly
     * the log's last entry); completes when done. Start-up uses it after a replay or an import.
     */
    public CompletableFuture<Checkpoint> checkpoint() {
        CompletableFuture<Checkpoint> done = new CompletableFuture<>();
        commands.add(() -> {
            try {
                done.complete(checkpoints.now(clock.millis()));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Reads the registry log (the audit trail) from any thread, up to the last change appended. */
    public hk.seamless.log.LogReader logReader() {
        return journal.reader();
    }

    /** The last checkpoint of the registry's log, or null if none was ever written. */
    public Checkpoint lastCheckpoint() {
        return journal.lastCheckpoint();
    }

    private void flushAndAcknowledge() {
        try {
            journal.flush();
        } catch (RuntimeException e) {
            broken = e;
            LOG.error("Registry journal flush failed; refusing further writes until restart", e);
        }
        if (broken == null) {
            acknowledgements.forEach(Runnable::run);
        } else {
            // Not acknowledged: the caller must not be told it is durable. An honest "unavailable"
            // is the only answer when the disk refused the flush.
            StoreUnavailableException failure = new StoreUnavailableException("the registry journal failed", broken);
            awaitingFlush.forEach(f -> f.completeExceptionally(failure));
        }
        acknowledgements.clear();
        awaitingFlush.clear();
    }

    /** False once the journal has failed: the registry then refuses writes until a restart. */
    public boolean isWritable() {
        return broken == null && running;
    }

    /** Commands refused because a store was full (each undone and journalled as aborted). */
    public long refusedWrites() {
        return refused.get();
    }

    /** The last refusal by a full store, or null if none since the start. */
    public Refusal lastRefusal() {
        return lastRefusal;
    }

    public long journalEntries() {
        return journal.entries();
    }

    public long journalBytes() {
        return journal.sizeBytes();
    }

    /** Finishes the queued commands, flushes, checkpoints (so a clean restart reads nothing) and stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (broken == null && !thread.isAlive()) {
            checkpoints.atClose(clock.millis());
        }
        journal.close();
    }
}
