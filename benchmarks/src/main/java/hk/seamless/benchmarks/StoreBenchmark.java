package hk.seamless.benchmarks;

import hk.seamless.store.ChronicleStores;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.StoreName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What a consignment read or write costs in the engine's persisted off-heap store, against an
 * on-heap ConcurrentHashMap holding the same strings (the floor: no encoding, no mapped file).
 *
 * <p>Both maps hold 50,000 consignments of about 1.4 kB before measuring; puts overwrite existing
 * CCRNs, so the maps do not grow during a run and every iteration measures the same shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {
            // The same list as chronicle.jvm.flags in the parent pom (ChronicleFlagsTest checks it):
            // forked JVMs are started with -cp, so the jar manifest's Add-Opens do not reach them.
            "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
        })
public class StoreBenchmark {

    static final int CONSIGNMENTS = 50_000;
    static final int CAPACITY = 100_000;
    static final int VALUE_BYTES = 1_400;
    /** A few distinct values, so a put really changes the stored bytes. */
    static final int VALUE_VARIANTS = 8;

    Path dataDir;
    ChronicleStores stores;
    KeyValueStore chronicle;
    ConcurrentHashMap<String, String> heap;
    String[] ccrns;
    String[] values;

    /** Each thread walks the CCRNs in its own order; a fixed key would measure one warm cache line. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        int puts;

        /** The next value variant, so that a put changes what is stored under the key. */
        int variant() {
            return puts++ % VALUE_VARIANTS;
        }

        int advance(int bound) {
            next = next + 7_919 < bound ? next + 7_919 : (next + 7_919) % bound; // a prime stride
            return next;
        }
    }

    @Setup(Level.Trial)
    public void fill() throws IOException {
        dataDir = Files.createTempDirectory("seamless-store-bench");
        stores = ChronicleStores.open(dataDir, hk.seamless.store.StoreSizes.forDailyConsignments(CAPACITY / 100));
        chronicle = stores.store(StoreName.CONSIGNMENTS);
        heap = new ConcurrentHashMap<>(CAPACITY);
        LocalDate expected = LocalDate.now().plusDays(3);
        values = new String[VALUE_VARIANTS];
        for (int v = 0; v < VALUE_VARIANTS; v++) {
            values[v] = TypicalConsignment.storedValue(expected, VALUE_BYTES, v);
        }
        ccrns = new String[CONSIGNMENTS];
        for (int i = 0; i < CONSIGNMENTS; i++) {
            ccrns[i] = String.format("26%014d", 31_337L * i); // CCRN-shaped 16-digit keys
            String value = values[i % VALUE_VARIANTS];
            chronicle.put(ccrns[i], value);
            heap.put(ccrns[i], value);
        }
    }

    @TearDown(Level.Trial)
    public void deleteDataDir() throws IOException {
        stores.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(StoreBenchmark::delete);
        }
    }

    @Benchmark
    public String chronicleGet(Cursor cursor) {
        return chronicle.get(ccrns[cursor.advance(CONSIGNMENTS)]);
    }

    /** void is safe here: a write to a mapped file is a side effect the JIT must keep. */
    @Benchmark
    public void chroniclePut(Cursor cursor) {
        chronicle.put(ccrns[cursor.advance(CONSIGNMENTS)], values[cursor.variant()]);
    }

    /**
     * A removal, as the registry drops a vehicle's active-bundle key and the lane view a used bundle,
     * with the put that restores the key: less {@link #chroniclePut} is what the removal costs.
     */
    @Benchmark
    public void chronicleRemoveThenPut(Cursor cursor) {
        String ccrn = ccrns[cursor.advance(CONSIGNMENTS)];
        chronicle.remove(ccrn);
        chronicle.put(ccrn, values[cursor.variant()]);
    }

    @Benchmark
    public String heapMapGet(Cursor cursor) {
        return heap.get(ccrns[cursor.advance(CONSIGNMENTS)]);
    }

    @Benchmark
    public String heapMapPut(Cursor cursor) {
        return heap.put(ccrns[cursor.advance(CONSIGNMENTS)], values[cursor.variant()]);
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
