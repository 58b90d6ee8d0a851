package hk.seamless.benchmarks;

import hk.seamless.config.Direction;
import hk.seamless.lane.BundleAtLane;
import hk.seamless.lane.LaneBenchmarkAccess;
import hk.seamless.lane.LaneView;
import hk.seamless.store.LaneBundleStores;
import hk.seamless.store.StoreName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The lane's one look-up per arrival: the ACTIVE bundle of a vehicle by mark and direction.
 *
 * <ul>
 * <li>{@code engineActiveBundle}: {@link LaneView#activeBundle} over the persisted Chronicle map
 *     the engine uses ({@code lane-bundles}), filled through the lane feed's consumer with
 *     each bundle (two CCRNs each), exactly as a rebuild from the registry fills it. The value is read into a reused buffer and parsed in place.</li>
 * <li>{@code heapMapGet}: the baseline, a {@code ConcurrentHashMap<String, String>} on the heap
 *     holding the same compact values under the same keys; the key String is built per look-up
 *     (a String-keyed map cannot be asked with a reused builder) and the value is parsed by the
 *     same flyweight, so the two differ only in where the bytes are kept.</li>
 * </ul>
 *
 * <p>Look-ups walk a precomputed array of 2^20 random existing keys (each thread from its own
 * offset), so they miss the CPU caches as a lane's would. Every look-up must hit: a miss throws.
 * Four parsed fields go to the Blackhole.
 *
 * <p>Each fork fills only the store its benchmark uses, once per trial (10 million takes about
 * a minute for Chronicle), and prints the heap in use after set-up (two full GCs first) and the
 * off-heap bytes, to read beside {@code -prof gc}. The heap is fixed at 8 GiB for both so that GC
 * costs compare; the 10-million heap map needs about 2 GiB of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgs = {"-Xms8g", "-Xmx8g"},
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
public class BundleLookupBenchmark {

    static final int PROBES = 1 << 20;

    @Param({"1000000", "10000000"})
    public int bundles;

    String[] probeMarks;
    Direction[] probeDirections;
    int[] probeIndices;
    long heapBeforeData;

    @Setup(Level.Trial)
    public void probes() {
        probeIndices = LaneBundles.randomIndices(bundles, PROBES, 42);
        probeMarks = new String[PROBES];
        probeDirections = new Direction[PROBES];
        for (int k = 0; k < PROBES; k++) {
            probeMarks[k] = LaneBundles.mark(probeIndices[k]);
            probeDirections[k] = LaneBundles.direction(probeIndices[k]);
        }
        heapBeforeData = LaneBundles.heapUsedAfterGc();
    }

    /** The engine's lane-side store: a persisted Chronicle map in a fresh temp folder. */
    @State(Scope.Benchmark)
    public static class EngineStore {
        Path dataDir;
        LaneBundleStores stores;
        LaneView view;

        @Setup(Level.Trial)
        public void fill(BundleLookupBenchmark b) throws IOException {
            dataDir = Files.createTempDirectory("seamless-bundle-lookup");
            long started = System.nanoTime();
            // lane-bundles sized for every bundle,
            // the other maps small: see LaneBundleStores for why.
            stores = LaneBundleStores.open(dataDir, b.bundles + 1_000L);
            long opened = System.nanoTime();
            view = new LaneView(stores);
            LaneBundles.feed(stores, view, b.bundles);
            long filled = System.nanoTime();
            BundleAtLane check = new BundleAtLane();
            for (int k = 0; k < 1_000; k++) {
                int i = b.probeIndices[k];
                if (!view.activeBundle(b.probeMarks[k], b.probeDirections[k], check)
                        || !LaneBenchmarkAccess.raw(check).toString().equals(LaneBundles.compactValue(i))) {
                    throw new IllegalStateException("lane-bundles does not hold bundle " + i + " as expected");
                }
            }
            long heap = LaneBundles.heapUsedAfterGc();
            long allocated = LaneBundles.allocatedBytes(LaneBundleStores.laneBundlesFile(dataDir));
            long lookAlikes = LaneBundles.allocatedBytes(LaneBundleStores.file(dataDir, StoreName.LANE_LOOK_ALIKES));
            System.out.printf(
                    "%n[set-up] chronicle: %,d bundles (map size %,d), opened in %,d ms, filled through "
                            + "the lane feed in %,d ms; lane-bundles file holds %s (%,d B per bundle; sized for %s),"
                            + " lane-look-alikes %s (%,d B per bundle, %,d groups); heap used %s (data %s), -Xmx %s%n",
                    b.bundles,
                    stores.store(StoreName.LANE_BUNDLES).size(),
                    (opened - started) / 1_000_000,
                    (filled - opened) / 1_000_000,
                    LaneBundles.mib(allocated),
                    allocated / b.bundles,
                    LaneBundles.mib(stores.store(StoreName.LANE_BUNDLES).offHeapBytes()),
                    LaneBundles.mib(lookAlikes),
                    lookAlikes / b.bundles,
                    stores.store(StoreName.LANE_LOOK_ALIKES).size(),
                    LaneBundles.mib(heap),
                    LaneBundles.mib(heap - b.heapBeforeData),
                    LaneBundles.mib(Runtime.getRuntime().maxMemory()));
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            stores.close();
            TempFolders.delete(dataDir);
        }
    }

    /** The baseline: the same compact values in a ConcurrentHashMap on the heap. */
    @State(Scope.Benchmark)
    public static class HeapStore {
        ConcurrentHashMap<String, String> map;

        @Setup(Level.Trial)
        public void fill(BundleLookupBenchmark b) {
            long started = System.nanoTime();
            map = new ConcurrentHashMap<>(b.bundles * 4 / 3 + 16);
            for (int i = 0; i < b.bundles; i++) {
                map.put(LaneBundles.key(i), LaneBundles.compactValue(i));
            }
            long filled = System.nanoTime();
            long heap = LaneBundles.heapUsedAfterGc();
            System.out.printf(
                    "%n[set-up] heap map: %,d bundles, filled in %,d ms; heap used %s (data %s, %,d B per bundle), -Xmx %s%n",
                    map.size(),
                    (filled - started) / 1_000_000,
                    LaneBundles.mib(heap),
                    LaneBundles.mib(heap - b.heapBeforeData),
                    (heap - b.heapBeforeData) / b.bundles,
                    LaneBundles.mib(Runtime.getRuntime().maxMemory()));
        }
    }

    /** A reading thread's reusable flyweight (as the pipeline thread has) and its place in the probes. */
    @State(Scope.Thread)
    public static class Reader {
        final BundleAtLane bundle = new BundleAtLane();
        int next;

        @Setup(Level.Trial)
        public void start() {
            next = (int) (Thread.currentThread().getId() * 7_919) & (PROBES - 1);
        }

        int advance() {
            next = (next + 1) & (PROBES - 1);
            return next;
        }
    }

    @Benchmark
    public void engineActiveBundle(EngineStore store, Reader reader, Blackhole bh) {
        int k = reader.advance();
        BundleAtLane bundle = reader.bundle;
        if (!store.view.activeBundle(probeMarks[k], probeDirections[k], bundle)) {
            throw new IllegalStateException("no bundle for " + probeMarks[k]);
        }
        consume(bundle, bh);
    }

    @Benchmark
    public void heapMapGet(HeapStore store, Reader reader, Blackhole bh) {
        int k = reader.advance();
        String value = store.map.get(probeMarks[k] + "|" + probeDirections[k].name());
        if (value == null) {
            throw new IllegalStateException("no bundle for " + probeMarks[k]);
        }
        BundleAtLane bundle = reader.bundle;
        LaneBenchmarkAccess.wrap(value, bundle);
        consume(bundle, bh);
    }

    /** What ClearanceRules reads from the bundle next. */
    static void consume(BundleAtLane bundle, Blackhole bh) {
        bh.consume(bundle.earliestCrossingMillis());
        bh.consume(bundle.ccrnCount());
        bh.consume(bundle.empty());
        bundle.trucker(TRUCKER);
        bh.consume(TRUCKER.length());
    }

    /** The benchmark thread's buffer for the trucker ClearanceRules checks for suspension. */
    private static final StringBuilder TRUCKER = new StringBuilder(32);
}
