package hk.seamless.benchmarks;

import hk.seamless.config.Direction;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.StoreName;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.CargoInformationReader;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.LodgementWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;

/**
 * How many bytes of memory-mapped file a consignment and a bundle really occupy: fills fresh
 * stores with realistic records (Chinese names, long article lists; bundles of two CCRNs) and
 * reads the blocks the files hold with {@code du}, since Chronicle's files are sparse and their
 * nominal size says only what they were sized for.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar hk.seamless.benchmarks.StoreFootprint [records]</pre>
 */
public final class StoreFootprint {

    private StoreFootprint() {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("seamless-footprint");
        Instant now = Instant.parse("2026-11-26T02:00:00Z");
        LocalDate expected =
                LocalDate.ofInstant(now, hk.seamless.config.HongKong.TIME_ZONE).plusDays(3);
        CargoInformation cargo = new CargoInformationReader(LodgementWindow.hongKong(Period.ofDays(14)))
                .read(TypicalConsignment.body(expected), now);
        long consignmentJson = 0;
        long bundleJson = 0;
        try (ChronicleStores stores =
                ChronicleStores.open(dir, hk.seamless.store.StoreSizes.forDailyConsignments(records / 100))) {
            long emptyConsignments = allocated(dir, StoreName.CONSIGNMENTS);
            long emptyBundles = allocated(dir, StoreName.BUNDLES);
            for (int i = 0; i < records; i++) {
                String ccrn = String.format("26%014d", i);
                String c = JsonCodec.write(new Consignment(
                        ccrn, "R3f2a9c1b7d5e4f6a8b9c0d1e", 1, ConsignmentStatus.LODGED, cargo, now, now, null));
                String b = JsonCodec.write(new Bundle(
                        String.format("B%024x", i),
                        "R3f2a9c1b7d5e4f6a8b9c0d1e",
                        "FU" + (1000 + i % 9000),
                        "FU " + (1000 + i % 9000),
                        Direction.IMPORT,
                        List.of(ccrn, String.format("26%014d", i + records)),
                        false,
                        BundleStatus.ACTIVE,
                        now,
                        now.plusSeconds(1800),
                        null));
                stores.store(StoreName.CONSIGNMENTS).put(ccrn, c);
                stores.store(StoreName.BUNDLES).put(String.format("B%024x", i), b);
                consignmentJson += c.getBytes(StandardCharsets.UTF_8).length;
                bundleJson += b.getBytes(StandardCharsets.UTF_8).length;
            }
            report("consignment", records, consignmentJson, allocated(dir, StoreName.CONSIGNMENTS) - emptyConsignments);
            report("bundle", records, bundleJson, allocated(dir, StoreName.BUNDLES) - emptyBundles);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String what, int records, long jsonBytes, long allocatedBytes) {
        System.out.printf(
                "%-12s records %,d  value (JSON) %,d B avg  off-heap %,d B per record (%,d B in all)%n",
                what, records, jsonBytes / records, allocatedBytes / records, allocatedBytes);
    }

    /** Bytes the sparse file really holds on disk (and in the page cache when mapped). */
    private static long allocated(Path dir, StoreName store) throws IOException, InterruptedException {
        Path file = dir.resolve("stores").resolve(store.fileName());
        Process du = new ProcessBuilder("du", "-B1", file.toString()).start();
        String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        du.waitFor();
        return Long.parseLong(out.split("\\s+")[0]);
    }
}
