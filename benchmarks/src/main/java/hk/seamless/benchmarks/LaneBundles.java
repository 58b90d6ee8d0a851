package hk.seamless.benchmarks;

import hk.seamless.config.Direction;
import hk.seamless.config.HongKongControlPoints;
import hk.seamless.feed.FeedSource;
import hk.seamless.feed.LaneChange;
import hk.seamless.lane.LaneBenchmarkAccess;
import hk.seamless.lane.LaneFeedConsumer;
import hk.seamless.lane.LaneView;
import hk.seamless.risk.RiskView;
import hk.seamless.store.Stores;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Realistic ACTIVE bundles for the lane-side benchmarks: bundle {@code i} belongs to an ordinary
 * Hong Kong mark (two letters, 1 to 9999) in one direction, carries two CCRNs and no risk hits,
 * as the lane feed carries it. Deterministic, so every store gets the same data.
 *
 * <p>Bundle {@code i} is for mark {@code i / 2} and direction IMPORT (even i) or EXPORT (odd i):
 * 10 million bundles use 5 million marks, AA1..AA9999, AB1..., within the 6.76 million that two
 * letters and four digits give.
 */
final class LaneBundles {

    static final long EARLIEST_CROSSING = Instant.parse("2026-11-26T03:00:00Z").toEpochMilli();
    /** Every bundle's trucker, fed and encoded alike: a registry account id (R and 24 hex digits, as Tokens.newId makes). */
    private static final String TRUCKER = "R3f2a9c1b7d5e4f6a8b9c0d1e";

    private LaneBundles() {}

    static String mark(int i) {
        int j = i / 2;
        int letters = j / 9_999;
        if (letters >= 26 * 26) {
            throw new IllegalArgumentException("more bundles than two-letter marks: " + i);
        }
        return "" + (char) ('A' + letters / 26) + (char) ('A' + letters % 26) + (1 + j % 9_999);
    }

    static Direction direction(int i) {
        return (i & 1) == 0 ? Direction.IMPORT : Direction.EXPORT;
    }

    static String id(int i) {
        return "B000000000000" + Long.toHexString(0x5eed_0000_0000L + i); // B and 24 hex digits, like the registry's
    }

    static String ccrn(int i, int which) {
        // 16 digits, "26" (the year) first, as the registry issues them; check digit not needed here.
        String n = Long.toString(4L * i + which);
        return "26" + "00000000000000".substring(n.length()) + n;
    }

    /** The compact value LaneView stores for bundle i (the same bytes, made by the engine's encoder without the feed). */
    static String compactValue(int i) {
        return compactValue(i, 2);
    }

    /** The compact value of bundle i had it {@code ccrnCount} CCRNs. */
    static String compactValue(int i, int ccrnCount) {
        List<String> ccrns = new java.util.ArrayList<>(ccrnCount);
        for (int which = 0; which < ccrnCount; which++) {
            ccrns.add(ccrn(i, which));
        }
        return LaneBenchmarkAccess.encodeBundle(id(i), EARLIEST_CROSSING, false, List.of(), ccrns, TRUCKER);
    }

    /** The lane-bundles key of bundle i, as LaneView builds it. */
    static String key(int i) {
        return mark(i) + "|" + direction(i).name();
    }

    /**
     * Feeds bundles 0..count-1 to the view as the lane feed would rebuild it: a snapshot of ACTIVE
     * bundles applied by the engine's own consumer.
     */
    static void feed(Stores stores, LaneView view, int count) {
        RiskView risk = new RiskView(stores, HongKongControlPoints.defaults(0.03));
        new LaneFeedConsumer(stores, view, risk).finishStart(new FeedSource() {
            @Override
            public long sequence() {
                return 1;
            }

            @Override
            public long snapshot(Consumer<LaneChange> sink) {
                Instant earliest = Instant.ofEpochMilli(EARLIEST_CROSSING);
                for (int i = 0; i < count; i++) {
                    sink.accept(new LaneChange.BundleActivated(
                            id(i),
                            mark(i),
                            direction(i),
                            earliest,
                            false,
                            List.of(ccrn(i, 0), ccrn(i, 1)),
                            List.of(),
                            TRUCKER));
                }
                return 1;
            }
        });
    }

    /** Indices of existing bundles in random order, for look-ups that miss the CPU caches. */
    static int[] randomIndices(int bundles, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] indices = new int[count];
        for (int k = 0; k < count; k++) {
            indices[k] = random.nextInt(bundles);
        }
        return indices;
    }

    /** Heap in use after two full GCs: what the data set itself keeps alive. */
    static long heapUsedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Bytes a sparse file really holds (on disk and, mapped, in the page cache), read with du. */
    static long allocatedBytes(java.nio.file.Path file) {
        try {
            Process du = new ProcessBuilder("du", "-B1", file.toString()).start();
            String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            du.waitFor();
            return Long.parseLong(out.split("\\s+")[0]);
        } catch (java.io.IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    static String mib(long bytes) {
        return String.format("%,d MiB", bytes >> 20);
    }
}
