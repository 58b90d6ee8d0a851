package hk.seamless.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * Benchmarks only: the engine's stores with {@code lane-bundles} and {@code lane-look-alikes} (the
 * bundles' marks by look-alike fold, one entry per bundled mark at most) sized for many bundles and
 * every other map small, since a lane look-up touches only those. Both are built by the engine's own
 * {@link ChronicleStores#builder} and wrapped in its {@link ChronicleKeyValueStore}.
 */
public final class LaneBundleStores implements Stores, AutoCloseable {

    private final ChronicleStores small;
    private final ChronicleKeyValueStore laneBundles;
    private final ChronicleKeyValueStore lookAlikes;

    private LaneBundleStores(
            ChronicleStores small, ChronicleKeyValueStore laneBundles, ChronicleKeyValueStore lookAlikes) {
        this.small = small;
        this.laneBundles = laneBundles;
        this.lookAlikes = lookAlikes;
    }

    /** @param bundles how many ACTIVE bundles lane-bundles must hold (its {@code entries}) */
    public static LaneBundleStores open(Path dataDir, long bundles) {
        ChronicleStores small = ChronicleStores.open(dataDir.resolve("small"), StoreSizes.forDailyConsignments(100));
        try {
            return new LaneBundleStores(
                    small,
                    open(dataDir, StoreName.LANE_BUNDLES, bundles),
                    open(dataDir, StoreName.LANE_LOOK_ALIKES, bundles));
        } catch (IOException e) {
            small.close();
            throw new UncheckedIOException(e);
        }
    }

    private static ChronicleKeyValueStore open(Path dataDir, StoreName name, long entries) throws IOException {
        ChronicleMap<CharSequence, CharSequence> map = ChronicleStores.builder(name, entries)
                .createPersistedTo(file(dataDir, name).toFile());
        return new ChronicleKeyValueStore(map, entries, ChronicleStores.MAX_BLOAT_FACTOR);
    }

    @Override
    public KeyValueStore store(StoreName name) {
        return switch (name) {
            case LANE_BUNDLES -> laneBundles;
            case LANE_LOOK_ALIKES -> lookAlikes;
            default -> small.store(name);
        };
    }

    /** The lane-bundles map file, for measuring what it really occupies. */
    public static Path laneBundlesFile(Path dataDir) {
        return file(dataDir, StoreName.LANE_BUNDLES);
    }

    /** The file of one of the two large maps. */
    public static Path file(Path dataDir, StoreName name) {
        return dataDir.resolve(name.fileName());
    }

    @Override
    public void close() {
        laneBundles.close();
        lookAlikes.close();
        small.close();
    }
}
