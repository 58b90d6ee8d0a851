package hk.seamless.store;

import net.openhft.chronicle.map.ChronicleMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Benchmarks only: the engine's stores with {@code lane-bundles} sized for many bundles and every
 * other map small. {@code ChronicleStores.open(dir, capacity)} sizes all 19 maps from one capacity,
 * and creating them at 5 million took 82 s on the 2-core machine (50 million, for 10 million
 * bundles, would take many minutes), while a lane look-up touches only lane-bundles.
 *
 * <p>lane-bundles is built with the same builder settings as {@code ChronicleStores.openMap}
 * (copied: keep them in step) and wrapped in the engine's own {@link ChronicleKeyValueStore}.
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
        ChronicleStores small = ChronicleStores.open(dataDir.resolve("small"), 10_000); // also loads NoPhoneHome
        StoreName name = StoreName.LANE_BUNDLES;
        try {
            ChronicleMap<CharSequence, CharSequence> map = ChronicleMap.of(CharSequence.class, CharSequence.class)
                    .name(name.name().toLowerCase())
                    .entries(bundles)
                    .averageKeySize(name.averageKeyBytes())
                    .averageValueSize(name.averageValueBytes())
                    .maxBloatFactor(4.0)
                    .sparseFile(true)
                    .checksumEntries(true)
                    .createPersistedTo(dataDir.resolve(name.fileName()).toFile());
            return new LaneBundleStores(small, new ChronicleKeyValueStore(map, bundles, 4.0));
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
