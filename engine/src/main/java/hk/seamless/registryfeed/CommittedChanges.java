package hk.seamless.registryfeed;

import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;

import java.util.function.Consumer;

/**
 * The journal read at a clean start, for listeners that follow it without touching the maps (the
 * maps already hold it): each change is handed on, except one the next entry says was aborted
 * (a store refused it, so it never reached the maps nor the listeners). As in
 * {@link hk.seamless.store.RegistryReplay}, a change is held back until the next entry is read.
 */
public final class CommittedChanges implements Consumer<byte[]>, AutoCloseable {

    private final RegistryChangeListener listener;
    private RegistryChange held;

    public CommittedChanges(RegistryChangeListener listener) {
        this.listener = listener;
    }

    @Override
    public void accept(byte[] payload) {
        RegistryChange change = JsonCodec.read(payload, RegistryChange.class);
        if (held != null && aborts(change, held.sequence())) {
            held = null;
            return;
        }
        handOnHeld();
        held = change;
    }

    /** The same test as the registry's own replay: an entry with no writes and one CHANGE_ABORTED event naming it. */
    private static boolean aborts(RegistryChange change, long sequence) {
        return change.writes().isEmpty() && change.events().size() == 1
                && RegistryChange.ABORTED.equals(change.events().get(0).action())
                && Long.toString(sequence).equals(change.events().get(0).subject());
    }

    @Override
    public void close() {
        handOnHeld();
    }

    private void handOnHeld() {
        if (held != null) {
            RegistryChange change = held;
            held = null;
            listener.onChange(change);
        }
    }
}
