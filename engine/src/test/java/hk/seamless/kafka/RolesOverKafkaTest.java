package hk.seamless.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three roles on a real Kafka broker (a child JVM): one registry, lane engines at LMC and SBC,
 * in this JVM, each on its own data folder and port. What issue #14 says must hold: a bundle made
 * at the registry reaches the lanes and the truck is released there; cut off, a lane engine keeps
 * deciding from its views, says since when it is behind, and its crossings reach the registry once
 * when Kafka is back; one bundle released at two control points while cut off is one crossing and
 * a suspected clone; a lane engine on an empty folder rebuilds from the registry's snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesOverKafkaTest {

    private static final String FEED_TOKEN = "feed-token-for-the-tests-0123456789";
    /** How long the feed may take to bring a change over in a test; a bound for a noisy machine, not a measure. */
    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    /** A real clock moved forward by hand: Kafka's records carry its times, so they stay near the broker's. */
    private final TestClock clock = new TestClock(Instant.now());

    private KafkaBroker broker;
    private Engine registry;
    private TradeApiClient registryApi;
    private final List<LaneEngine> laneEngines = new ArrayList<>();
    private LaneEngine lmc;
    private LaneEngine sbc;
    private TradeApiClient.Account shipper;
    private TradeApiClient.Account trucker;
    private TradeApiClient.Account supervisor;

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

    private EngineConfig config(Path dataDir) {
        return EngineConfig.defaults().withHttpPort(0).withDataDir(dataDir).withDailyConsignments(100);
    }

    private LaneEngine startLaneEngine(Path dataDir, String controlPoint) {
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
    private LaneEngine restarted(LaneEngine lane) {
        EngineConfig config = lane.engine().config();
        stop(lane);
        return start(config, lane.officer());
    }

    private void stop(LaneEngine lane) {
        laneEngines.remove(lane);
        lane.engine().close();
    }

    private LaneEngine start(EngineConfig config, TradeApiClient.Account officer) {
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

    @Test
    void aBundleMadeAtTheRegistryIsReleasedAtTheLaneEngine() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        String arrival = releaseAt(lmc, "LMC-S-01", truck, "RELEASE");
        awaitBundleStatus(truck.bundleId(), "USED");
        JsonArray crossings = audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED");
        assertEquals(1, crossings.size(), "one crossing recorded: " + crossings);
        assertTrue(crossings.getJsonObject(0).getString("detail").contains(arrival), crossings.encode());
    }

    @Test
    void cutOffALaneEngineDecidesFromItsViewsAndItsCrossingsArriveOnceWhenKafkaIsBack() {
        Truck known = bundledTruck();
        awaitCaughtUp(lmc);
        broker.pause();
        Truck unknown = bundledTruck(); // made during the outage: the lane cannot know of it

        releaseAt(lmc, "LMC-S-02", known, "RELEASE");
        JsonObject unknownDecision = decideAt(lmc, "LMC-S-03", unknown);
        assertNotEquals(
                "RELEASE",
                unknownDecision.getString("decision"),
                "a bundle the lane engine cannot have heard of is inspected: " + unknownDecision);

        clock.advance(Duration.ofSeconds(11));
        JsonObject feed = health(lmc).getJsonObject("feed");
        assertTrue(feed.getBoolean("behind"), "cut off, the lane engine says its feed is behind: " + feed);
        assertNotNull(feed.getString("behindSince"), feed.encode());
        assertNotNull(awaitConsoleFeed(lmc, true).getString("behindSince"), "the console is told since when");

        broker.resume();
        awaitBundleStatus(known.bundleId(), "USED");
        awaitCaughtUp(lmc);
        assertEquals(
                1, audit("bundle=" + known.bundleId() + "&limit=50", "CROSSED").size());
        assertFalse(health(lmc).getJsonObject("feed").getBoolean("behind"), "back, the feed is current");
        // Now the registry's bundle made during the outage is at the lane: released.
        releaseAt(lmc, "LMC-S-04", unknown, "RELEASE");
    }

    /**
     * Released at LMC, then at SBC, while both were cut off. The reports travel keyed by control
     * point, so the registry may read either first (which one, a paused broker does not decide:
     * a report written into its socket before the pause is read on resume). Either way the
     * crossing is LMC's, the earlier release, recorded once, and SBC's is the suspect. The order
     * "later read first" is held deterministically by CrossingsTest.
     */
    @Test
    void oneBundleReleasedAtTwoControlPointsWhileCutOffIsOneCrossingAndASuspectedClone() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        awaitCaughtUp(sbc);
        LaneTestClient.Socket sbcConsole = sbc.lanes().console(sbc.officer().token());
        broker.pause();
        String first = releaseAt(lmc, "LMC-S-01", truck, "RELEASE");
        String second = releaseAt(sbc, "SBC-S-01", truck, "RELEASE"); // decideAt moves the clock on
        broker.resume();

        awaitBundleStatus(truck.bundleId(), "USED");
        await(
                () -> audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                                .size()
                        == 1,
                "the second release raised as a suspected clone");
        assertEquals(
                1,
                audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size(),
                "recorded once as the crossing");
        assertTrue(
                audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSING_CORRECTED")
                                .size()
                        <= 1,
                "moved at most once, if SBC's report was read first");
        String clone = audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                .getJsonObject(0)
                .getString("detail");
        assertTrue(
                clone.contains("released again at SBC-S-01 (" + second)
                        && clone.contains("after crossing at LMC-S-01 (" + first),
                "the later release is the suspect: " + clone);
        JsonObject bundle = registryApi
                .get("/api/v1/bundles/" + truck.bundleId(), trucker.token())
                .expect(200)
                .json();
        assertEquals(first, bundle.getJsonObject("crossing").getString("arrivalId"), bundle.encode());
        JsonObject alert = sbcConsole.await(m -> "alert".equals(m.getString("kind")), PROPAGATION, "the clone alert");
        assertEquals("SUSPECTED_CLONE", alert.getString("alert"));
        assertEquals(truck.bundleId(), alert.getString("bundleId"));
        assertEquals(1, audit("lane=SBC-S-01&limit=500", "SUSPECTED_CLONE").size(), "found by the suspect's lane");
        sbcConsole.close();
    }

    /**
     * Cut off, the lane engine's views hold the bundle ACTIVE until the registry's feed says it was
     * used, maybe days later: a second truck on it (a cloned plate) is not released, later the same
     * day or after the engine restarted.
     */
    @Test
    void cutOffALaneEngineReleasesABundleOnceEvenAfterARestart() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        broker.pause();
        releaseAt(lmc, "LMC-S-01", truck, "RELEASE");
        JsonObject later = decideAt(lmc, "LMC-S-02", truck); // half an hour later, another lane
        assertEquals("INSPECT", later.getString("decision"), later.encode());
        assertEquals(List.of("NO_BUNDLE"), later.getJsonArray("reasons").getList(), later.encode());

        lmc = restarted(lmc);
        JsonObject afterRestart = decideAt(lmc, "LMC-S-03", truck);
        assertEquals("INSPECT", afterRestart.getString("decision"), afterRestart.encode());
        assertEquals(List.of("NO_BUNDLE"), afterRestart.getJsonArray("reasons").getList(), afterRestart.encode());

        broker.resume();
        awaitBundleStatus(truck.bundleId(), "USED");
        assertEquals(
                1, audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size());
        assertEquals(
                0,
                audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                        .size());
    }

    /**
     * Released at a lane engine cut off from the registry while the trucker unbundled the bundle
     * and bundled its CCRN again to the same vehicle: the truck crossed with that cargo, so when
     * Kafka is back the CCRN is CROSSED (it cannot cross again), the old bundle USED, supervisors
     * find it in the audit trail, and the vehicle's new bundle, holding a crossed CCRN, is inspected.
     */
    @Test
    void aReleaseWhileCutOffOfABundleUnbundledMeanwhileIsStillItsCrossing() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        broker.pause();
        String arrival = releaseAt(lmc, "LMC-S-02", truck, "RELEASE");
        registryApi
                .delete("/api/v1/bundles/" + truck.bundleId(), trucker.token())
                .expect(200);
        assertEquals(
                "LODGED", registryApi.consignment(shipper.token(), truck.ccrn()).getString("status"));
        String again = registryApi
                .bundle(trucker.token(), truck.mark(), "IMPORT", truck.ccrn())
                .getString("bundleId");
        broker.resume();

        awaitBundleStatus(truck.bundleId(), "USED");
        JsonObject consignment = registryApi.consignment(shipper.token(), truck.ccrn());
        assertEquals("CROSSED", consignment.getString("status"), consignment.encode());
        assertEquals(arrival, consignment.getJsonObject("crossing").getString("arrivalId"));
        JsonArray raised = audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED_AFTER_UNBUNDLING");
        assertEquals(1, raised.size(), raised.encode());
        assertTrue(raised.getJsonObject(0).getString("detail").contains(arrival), raised.encode());
        assertEquals(
                0,
                audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSING_IGNORED")
                        .size());
        assertEquals(
                "ACTIVE",
                registryApi
                        .get("/api/v1/bundles/" + again, trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"),
                "the vehicle's new bundle stays");

        awaitCaughtUp(lmc);
        JsonObject next = decideAt(lmc, "LMC-S-03", truck);
        assertEquals("INSPECT", next.getString("decision"), next.encode());
        assertTrue(next.getJsonArray("reasons").getList().contains("CCRN_INVALID"), next.encode());
    }

    /**
     * A lane engine's decisions are in the registry's audit trail as LANE_DECISION: each found by
     * every record it names (README: "each finds every entry naming it"), not by its arrival alone.
     * A RELEASE (recorded with its crossing, a change of two events) and an INSPECT (one event).
     */
    @Test
    void aLaneEnginesDecisionsAreFoundAtTheRegistryByEveryRecordTheyName() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        String released = releaseAt(lmc, "LMC-S-04", truck, "RELEASE");
        JsonObject inspected = decideAt(lmc, "LMC-S-04", truck); // its bundle is used now
        assertEquals("INSPECT", inspected.getString("decision"), inspected.encode());
        String inspection = inspected.getString("arrivalId");
        await(() -> audit("arrival=" + inspection, "LANE_DECISION").size() == 1, "the inspection at the registry");

        for (String query : List.of(
                "lane=LMC-S-04", "vehicle=" + truck.mark(), "bundle=" + truck.bundleId(), "ccrn=" + truck.ccrn())) {
            assertTrue(decisions(query).contains(released), "the RELEASE found by " + query);
        }
        for (String query : List.of("lane=LMC-S-04", "vehicle=" + truck.mark())) {
            assertTrue(decisions(query).contains(inspection), "the INSPECT found by " + query);
        }
        assertFalse(decisions("lane=LMC-S-01").contains(released), "not by another lane");
    }

    /** The arrivals of the LANE_DECISION entries a query finds. */
    private List<String> decisions(String query) {
        return registryApi
                .get("/api/v1/audit?" + query + "&limit=500", supervisor.token())
                .expect(200)
                .json()
                .getJsonArray("entries")
                .stream()
                .map(JsonObject.class::cast)
                .filter(e -> "LANE_DECISION".equals(e.getString("action")))
                .map(e -> e.getString("subject"))
                .toList();
    }

    @Test
    void aLaneEngineOnAnEmptyFolderRebuildsFromTheRegistrysSnapshot(@TempDir Path folder) {
        Truck truck = bundledTruck();
        LaneEngine mkt = startLaneEngine(folder.resolve("mkt"), "MKT");
        try {
            assertTrue(
                    health(mkt).getJsonObject("feed").getLong("applied") > 0,
                    "rebuilt: " + health(mkt).encode());
            releaseAt(mkt, "MKT-S-01", truck, "RELEASE");
            awaitBundleStatus(truck.bundleId(), "USED");
        } finally {
            laneEngines.remove(mkt);
            mkt.engine().close(); // before the test's folder goes
        }
    }

    @Test
    void aBrokerRestartLosesNoEntryAndAppliesNoneTwice() {
        broker.stop();
        List<Truck> trucks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trucks.add(bundledTruck());
        }
        broker.start();
        awaitCaughtUp(lmc);
        for (Truck truck : trucks) {
            releaseAt(lmc, "LMC-S-02", truck, "RELEASE");
        }
        for (Truck truck : trucks) {
            awaitBundleStatus(truck.bundleId(), "USED");
            assertEquals(
                    1,
                    audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size());
        }
    }

    /**
     * Kafka delivers again what a consumer had not committed (a rebalance, a restart); here every
     * lane report on the topic is sent a second time: the registry records none of them again.
     */
    @Test
    void reportsDeliveredTwiceAreRecordedOnce() {
        Truck truck = bundledTruck();
        awaitCaughtUp(lmc);
        String arrival = releaseAt(lmc, "LMC-S-03", truck, "RELEASE");
        awaitBundleStatus(truck.bundleId(), "USED");
        int decisions =
                audit("arrival=" + arrival + "&limit=50", "LANE_DECISION").size();
        assertEquals(1, decisions, "the decision is in the registry's audit trail once");

        long copied = KafkaTopics.copyAll(broker.bootstrapServers(), Topology.DEFAULT_LANE_REPORTS_TOPIC);
        assertTrue(copied > 0, "there were reports to send again");
        await(
                () -> KafkaTopics.consumed(
                        broker.bootstrapServers(), "seamless-registry", Topology.DEFAULT_LANE_REPORTS_TOPIC),
                "the registry has read the copies");
        assertEquals(
                1, audit("bundle=" + truck.bundleId() + "&limit=50", "CROSSED").size());
        assertEquals(
                1, audit("arrival=" + arrival + "&limit=50", "LANE_DECISION").size());
        assertEquals(
                0,
                audit("bundle=" + truck.bundleId() + "&limit=50", "SUSPECTED_CLONE")
                        .size(),
                "the same arrival again is not a clone");
    }

    // ---- the registry's side ----

    record Truck(String mark, String tag, String bundleId, String ccrn) {}

    private Truck bundledTruck() {
        LocalDate today = clock.hongKongToday();
        String ccrn = registryApi.lodgeCcrn(shipper.token(), "IMPORT", today);
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        registryApi.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
        JsonObject bundle = registryApi.bundle(trucker.token(), mark, "IMPORT", ccrn);
        return new Truck(mark, tag, bundle.getString("bundleId"), ccrn);
    }

    private void awaitBundleStatus(String bundleId, String status) {
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
    private JsonArray audit(String query, String action) {
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

    private JsonObject health(LaneEngine lane) {
        return lane.api().get("/health", null).expect(200).json();
    }

    /** The lane engine has applied everything the registry issued so far. */
    private void awaitCaughtUp(LaneEngine lane) {
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

    private JsonObject awaitConsoleFeed(LaneEngine lane, boolean behind) {
        try (LaneTestClient.Socket console = lane.lanes().console(lane.officer().token())) {
            return console.await(
                    m -> "feed".equals(m.getString("kind")) && m.getBoolean("behind") == behind,
                    PROPAGATION,
                    "the console told the feed is " + (behind ? "behind" : "current"));
        }
    }

    /** The truck's plate read at a lane with its gate connected; returns the arrival id. */
    private String releaseAt(LaneEngine lane, String laneId, Truck truck, String expected) {
        JsonObject decision = decideAt(lane, laneId, truck);
        assertEquals(expected, decision.getString("decision"), decision.encode());
        return decision.getString("arrivalId");
    }

    /**
     * The truck read at the lane (plate and tag) with the lane's gate connected; the decision as the
     * gate controller hears it. A truck whose tag the lane does not know is decided when the fusion
     * window runs out (the clock moved past it).
     */
    private JsonObject decideAt(LaneEngine lane, String laneId, Truck truck) {
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

    private void awaitGateConnected(LaneEngine lane, String laneId) {
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

    private static void await(BooleanSupplier condition, String what) {
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
