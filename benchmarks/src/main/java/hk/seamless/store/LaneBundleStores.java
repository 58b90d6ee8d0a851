package hk.seamless.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Benchmarks only: the engine's stores with {@code lane-bundles} sized for many bundles and every
 * other map small, since a lane look-up touches only lane-bundles. lane-bundles is built by the
 * engine's own {@link ChronicleStores#builder} and wrapped in its {@link ChronicleKeyValueStore}.
 */
public final class LaneBundleStores implements Stores, AutoCloseable {

    private final ChronicleStores small;
    private final ChronicleKeyValueStore laneBundles;

    private LaneBundleStores(ChronicleStores small, ChronicleKeyValueStore laneBundles) {
        this.small = small;
        this.laneBundles = laneBundles;
    }

    /** @param bundles how many ACTIVE bundles lane-bundles must hold (its {@code entries}) */
    public static LaneBundleStores open(Path dataDir, long bundles) {
        ChronicleStores small = ChronicleStores.open(dataDir.resolve("small"), StoreSizes.forDailyConsignments(100));
        StoreName name = StoreName.LANE_BUNDLES;
        try {
            ChronicleMap<CharSequence, CharSequence> map = ChronicleStores.builder(name, bundles)
                    .createPersistedTo(dataDir.resolve(name.fileName()).toFile());
            return new LaneBundleStores(
                    small, new ChronicleKeyValueStore(map, bundles, ChronicleStores.MAX_BLOAT_FACTOR));
        } catch (IOException e) {
            small.close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public KeyValueStore store(StoreName name) {
        return name == StoreName.LANE_BUNDLES ? laneBundles : small.store(name);
    }

    /** The lane-bundles map file, for measuring what it really occupies. */
    public static Path laneBundlesFile(Path dataDir) {
        return dataDir.resolve(StoreName.LANE_BUNDLES.fileName());
    }

    @Override
    public void close() {
        laneBundles.close();
        small.close();
    }
}
