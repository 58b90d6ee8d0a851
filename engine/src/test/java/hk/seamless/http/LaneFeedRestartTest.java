package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.lane.LaneViewComparison;
import hk.seamless.store.ChronicleStores;
import hk.seamless.store.StoreName;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real engine feeds its lane view through the lane feed: after trade through the API, and
 * across a restart, the lane view holds exactly what the registry says, the applied sequence
 * goes on from where it was, and /health says the view is current.
 */
class LaneFeedRestartTest {

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(EngineHarness.START);
    private RestartableEngine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    /** The engine stopped, its data folder opened as it is on disk: the lane feed's applied sequence. */
    private long appliedAndCompared() {
        engine.stop();
        try (ChronicleStores stores =
                ChronicleStores.open(dataDir, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            LaneViewComparison.assertLaneViewMatchesRegistry(stores);
            return Long.parseLong(stores.store(StoreName.LANE_FEED).get("applied"));
        }
    }

    private static String line(String metrics, String prefix) {
        return metrics.lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError(prefix));
    }

    @Test
    void theLaneViewMatchesTheRegistryAndItsSequenceGoesOnAcrossRestarts() {
        engine = new RestartableEngine(dataDir, clock);
        TradeApiClient api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
        String mark = api.newVehicle(trucker.token());
        String ccrn =
                api.lodgeCcrn(shipper.token(), "IMPORT", clock.hongKongToday().plusDays(1));
        String bundleId = api.bundle(trucker.token(), mark, "IMPORT", ccrn).getString("bundleId");
        api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "PARTY").put("value", "Acme"))
                .expect(201);
        api.put("/api/v1/risk/random-rates/LMC", supervisor.token(), new JsonObject().put("rate", 0.5))
                .expect(200);
        JsonObject health = api.get("/health", null).expect(200).json();
        assertFalse(health.getBoolean("laneViewStale"), health.encode());
        String metrics = api.get("/metrics", null).expect(200).body();
        assertTrue(metrics.contains("\nseamless_lane_view_stale 0.0"), metrics);
        String sequence = line(metrics, "seamless_lane_feed_sequence ");
        assertEquals(
                sequence.substring("seamless_lane_feed_sequence ".length()),
                line(metrics, "seamless_lane_feed_applied ").substring("seamless_lane_feed_applied ".length()));

        long applied = appliedAndCompared();
        assertTrue(applied >= 5, "accounts, vehicle, bundle, watch entry, rate: " + applied);

        engine.start();
        api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        api.delete("/api/v1/bundles/" + bundleId, trucker.token()).expect(200);
        assertEquals(applied + 1, appliedAndCompared(), "one more entry, numbered after the last one");

        engine.start();
        assertFalse(new TradeApiClient(engine.port(), engine.engine().adminToken())
                .get("/health", null)
                .expect(200)
                .json()
                .getBoolean("laneViewStale"));
    }

    @Test
    void aDataFolderFromTheVersionBeforeTheFeedIsRebuiltOnceAtStart() throws java.io.IOException {
        engine = new RestartableEngine(dataDir, clock);
        TradeApiClient api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String mark = api.newVehicle(trucker.token());
        api.bundle(
                trucker.token(),
                mark,
                "IMPORT",
                api.lodgeCcrn(
                        api.newAccount("SHIPPER").token(),
                        "IMPORT",
                        clock.hongKongToday().plusDays(1)));
        long applied = appliedAndCompared();
        // What the previous version leaves: no lane-feed store, and a lane view that lacks what it never kept.
        try (ChronicleStores stores =
                ChronicleStores.open(dataDir, hk.seamless.store.StoreSizes.forDailyConsignments(100))) {
            stores.store(StoreName.LANE_VEHICLES).clear();
            stores.store(StoreName.LANE_SUSPENDED_ACCOUNTS).put("Agone", "1");
        }
        java.nio.file.Files.delete(dataDir.resolve("stores").resolve(StoreName.LANE_FEED.fileName()));

        engine.start();
        assertEquals(applied, appliedAndCompared(), "rebuilt from the registry, at the feed's own sequence");
    }
}
