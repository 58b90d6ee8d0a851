package hk.seamless.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies a change's writes to the stores, remembering what each key held before, so that a write
 * a store refuses (full) can be taken back: the maps then hold all of a change or none of it.
 */
final class AppliedWrites {

    private record Before(KeyValueStore store, String key, String value) {}

    private AppliedWrites() {}

    /**
     * @throws StoreFullException when a store refused a write; the writes before it are undone
     * @throws IllegalStateException when even the undo failed: the maps are then inconsistent
     */
    static void apply(RegistryChange change, Stores stores) {
        List<Before> applied = new ArrayList<>(change.writes().size());
        for (RegistryChange.Write write : change.writes()) {
            KeyValueStore store = stores.store(write.store());
            String before = store.get(write.key());
            try {
                if (write.value() == null) {
                    store.remove(write.key());
                } else {
                    store.put(write.key(), valueKept(write, change));
                }
            } catch (RuntimeException refused) {
                undo(applied, change.sequence(), refused);
                throw new StoreFullException(write.store(), refused);
            }
            applied.add(new Before(store, write.key(), before));
        }
    }

    /**
     * A change read back from the log at a start after an unclean stop. When the process was killed
     * (the machine stayed up) the maps already hold nearly every change since the checkpoint: they
     * were applied before it died and its page cache outlived it. Comparing costs a read, where
     * writing again costs an encoding, an allocation and a copy into the map, so a change whose every
     * write the maps already hold is skipped; any other is applied whole, as {@link #apply} does.
     *
     * @return whether the change had to be applied
     */
    static boolean reapply(RegistryChange change, Stores stores) {
        for (RegistryChange.Write write : change.writes()) {
            KeyValueStore store = stores.store(write.store());
            boolean held = write.value() == null
                    ? !store.containsKey(write.key())
                    : store.holds(write.key(), valueKept(write, change));
            if (!held) {
                apply(change, stores);
                return true;
            }
        }
        return false;
    }

    /**
     * What the map keeps for a write. The archive index keeps only where the record lies (the
     * sequence of this very change): the record itself, in full, stays in the log entry.
     */
    private static String valueKept(RegistryChange.Write write, RegistryChange change) {
        return write.store() == StoreName.ARCHIVE_INDEX ? Long.toString(change.sequence()) : write.value();
    }

    private static void undo(List<Before> applied, long sequence, RuntimeException refused) {
        try {
            for (int i = applied.size() - 1; i >= 0; i--) {
                Before b = applied.get(i);
                if (b.value() == null) {
                    b.store().remove(b.key());
                } else {
                    b.store().put(b.key(), b.value());
                }
            }
        } catch (RuntimeException e) {
            e.addSuppressed(refused);
            throw new IllegalStateException(
                    "could not undo the writes of change " + sequence + " after a store refused one", e);
        }
    }
}
