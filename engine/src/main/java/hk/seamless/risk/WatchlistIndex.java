package hk.seamless.risk;

import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryChangeListener;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's own in-memory copy of the watch list, kept from its committed changes. Every
 * bundling assesses risk against the whole list; iterating the off-heap map for that would cost
 * a walk over all its segments per bundling, however few entries it holds.
 */
public final class WatchlistIndex implements RegistryChangeListener {

    private final Map<String, WatchlistEntry> byId = new LinkedHashMap<>();
    private volatile List<WatchlistEntry> entries;

    public WatchlistIndex(Stores stores) {
        stores.store(StoreName.WATCHLIST)
                .forEach((id, json) -> byId.put(id, JsonCodec.read(json, WatchlistEntry.class)));
        publish();
    }

    /** Called on the registry writer thread, in commit order. */
    @Override
    public void onChange(RegistryChange change) {
        boolean changed = false;
        for (RegistryChange.Write write : change.writes()) {
            if (write.store() == StoreName.WATCHLIST) {
                if (write.value() == null) {
                    byId.remove(write.key());
                } else {
                    byId.put(write.key(), JsonCodec.read(write.value(), WatchlistEntry.class));
                }
                changed = true;
            }
        }
        if (changed) {
            publish();
        }
    }

    private void publish() {
        entries = byId.values().stream()
                .sorted(Comparator.comparing(WatchlistEntry::addedAt).thenComparing(WatchlistEntry::id))
                .toList();
    }

    /** Every committed entry, oldest first; an immutable snapshot. */
    public List<WatchlistEntry> entries() {
        return entries;
    }
}
