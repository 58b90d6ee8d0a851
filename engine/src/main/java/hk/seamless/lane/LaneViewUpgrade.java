package hk.seamless.lane;

import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings the lane view up to the layout this version reads, once, at start. A lane view written by
 * an older version lacks what the lane now checks (registered marks, suspended accounts, the
 * trucker of a bundle, the owner and goods of a consignment); the registry's records are fed
 * through the view as the change stream would carry them, and a marker file says it is done.
 * On a new data folder the registry is empty and this costs nothing.
 */
public final class LaneViewUpgrade {

    /** The lane view's layout: raise it whenever the view keeps something new. */
    static final String FORMAT = "2";
    private static final int WRITES_PER_CHANGE = 10_000;

    private LaneViewUpgrade() {
    }

    /** @return how many registry records were fed through the view (0 when it was current) */
    public static long bringUpToDate(Path dataDir, Stores stores, LaneView view) {
        Path marker = dataDir.resolve("stores").resolve("lane-view.format");
        try {
            if (Files.exists(marker) && FORMAT.equals(Files.readString(marker).trim())) {
                return 0;
            }
            long fed = 0;
            for (StoreName name : List.of(StoreName.VEHICLES, StoreName.ACCOUNTS, StoreName.CONSIGNMENTS, StoreName.BUNDLES)) {
                fed += feed(stores, name, view);
            }
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, FORMAT);
            hk.seamless.store.OwnerOnly.file(marker);
            return fed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bring the lane view up to date", e);
        }
    }

    private static long feed(Stores stores, StoreName name, LaneView view) {
        List<RegistryChange.Write> writes = new ArrayList<>();
        long[] fed = {0};
        stores.store(name).forEach((key, value) -> {
            writes.add(new RegistryChange.Write(name, key, value));
            if (writes.size() == WRITES_PER_CHANGE) {
                fed[0] += apply(writes, view);
            }
        });
        fed[0] += apply(writes, view);
        return fed[0];
    }

    private static int apply(List<RegistryChange.Write> writes, LaneView view) {
        int n = writes.size();
        if (n > 0) {
            view.onChange(new RegistryChange(0, Instant.EPOCH, "lane view upgrade", List.of(), writes));
            writes.clear();
        }
        return n;
    }
}
