package hk.seamless.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Catches the maps up with the journal after an unclean stop. A change is held back until the next
 * entry is read: if that entry says the change was aborted (a store refused it), the change is
 * skipped, because the maps never kept it and its writes may not fit now either.
 *
 * <p>Two threads share the work, because a start replays up to a checkpoint's worth of changes
 * while every lane waits: the caller's (which reads and checks the log) decodes each entry, and an
 * applier thread, started with the first change, writes them to the maps and tells the listeners,
 * in the log's order. {@link #close} waits for it; a failure there stops the reading at the next
 * entry and is thrown again by {@code close}.
 */
public final class RegistryReplay implements Consumer<byte[]>, AutoCloseable {

    /** Enough decoded changes in hand for the applier never to wait on a read, and at most a few MB. */
    private static final int IN_HAND = 1_024;

    private static final RegistryChange NO_MORE = new RegistryChange(-1, Instant.EPOCH, "", List.of(), List.of(), null);

    private final Stores stores;
    private final List<RegistryChangeListener> listeners;
    private final BlockingQueue<RegistryChange> toApply = new ArrayBlockingQueue<>(IN_HAND);
    private Thread applier;
    private volatile RuntimeException failure;
    private RegistryChange held;
    private long replayed;
    private long alreadyHeld;
    private long skipped;

    public RegistryReplay(Stores stores, List<RegistryChangeListener> listeners) {
        this.stores = stores;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void accept(byte[] payload) {
        throwIfFailed();
        RegistryChange change = JsonCodec.read(payload, RegistryChange.class);
        if (held != null && change.aborts(held.sequence())) {
            held = null;
            skipped++;
            return;
        }
        handOverHeld();
        held = change;
    }

    /** Applies the last change held back (the journal ended without an abort for it), and waits for all. */
    @Override
    public void close() {
        handOverHeld();
        if (applier != null) {
            put(NO_MORE);
            try {
                applier.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the registry log was replayed", e);
            }
            applier = null;
        }
        throwIfFailed();
    }

    private void handOverHeld() {
        if (held == null) {
            return;
        }
        if (applier == null) {
            applier = new Thread(this::applyInOrder, "registry-replay");
            applier.setDaemon(true);
            applier.start();
        }
        put(held);
        held = null;
    }

    private void put(RegistryChange change) {
        try {
            while (failure == null) {
                if (toApply.offer(change, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the registry log was replayed", e);
        }
    }

    private void applyInOrder() {
        try {
            for (RegistryChange change = toApply.take(); change != NO_MORE; change = toApply.take()) {
                if (!AppliedWrites.reapply(change, stores)) {
                    alreadyHeld++;
                }
                // The listeners hear every change again: the lane feed numbers and projects each one,
                // and the lanes skip by sequence what they already applied.
                for (RegistryChangeListener listener : listeners) {
                    listener.onChange(change);
                }
                replayed++;
            }
        } catch (InterruptedException e) {
            failure = new IllegalStateException("the registry log's replay was interrupted", e);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void throwIfFailed() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Changes applied again (read once {@link #close} has returned). */
    public long replayed() {
        return replayed;
    }

    /** Of the changes replayed, those whose every write the maps already held (so none was written again). */
    public long alreadyHeld() {
        return alreadyHeld;
    }

    /** Changes skipped because the journal says they were aborted. */
    public long skipped() {
        return skipped;
    }
}
