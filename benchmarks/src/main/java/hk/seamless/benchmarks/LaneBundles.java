package hk.seamless.benchmarks;

import hk.seamless.config.Direction;
import hk.seamless.lane.LaneBenchmarkAccess;
import hk.seamless.lane.LaneView;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.StoreName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic ACTIVE bundles for the lane-side benchmarks: bundle {@code i} belongs to an ordinary
 * Hong Kong mark (two letters, 1 to 9999) in one direction, carries two CCRNs and no risk hits,
 * as the registry's JSON for it would say. Deterministic, so every store gets the same data.
 *
 * <p>Bundle {@code i} is for mark {@code i / 2} and direction IMPORT (even i) or EXPORT (odd i):
 * 10 million bundles use 5 million marks, AA1..AA9999, AB1..., within the 6.76 million that two
 * letters and four digits give.
 */
final class LaneBundles {

    static final long EARLIEST_CROSSING = Instant.parse("2026-11-26T03:00:00Z").toEpochMilli();
    private static final String EARLIEST_CROSSING_TEXT = "2026-11-26T03:00:00Z";

    private LaneBundles() {
    }

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
        return "B000000000000" + Long.toHexString(0x5eed_0000_0000L + i); // 25 characters, like the registry's

    }

    static String ccrn(int i, int which) {
        // 16 digits, "26" (the year) first, as the registry issues them; check digit not needed here.
        String n = Long.toString(2L * i + which);
        return "26" + "00000000000000".substring(n.length()) + n;
    }

    /** The registry's JSON for bundle i, with the fields the registry writes (LaneView reads some). */
    static String registryJson(int i) {
        String mark = mark(i);
        return "{\"id\":\"" + id(i) + "\",\"trucker\":\"R3f2a9c1b7d5e4f6a8b9c0d1e\",\"vehicleMark\":\"" + mark
                + "\",\"vehicleMarkDisplay\":\"" + mark.substring(0, 2) + " " + mark.substring(2)
                + "\",\"direction\":\"" + direction(i) + "\",\"ccrns\":[\"" + ccrn(i, 0) + "\",\"" + ccrn(i, 1)
                + "\"],\"empty\":false,\"status\":\"ACTIVE\",\"bundledAt\":\"2026-11-26T02:30:00Z\",\"earliestCrossingAt\":\""
                + EARLIEST_CROSSING_TEXT + "\",\"endedAt\":null,\"riskHits\":[]}";
    }

    /** The compact value LaneView stores for bundle i (the same bytes, made without the JSON). */
    static String compactValue(int i) {
        return LaneBenchmarkAccess.encodeBundle(id(i), EARLIEST_CROSSING, false, List.of(), List.of(ccrn(i, 0), ccrn(i, 1)));
    }

    /** The lane-bundles key of bundle i, as LaneView builds it. */
    static String key(int i) {
        return mark(i) + "|" + direction(i).name();
    }

    /** Feeds bundles 0..count-1 to the view as the registry-change stream would, in batches. */
    static void feed(LaneView view, int count) {
        int batch = 10_000;
        long sequence = 1;
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            List<RegistryChange.Write> writes = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                writes.add(new RegistryChange.Write(StoreName.BUNDLES, id(i), registryJson(i)));
            }
            view.onChange(new RegistryChange(sequence++, Instant.EPOCH, "benchmark", List.of(), writes));
        }
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
