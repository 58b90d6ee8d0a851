package hk.seamless.kafka;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.Direction;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.engine.Engine;
import hk.seamless.http.TradeApiClient;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.JsonCodec;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.StoreName;
import hk.seamless.store.StoreSizes;
import hk.seamless.trade.Bundle;
import hk.seamless.trade.BundleStatus;
import hk.seamless.trade.Bundles;
import hk.seamless.trade.CargoInformation;
import hk.seamless.trade.Consignment;
import hk.seamless.trade.ConsignmentStatus;
import hk.seamless.trade.PackagedCargo;
import hk.seamless.trade.Party;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a measurement, run by hand (benchmarks/README.md, "The lane feed over Kafka"). Fills
 * a registry's maps directly with {@code bundles} ACTIVE bundles, one BUNDLED consignment each
 * (making them through the API would take hours here), starts it in role registry on a Kafka
 * broker, then a lane engine on an empty data folder, and times the lane engine until it serves
 * with its views rebuilt from the registry's snapshot.
 *
 * <pre>java ... hk.seamless.kafka.SnapshotRebuildMeasurement 1000000</pre>
 */
public final class SnapshotRebuildMeasurement {

    private static final String FEED_TOKEN = "feed-token-for-the-measurement-0123456789";

    public static void main(String[] args) throws Exception {
        int bundles = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("seamless-rebuild");
        // Sized for the bundles: ACTIVE bundles and BUNDLED consignments are the open days' traffic.
        EngineConfig base = new ConfigLoader(Map.of(
                        "SEAMLESS_RETENTION",
                        "P1D",
                        "SEAMLESS_DAILY_CONSIGNMENTS",
                        Integer.toString(Math.max(1_000, bundles / 12))))
                .load(null)
                .withHttpPort(0);
        EngineConfig registryConfig = base.withDataDir(folder.resolve("registry"));
        long t0 = System.nanoTime();
        fill(registryConfig, bundles);
        System.out.printf("filled %d bundles and consignments in %.1f s%n", bundles, (System.nanoTime() - t0) / 1e9);
        try (KafkaBroker broker = KafkaBroker.started();
                Engine registry = Engine.start(
                        registryConfig.withTopology(Topology.registry(broker.bootstrapServers(), FEED_TOKEN)),
                        Clock.systemUTC())) {
            long started = System.nanoTime();
            try (Engine lane = Engine.start(
                    base.withDataDir(folder.resolve("lmc"))
                            .withTopology(Topology.lane(
                                    broker.bootstrapServers(),
                                    "LMC",
                                    URI.create("http://127.0.0.1:" + registry.port()),
                                    FEED_TOKEN)),
                    Clock.systemUTC())) {
                double serving = (System.nanoTime() - started) / 1e9;
                var health = new TradeApiClient(lane.port(), lane.adminToken())
                        .get("/health", null)
                        .json();
                System.out.printf(
                        "a lane engine on an empty folder, %d active bundles at the registry: serving after"
                                + " %.1f s; views stale: %s; feed %s%n",
                        bundles,
                        serving,
                        health.getBoolean("laneViewStale"),
                        health.getJsonObject("feed").encode());
            }
        }
    }

    private static void fill(EngineConfig config, int bundles) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(hk.seamless.config.HongKong.TIME_ZONE);
        try (ChronicleStores stores = ChronicleStores.open(config.server().dataDir(), StoreSizes.of(config))) {
            KeyValueStore bundleStore = stores.store(StoreName.BUNDLES);
            KeyValueStore active = stores.store(StoreName.ACTIVE_BUNDLES);
            KeyValueStore consignments = stores.store(StoreName.CONSIGNMENTS);
            for (int i = 0; i < bundles; i++) {
                String id = String.format("B%024x", i);
                String mark = String.format("ZZ%06d", i);
                String ccrn = String.format("99%014d", i);
                Bundle bundle = new Bundle(
                        id,
                        "Atrucker",
                        mark,
                        mark,
                        Direction.IMPORT,
                        List.of(ccrn),
                        false,
                        BundleStatus.ACTIVE,
                        now,
                        now,
                        null,
                        List.of(),
                        null);
                bundleStore.put(id, JsonCodec.write(bundle));
                active.put(Bundles.activeKey(mark, Direction.IMPORT), id);
                CargoInformation cargo = new CargoInformation(
                        Direction.IMPORT,
                        today,
                        new Party("Acme Trading Co., Ltd.", "1 Nathan Road"),
                        new Party("深圳市華強電子有限公司", "Futian"),
                        new PackagedCargo("Cartons", 10, "Mobile phones"),
                        null);
                consignments.put(
                        ccrn,
                        JsonCodec.write(
                                new Consignment(ccrn, "Ashipper", 1, ConsignmentStatus.BUNDLED, cargo, now, now, id)));
            }
        }
    }
}
