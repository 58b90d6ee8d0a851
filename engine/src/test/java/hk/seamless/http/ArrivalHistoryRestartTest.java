package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart does not wipe the officers' board: the recent arrivals come back from the lane journal
 * with their gate answers and overrides, and a REFER that was waiting can still be resolved.
 */
class ArrivalHistoryRestartTest {

    private static final String LANE = "SBC-S-02";

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

    @Test
    void recentArrivalsAndAWaitingReferSurviveARestart() {
        engine = new RestartableEngine(dataDir, clock);
        int port = engine.port();
        TradeApiClient api = new TradeApiClient(port, engine.engine().adminToken());
        LaneTestClient lanes = new LaneTestClient(port, api);
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        TradeApiClient.Account officer = api.newAccount("OFFICER");
        api.put(
                        "/api/v1/risk/random-rates/SBC",
                        api.newAccount("SUPERVISOR").token(),
                        new JsonObject().put("rate", 0.0))
                .expect(200);
        String camera = lanes.registerDevice(LANE, "CAMERA");
        String rfid = lanes.registerDevice(LANE, "RFID");
        String gateToken = lanes.registerDevice(LANE, "GATE");

        String released;
        String early;
        String refer;
        String unreadMark = TradeApiClient.uniqueMark();
        try (LaneTestClient.Socket gate = lanes.gate(LANE, gateToken)) {
            // Early (INSPECT), then overridden to RELEASE with the inspection's result.
            String earlyMark = truck(api, trucker);
            api.bundle(
                    trucker.token(),
                    earlyMark,
                    "IMPORT",
                    api.lodgeCcrn(shipper.token(), "IMPORT", clock.hongKongToday()));
            early = arrive(lanes, gate, camera, rfid, earlyMark, "INSPECT");
            api.post(
                            "/api/v1/arrivals/" + early + "/override",
                            officer.token(),
                            new JsonObject()
                                    .put("decision", "RELEASE")
                                    .put("reason", "papers in order")
                                    .put("inspectionResult", "seals intact"))
                    .expect(200);

            // On time: RELEASE, and the gate says it opened.
            String onTimeMark = truck(api, trucker);
            api.bundle(
                    trucker.token(),
                    onTimeMark,
                    "IMPORT",
                    api.lodgeCcrn(shipper.token(), "IMPORT", clock.hongKongToday()));
            api.registerVehicleRaw(trucker.token(), unreadMark, null).expect(201);
            api.bundle(
                    trucker.token(),
                    unreadMark,
                    "IMPORT",
                    api.lodgeCcrn(shipper.token(), "IMPORT", clock.hongKongToday()));
            clock.advance(Duration.ofMinutes(31));
            released = arrive(lanes, gate, camera, rfid, onTimeMark, "RELEASE");
            gate.send(new JsonObject().put("ack", released).put("state", "OPENED"));
            awaitGateState(api, officer, released, "OPENED");

            // A plate nobody can read, no tag: REFER, left waiting for an officer.
            refer = lanes.plateRead(LANE, camera, unreadMark, 41)
                    .expect(202)
                    .json()
                    .getString("arrivalId");
            clock.advance(Duration.ofMillis(1_001));
            assertEquals("REFER", gate.awaitDecision(refer).getString("decision"));
        }

        engine.stop();
        engine.start();

        JsonArray board = api.get("/api/v1/arrivals?lane=" + LANE, officer.token())
                .expect(200)
                .json()
                .getJsonArray("arrivals");
        assertEquals(3, board.size(), board.encodePrettily());
        assertEquals(refer, board.getJsonObject(0).getString("arrivalId"), "newest first, as before the restart");
        assertEquals(released, board.getJsonObject(1).getString("arrivalId"));
        assertEquals("OPENED", board.getJsonObject(1).getString("gateState"), "the gate's answer is kept");
        JsonObject overridden = board.getJsonObject(2);
        assertEquals(early, overridden.getString("arrivalId"));
        assertEquals("RELEASE", overridden.getString("decision"));
        assertEquals(
                "seals intact",
                overridden.getJsonArray("overrides").getJsonObject(0).getString("inspectionResult"));
        assertEquals(
                "Officer Test Ltd",
                overridden.getJsonArray("overrides").getJsonObject(0).getString("officerName"));
        assertEquals(
                41, board.getJsonObject(0).getJsonObject("reads").getInteger("confidence"), "the reads behind it too");

        // The REFER from before the restart is resolved by keying the mark: the rules run again.
        try (LaneTestClient.Socket gate = lanes.gate(LANE, gateToken)) {
            awaitGateConnected(lanes, officer);
            JsonObject resolved = api.post(
                            "/api/v1/arrivals/" + refer + "/override",
                            officer.token(),
                            new JsonObject().put("vehicleMark", unreadMark).put("reason", "mark read by the officer"))
                    .expect(200)
                    .json();
            assertEquals("RELEASE", resolved.getString("decision"), resolved.encode());
            // Across a restart the engine cannot know that truck is still the one under the boom: the
            // gate is not told, the officer is, and releases the truck in person.
            assertEquals("VEHICLE_GONE", resolved.getString("gateSignal"), resolved.encode());
            gate.assertNone(
                    f -> refer.equals(f.getString("arrivalId")) && "RELEASE".equals(f.getString("decision")),
                    Duration.ofMillis(300),
                    "a RELEASE for a truck that may have left");
        }
    }

    private static String truck(TradeApiClient api, TradeApiClient.Account trucker) {
        String mark = TradeApiClient.uniqueMark();
        api.registerVehicleRaw(trucker.token(), mark, null).expect(201);
        return mark;
    }

    /** A confident plate read and a tag-less lane: decided when the fusion window runs out. */
    private String arrive(
            LaneTestClient lanes,
            LaneTestClient.Socket gate,
            String camera,
            String rfid,
            String mark,
            String expected) {
        String arrivalId =
                lanes.plateRead(LANE, camera, mark, 95).expect(202).json().getString("arrivalId");
        clock.advance(Duration.ofMillis(1_001));
        assertEquals(expected, gate.awaitDecision(arrivalId).getString("decision"));
        return arrivalId;
    }

    /** The engine learns of a gate on its own event loop: a release decided before that is held. */
    private static void awaitGateConnected(LaneTestClient lanes, TradeApiClient.Account officer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (LaneTestClient.Socket console = lanes.console(officer.token())) {
                boolean connected = console
                        .await(f -> "hello".equals(f.getString("kind")), Duration.ofSeconds(5), "the hello")
                        .getJsonArray("lanes")
                        .stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(l -> LANE.equals(l.getString("lane")) && l.getBoolean("gateConnected"));
                if (connected) {
                    return;
                }
            }
        }
        org.junit.jupiter.api.Assertions.fail("the engine never saw lane " + LANE + "'s gate connected");
    }

    private static void awaitGateState(
            TradeApiClient api, TradeApiClient.Account officer, String arrivalId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!state.equals(api.get("/api/v1/arrivals/" + arrivalId, officer.token())
                .expect(200)
                .json()
                .getString("gateState"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gate's " + state + " was not recorded for " + arrivalId);
            }
            Thread.onSpinWait();
        }
    }
}
