package hk.seamless.store;

import java.util.List;
import java.util.function.Consumer;

/**
 * Catches the maps up with the journal after an unclean stop. A change is held back until the next
 * entry is read: if that entry says the change was aborted (a store refused it), the change is
 * skipped, because the maps never kept it and its writes may not fit now either.
 */
public final class RegistryReplay implements Consumer<byte[]>, AutoCloseable {

    private final Stores stores;
    private final List<RegistryChangeListener> listeners;
    private RegistryChange held;
    private long replayed;
    private long skipped;

    public RegistryReplay(Stores stores, List<RegistryChangeListener> listeners) {
        this.stores = stores;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void accept(byte[] payload) {
        RegistryChange change = JsonCodec.read(payload, RegistryChange.class);
        if (held != null && change.aborts(held.sequence())) {
            held = null;
            skipped++;
            return;
        }
        applyHeld();
        held = change;
    }

    /** Applies the last change held back: the journal ended without an abort for it. */
    @Override
    public void close() {
        applyHeld();
    }

    private void applyHeld() {
        if (held == null) {
            return;
        }
        AppliedWrites.apply(held, stores);
        listeners.forEach(l -> l.onChange(held));
        replayed++;
        held = null;
    }

    /** Changes applied again. */
    public long replayed() {
        return replayed;
    }

    /** Changes skipped because the journal says they were aborted. */
    public long skipped() {
        return skipped;
    }
}
