package hk.seamless.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.engine.Engine;
import hk.seamless.http.ApiResponse;
import hk.seamless.http.LaneTestClient;
import hk.seamless.http.TestClock;
import hk.seamless.http.TradeApiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three roles on a real Kafka broker (a child JVM): one registry, lane engines at LMC and SBC,
 * in this JVM, each on its own data folder and port; and what the tests do with them: trucks
 * lodged and bundled at the registry, read at a lane engine's lanes with their gates connected,
 * the registry's audit trail and the engines' health read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KafkaTopologyHarness {

    static final String FEED_TOKEN = "feed-token-for-the-tests-0123456789";
    /** How long the feed may take to bring a change over in a test; a bound for a noisy machine, not a measure. */
    static final Duration PROPAGATION = Duration.ofSeconds(30);

    /** A real clock moved forward by hand: Kafka's records carry its times, so they stay near the broker's. */
    final TestClock clock = new TestClock(Instant.now());

    KafkaBroker broker;
    Engine registry;
    TradeApiClient registryApi;
    final List<LaneEngine> laneEngines = new ArrayList<>();
    LaneEngine lmc;
    LaneEngine sbc;
    TradeApiClient.Account shipper;
    TradeApiClient.Account trucker;
    TradeApiClient.Account supervisor;

    /** A lane engine and its clients; its lanes' gates are connected. */
    record LaneEngine(Engine engine, TradeApiClient api, LaneTestClient lanes, TradeApiClient.Account officer) {}

    @BeforeAll
    void startTopology(@TempDir Path folder) throws IOException {
        broker = KafkaBroker.started();
        registry = Engine.start(
                config(folder.resolve("registry"))
                        .withTopology(Topology.registry(broker.bootstrapServers(), FEED_TOKEN)),
                clock);
        registryApi = new TradeApiClient(registry.port(), registry.adminToken());
        shipper = registryApi.newAccount("SHIPPER");
        trucker = registryApi.newAccount("TRUCKER");
        supervisor = registryApi.newAccount("SUPERVISOR");
        for (String cp : List.of("LMC", "SBC", "MKT")) {
            registryApi
                    .put("/api/v1/risk/random-rates/" + cp, supervisor.token(), new JsonObject().put("rate", 0.0))
                    .expect(200);
        }
        lmc = startLaneEngine(folder.resolve("lmc"), "LMC");
        sbc = startLaneEngine(folder.resolve("sbc"), "SBC");
    }

    EngineConfig config(Path dataDir) {
        return EngineConfig.defaults().withHttpPort(0).withDataDir(dataDir).withDailyConsignments(100);
    }

    LaneEngine startLaneEngine(Path dataDir, String controlPoint) {
        Engine engine = Engine.start(
                config(dataDir)
                        .withTopology(Topology.lane(
                                broker.bootstrapServers(),
                                controlPoint,
                                URI.create("http://127.0.0.1:" + registry.port()),
                                FEED_TOKEN)),
                clock);
        TradeApiClient api = new TradeApiClient(engine.port(), engine.adminToken());
        LaneEngine lane = new LaneEngine(
                engine, api, new LaneTestClient(engine.port(), api), api.newStaff("OFFICER", "officer-password-1234"));
        laneEngines.add(lane);
        awaitCaughtUp(lane);
        return lane;
    }

    /** The same lane engine stopped and started on its folder (a new port); Kafka need not be there. */
    LaneEngine restarted(LaneEngine lane) {
        EngineConfig config = lane.engine().config();
        stop(lane);
        return start(config, lane.officer());
    }

    void stop(LaneEngine lane) {
        laneEngines.remove(lane);
        lane.engine().close();
    }

    LaneEngine start(EngineConfig config, TradeApiClient.Account officer) {
        Engine engine = Engine.start(config, clock);
        TradeApiClient api = new TradeApiClient(engine.port(), engine.adminToken());
        LaneEngine again = new LaneEngine(engine, api, new LaneTestClient(engine.port(), api), officer);
        laneEngines.add(again);
        return again;
    }

    @AfterEach
    void brokerBack() {
        if (!broker.isRunning()) {
            broker.start();
        }
        broker.resume();
    }

    @AfterAll
    void stopTopology() {
        laneEngines.forEach(l -> l.engine().close());
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    // ---- the registry's side ----

    record Truck(String mark, String tag, String bundleId, String ccrn) {}

    Truck bundledTruck() {
        LocalDate today = clock.hongKongToday();
        String ccrn = registryApi.lodgeCcrn(shipper.token(), "IMPORT", today);
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        registryApi.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
        JsonObject bundle = registryApi.bundle(trucker.token(), mark, "IMPORT", ccrn);
        return new Truck(mark, tag, bundle.getString("bundleId"), ccrn);
    }

    void awaitBundleStatus(String bundleId, String status) {
        await(
                () -> status.equals(registryApi
                        .get("/api/v1/bundles/" + bundleId, trucker.token())
                        .expect(200)
                        .json()
                        .getString("status")),
                "bundle " + bundleId + " " + status + " at the registry");
    }

    /**
     * The entries of one action; for a query by bundle, only those whose subject is that bundle: the
     * filter matches log entries, and one registry log entry may record a batch of crossings (all of
     * a lane engine's reports Kafka delivered together), each described as an entry of its own.
     */
    JsonArray audit(String query, String action) {
        JsonArray entries = registryApi
                .get("/api/v1/audit?" + query, supervisor.token())
                .expect(200)
                .json()
                .getJsonArray("entries");
        String bundle = query.startsWith("bundle=")
                ? query.substring("bundle=".length()).split("&", 2)[0]
                : null;
        JsonArray out = new JsonArray();
        entries.stream()
                .map(JsonObject.class::cast)
                .filter(e -> action.equals(e.getString("action")))
                .filter(e -> bundle == null || bundle.equals(e.getString("subject")))
                .forEach(out::add);
        return out;
    }

    // ---- the lane engines' side ----

    JsonObject health(LaneEngine lane) {
        return lane.api().get("/health", null).expect(200).json();
    }

    /** The lane engine has applied everything the registry issued so far. */
    void awaitCaughtUp(LaneEngine lane) {
        long issued = registryApi
                .get("/health", null)
                .expect(200)
                .json()
                .getJsonObject("feed")
                .getLong("issued");
        await(
                () -> health(lane).getJsonObject("feed").getLong("applied") >= issued,
                "lane engine " + lane.engine().config().topology().controlPoint() + " at feed entry " + issued);
    }

    JsonObject awaitConsoleFeed(LaneEngine lane, boolean behind) {
        try (LaneTestClient.Socket console = lane.lanes().console(lane.officer().token())) {
            return console.await(
                    m -> "feed".equals(m.getString("kind")) && m.getBoolean("behind") == behind,
                    PROPAGATION,
                    "the console told the feed is " + (behind ? "behind" : "current"));
        }
    }

    /** The truck's plate read at a lane with its gate connected; returns the arrival id. */
    String releaseAt(LaneEngine lane, String laneId, Truck truck, String expected) {
        JsonObject decision = decideAt(lane, laneId, truck);
        assertEquals(expected, decision.getString("decision"), decision.encode());
        return decision.getString("arrivalId");
    }

    /**
     * The truck read at the lane (plate and tag) with the lane's gate connected; the decision as the
     * gate controller hears it. A truck whose tag the lane does not know is decided when the fusion
     * window runs out (the clock moved past it).
     */
    JsonObject decideAt(LaneEngine lane, String laneId, Truck truck) {
        clock.advance(Duration.ofMinutes(31)); // past the bundling lead time
        String camera = lane.lanes().registerDevice(laneId, "CAMERA");
        String rfid = lane.lanes().registerDevice(laneId, "RFID");
        String gateToken = lane.lanes().registerDevice(laneId, "GATE");
        try (LaneTestClient.Socket gate = lane.lanes().gate(laneId, gateToken)) {
            awaitGateConnected(lane, laneId);
            lane.lanes().plateRead(laneId, camera, truck.mark(), 95).expect(202);
            ApiResponse tag = lane.lanes().tagRead(laneId, rfid, truck.tag());
            if (tag.status() != 200) {
                clock.advance(Duration.ofSeconds(2));
            }
            JsonObject decision = gate.awaitDecisionFor(truck.mark());
            clock.advance(Duration.ofSeconds(11)); // past the presence window: the next truck is a new arrival
            return decision;
        }
    }

    void awaitGateConnected(LaneEngine lane, String laneId) {
        await(
                () -> {
                    try (LaneTestClient.Socket console =
                            lane.lanes().console(lane.officer().token())) {
                        JsonObject hello = console.await(
                                f -> "hello".equals(f.getString("kind")), Duration.ofSeconds(5), "the hello");
                        return hello.getJsonArray("lanes").stream()
                                .map(JsonObject.class::cast)
                                .anyMatch(l -> laneId.equals(l.getString("lane")) && l.getBoolean("gateConnected"));
                    }
                },
                "lane " + laneId + "'s gate connected");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("not within " + PROPAGATION + ": " + what);
    }
}
