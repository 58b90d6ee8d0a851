package hk.seamless.benchmarks;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.LogSettings;
import hk.seamless.engine.Engine;
import hk.seamless.log.SegmentedLog;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.RegistryChange;
import hk.seamless.store.RegistryReplay;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreSizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Not a JMH benchmark: one timed run of what a start costs. {@code java -cp benchmarks.jar
 * hk.seamless.benchmarks.LogReplayDriver [CHANGES]} (default 100,000) makes a data folder whose
 * registry log holds CHANGES consignment lodgements (~1.6 kB each) the maps never saw, as after a
 * {@code kill -9} that long after the last checkpoint, and times (1) their replay over the
 * Chronicle maps, as a start does, (2) a clean engine start on that folder once checkpointed.
 */
public final class LogReplayDriver {

    private LogReplayDriver() {}

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = Files.createTempDirectory("seamless-replay");
        try {
            String consignment = "{\"ccrn\":\"%016d\",\"direction\":\"IMPORT\",\"status\":\"LODGED\",\"padding\":\""
                    + "x".repeat(1_300) + "\"}";
            long started = System.nanoTime();
            try (SegmentedLog log = SegmentedLog.open(
                    data.resolve("log").resolve("registry"),
                    LogSettings.defaults().withFsync(false),
                    Clock.systemUTC(),
                    e -> {})) {
                for (int i = 1; i <= changes; i++) {
                    String ccrn = String.format("%016d", i);
                    log.append(JsonCodec.writeBytes(new RegistryChange(
                            i,
                            Instant.now(),
                            "driver",
                            List.of(new RegistryChange.AuditEvent("CONSIGNMENT_LODGED", ccrn, "IMPORT")),
                            List.of(new RegistryChange.Write(
                                    StoreName.CONSIGNMENTS, ccrn, String.format(consignment, i))))));
                }
                System.out.printf(
                        "wrote %,d entries (%,d bytes) in %d ms%n",
                        changes, log.sizeBytes(), (System.nanoTime() - started) / 1_000_000);
            }
            long t = System.nanoTime();
            long[] read = {0};
            SegmentedLog.open(
                            data.resolve("log").resolve("registry"),
                            LogSettings.defaults(),
                            Clock.systemUTC(),
                            e -> read[0]++)
                    .close();
            System.out.printf(
                    "read and checked %,d entries (CRC, sequence, SHA-256 chain; no maps) in %d ms%n",
                    read[0], (System.nanoTime() - t) / 1_000_000);
            // maps sized by daily traffic (a consignment stays about a hundred days): room for twice the changes
            long daily = Math.max(2_000, changes * 2L / 100);
            try (ChronicleStores stores = ChronicleStores.open(data, StoreSizes.forDailyConsignments(daily))) {
                RegistryReplay replay = new RegistryReplay(stores, List.of());
                long t0 = System.nanoTime();
                SegmentedLog log = SegmentedLog.open(
                        data.resolve("log").resolve("registry"),
                        LogSettings.defaults(),
                        Clock.systemUTC(),
                        e -> replay.accept(e.payload()));
                replay.close();
                long replayMillis = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf(
                        "replayed %,d entries after the (absent) checkpoint in %d ms: %.0f ms per 100k%n",
                        replay.replayed(), replayMillis, replayMillis * 100_000.0 / changes);
                long t1 = System.nanoTime();
                stores.force();
                log.checkpoint(java.util.Map.of());
                System.out.printf(
                        "forcing the maps and checkpointing took %d ms%n", (System.nanoTime() - t1) / 1_000_000);
                log.close();
            }
            EngineConfig config =
                    EngineConfig.defaults().withHttpPort(0).withDataDir(data).withDailyConsignments(daily);
            // The first start brings the lane view up to date from the maps (they were filled here,
            // not by an engine): the second is the clean restart an operator sees.
            for (String which : List.of("first", "second")) {
                long t2 = System.nanoTime();
                Engine engine = Engine.start(config, Clock.systemUTC());
                System.out.printf(
                        "%s clean engine start on %,d logged changes: %d ms%n",
                        which, changes, (System.nanoTime() - t2) / 1_000_000);
                engine.close();
            }
            long[] handed = {0};
            long t3 = System.nanoTime();
            SegmentedLog.open(
                            data.resolve("log").resolve("registry"),
                            LogSettings.defaults(),
                            Clock.systemUTC(),
                            e -> handed[0]++)
                    .close();
            System.out.printf(
                    "after a clean stop, opening the registry log hands over %d entries (%d ms)%n",
                    handed[0], (System.nanoTime() - t3) / 1_000_000);
        } finally {
            TempFolders.delete(data);
        }
    }
}
