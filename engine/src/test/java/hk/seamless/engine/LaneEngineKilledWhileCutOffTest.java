package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.http.LaneTestClient;
import hk.seamless.http.TradeApiClient;
import hk.seamless.kafka.KafkaBroker;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "kill -9 of a lane engine while cut off loses nothing it decided": a lane engine (a process of
 * its own) releases a truck while Kafka is away, is killed with SIGKILL, starts again still cut
 * off; once Kafka is back, the registry records that crossing, once.
 */
class LaneEngineKilledWhileCutOffTest {

    private static final String FEED_TOKEN = "feed-token-for-the-kill-test-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aReleaseDecidedWhileCutOffSurvivesAKillAndReachesTheRegistryOnce(@TempDir Path folder) throws Exception {
        try (KafkaBroker broker = KafkaBroker.started()) {
            EngineConfig registryConfig = new ConfigLoader(Map.of("SEAMLESS_BUNDLING_LEAD", "PT0S"))
                    .load(null)
                    .withHttpPort(0)
                    .withDataDir(folder.resolve("registry"))
                    .withDailyConsignments(100)
                    .withTopology(Topology.registry(broker.bootstrapServers(), FEED_TOKEN));
            try (Engine registry = Engine.start(registryConfig, Clock.systemUTC())) {
                TradeApiClient api = new TradeApiClient(registry.port(), registry.adminToken());
                TradeApiClient.Account shipper = api.newAccount("SHIPPER");
                TradeApiClient.Account trucker = api.newAccount("TRUCKER");
                TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
                api.put("/api/v1/risk/random-rates/LMC", supervisor.token(), new JsonObject().put("rate", 0.0))
                        .expect(200);
                String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", LocalDate.now(ZoneId.of("Asia/Hong_Kong")));
                String mark = TradeApiClient.uniqueMark();
                String tag = TradeApiClient.uniqueTag();
                api.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
                String bundleId =
                        api.bundle(trucker.token(), mark, "IMPORT", ccrn).getString("bundleId");

                Path laneData = folder.resolve("lmc");
                Path log = folder.resolve("lmc.log");
                Map<String, String> laneEnv = Map.of(
                        "SEAMLESS_ROLE",
                        "lane",
                        "SEAMLESS_CONTROL_POINT",
                        "LMC",
                        "SEAMLESS_KAFKA_BOOTSTRAP",
                        broker.bootstrapServers(),
                        "SEAMLESS_FEED_TOKEN",
                        FEED_TOKEN,
                        "SEAMLESS_REGISTRY_URL",
                        "http://127.0.0.1:" + registry.port(),
                        "SEAMLESS_BUNDLING_LEAD",
                        "PT0S",
                        "SEAMLESS_RANDOM_INSPECTION_RATE",
                        "0");
                EngineProcess lane = EngineProcess.start(laneData, log, laneEnv);
                String arrivalId;
                String adminToken;
                try {
                    long issued = api.get("/health", null)
                            .expect(200)
                            .json()
                            .getJsonObject("feed")
                            .getLong("issued");
                    TradeApiClient laneApi = new TradeApiClient(
                            lane.port(),
                            Files.readString(laneData.resolve("admin.token")).strip());
                    await(
                            () -> laneApi.get("/health", null)
                                            .json()
                                            .getJsonObject("feed")
                                            .getLong("applied")
                                    >= issued,
                            "the lane engine has the bundle");

                    broker.pause();
                    LaneTestClient lanes = new LaneTestClient(lane.port(), laneApi);
                    String camera = lanes.registerDevice("LMC-S-01", "CAMERA");
                    String rfid = lanes.registerDevice("LMC-S-01", "RFID");
                    String gateToken = lanes.registerDevice("LMC-S-01", "GATE");
                    try (LaneTestClient.Socket gate = lanes.gate("LMC-S-01", gateToken)) {
                        TradeApiClient.Account officer = laneApi.newStaff("OFFICER", "officer-password-1234");
                        await(
                                () -> {
                                    try (LaneTestClient.Socket console = lanes.console(officer.token())) {
                                        return console
                                                .await(
                                                        f -> "hello".equals(f.getString("kind")),
                                                        Duration.ofSeconds(5),
                                                        "hello")
                                                .getJsonArray("lanes")
                                                .stream()
                                                .map(JsonObject.class::cast)
                                                .anyMatch(l -> "LMC-S-01".equals(l.getString("lane"))
                                                        && l.getBoolean("gateConnected"));
                                    }
                                },
                                "the gate connected");
                        lanes.plateRead("LMC-S-01", camera, mark, 95).expect(202);
                        lanes.tagRead("LMC-S-01", rfid, tag);
                        JsonObject decision = gate.awaitDecisionFor(mark);
                        assertEquals("RELEASE", decision.getString("decision"), "cut off, a bundled truck is released");
                        arrivalId = decision.getString("arrivalId");
                    }
                    adminToken = laneApi.adminToken();
                } finally {
                    lane.kill(); // the kill -9 the test is about; on a failure too, so no engine is left running
                }

                EngineProcess again = EngineProcess.start(laneData, log, laneEnv);
                try {
                    broker.resume();
                    TradeApiClient laneAgain = new TradeApiClient(again.port(), adminToken);
                    await(
                            () -> "USED"
                                    .equals(api.get("/api/v1/bundles/" + bundleId, trucker.token())
                                            .json()
                                            .getString("status")),
                            () -> "the registry records the crossing decided before the kill;"
                                    + " the lane engine says "
                                    + laneAgain.get("/health", null).body()
                                    + "; the registry says "
                                    + api.get("/health", null).body());
                    var crossed = api
                            .get("/api/v1/audit?bundle=" + bundleId + "&limit=50", supervisor.token())
                            .expect(200)
                            .json()
                            .getJsonArray("entries")
                            .stream()
                            .map(JsonObject.class::cast)
                            .filter(e -> "CROSSED".equals(e.getString("action")))
                            .toList();
                    assertEquals(1, crossed.size(), "recorded once: " + crossed);
                    assertTrue(crossed.get(0).getString("detail").contains(arrivalId), crossed.toString());
                } finally {
                    again.stop();
                }
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the engine answering something else meanwhile: ask again
            }
            Thread.sleep(100);
        }
        fail("not within " + PATIENCE + ": " + what.get());
    }
}
