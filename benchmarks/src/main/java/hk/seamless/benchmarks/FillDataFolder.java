package hk.seamless.benchmarks;

import hk.seamless.store.ChronicleStores;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreSizes;
import java.nio.file.Path;

/**
 * Makes a data folder that holds many consignments, for timing a clean restart of the engine on it
 * ({@code benchmarks/run-start.sh --data DIR}): opens the engine's stores as the engine would for
 * {@code dailyConsignments} (start the engine with the same SEAMLESS_DAILY_CONSIGNMENTS), puts
 * {@code count} typical consignments straight into the consignment store and closes cleanly. The
 * journal stays empty: this measures opening the maps, not replaying history.
 *
 * <pre>java $CHRONICLE_FLAGS -cp benchmarks/target/benchmarks.jar hk.seamless.benchmarks.FillDataFolder DIR 80000 10000000</pre>
 */
public final class FillDataFolder {

    private FillDataFolder() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        long daily = Long.parseLong(args[1]);
        int count = Integer.parseInt(args[2]);
        ScaleFill.Records consignments = new ScaleFill.Consignments();
        long started = System.nanoTime();
        try (ChronicleStores stores = ChronicleStores.open(dataDir, StoreSizes.forDailyConsignments(daily))) {
            System.out.printf("stores opened in %.1f s%n", (System.nanoTime() - started) / 1e9);
            KeyValueStore store = stores.store(StoreName.CONSIGNMENTS);
            long millionStart = System.nanoTime();
            for (int i = 0; i < count; i++) {
                store.put(consignments.key(i), consignments.value(i));
                if ((i + 1) % 1_000_000 == 0) {
                    System.out.printf(
                            "%,d consignments (%.1f s for the last million)%n",
                            i + 1, (System.nanoTime() - millionStart) / 1e9);
                    millionStart = System.nanoTime();
                }
            }
        }
        System.out.printf(
                "%,d consignments in %s, closed cleanly after %.0f s%n",
                count, dataDir, (System.nanoTime() - started) / 1e9);
    }
}
