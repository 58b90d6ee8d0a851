package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Interlocks that hold whatever the gate's transport: a WebSocket gate that says it OPENED for an
 * arrival that was not released latches a fault; the lane then holds until an officer clears it.
 */
class GateFaultLatchLaneTest extends LaneHarness {

    @Test
    void aGateThatOpensWithoutAReleaseHoldsTheLaneUntilCleared() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig rig = rig("IMPORT");
        Truck unbundled = newTruck();
        Truck bundled = newTruck();
        bundleLaden(bundled.mark(), "IMPORT");
        Truck later = newTruck();
        bundleLaden(later.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject inspected = arrive(rig, unbundled);
        assertDecision(inspected, "INSPECT", null, "NO_BUNDLE");
        rig.gate()
                .send(new JsonObject()
                        .put("ack", inspected.getString("arrivalId"))
                        .put("state", "OPENED"));
        JsonObject fault = console.await(
                f -> "GATE_FAULT".equals(f.getString("entry")) && rig.lane().equals(f.getString("lane")),
                Duration.ofSeconds(5),
                "the fault");
        assertTrue(fault.getString("detail").startsWith("ROSE_WITHOUT_RELEASE"), fault.encode());
        awaitGateSeen(rig.lane(), true, true);
        // READY from the gate does not lift a fault the engine latched
        rig.gate().send(new JsonObject().put("status", "READY"));
        assertDecision(arrive(rig, bundled), "HOLD", null, "GATE_UNAVAILABLE");

        api.post(
                        "/api/v1/lanes/" + rig.lane() + "/gate-fault/clear",
                        officer.token(),
                        new JsonObject().put("reason", "controller checked, boom down"))
                .expect(200);
        api.post("/api/v1/lanes/NOPE-1/gate-fault/clear", officer.token(), new JsonObject().put("reason", "x"))
                .expect(404);
        awaitGateSeen(rig.lane(), true, false);
        assertDecision(arrive(rig, later), "RELEASE", "PROCEED");
    }

    @Test
    void aGateThatOpensForAnArrivalItsLaneNeverReleasedHoldsTheLane() {
        Rig here = rig("IMPORT");
        Rig there = rig("IMPORT");
        Truck releasedThere = newTruck();
        bundleLaden(releasedThere.mark(), "IMPORT");
        Truck next = newTruck();
        bundleLaden(next.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject release = arrive(there, releasedThere);
        assertDecision(release, "RELEASE", "PROCEED");
        String otherLanesArrival = release.getString("arrivalId");

        // This lane's gate says its boom rose for the other lane's truck: this lane released nothing.
        here.gate().send(new JsonObject().put("ack", otherLanesArrival).put("state", "OPENED"));
        awaitGateSeen(here.lane(), true, true);
        assertDecision(arrive(here, next), "HOLD", null, "GATE_UNAVAILABLE");
        String trail = api.get("/api/v1/audit?lane=" + here.lane(), supervisor.token())
                .expect(200)
                .body();
        assertTrue(trail.contains("ROSE_WITHOUT_RELEASE"), trail);
        // The other lane's arrival keeps its own gate's answer (none yet), and its lane is not in fault.
        awaitGateSeen(there.lane(), true, false);

        api.post(
                        "/api/v1/lanes/" + here.lane() + "/gate-fault/clear",
                        officer.token(),
                        new JsonObject().put("reason", "controller checked, boom down"))
                .expect(200);
        awaitGateSeen(here.lane(), true, false);
        // An arrival id nobody ever had is the same.
        here.gate().send(new JsonObject().put("ack", here.lane() + ".nobody.1").put("state", "OPENED"));
        awaitGateSeen(here.lane(), true, true);
    }

    @Test
    void aLatchedFaultOutlivesARestartUntilAnOfficerClearsIt(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        TestClock restartClock = new TestClock(clock.instant());
        try (RestartableEngine engine = new RestartableEngine(data, restartClock)) {
            TradeApiClient admin =
                    new TradeApiClient(engine.port(), engine.engine().adminToken());
            LaneTestClient devices = new LaneTestClient(engine.port(), admin);
            TradeApiClient.Account desk = admin.newAccount("OFFICER");
            String lane = "SBC-S-01";
            String gateToken = devices.registerDevice(lane, "GATE");
            String camera = devices.registerDevice(lane, "CAMERA");
            String rfid = devices.registerDevice(lane, "RFID");
            String arrival;
            try (LaneTestClient.Socket gate = devices.gate(lane, gateToken);
                    LaneTestClient.Socket console = devices.console(desk.token())) {
                arrival = devices.plateRead(lane, camera, TradeApiClient.uniqueMark(), 95)
                        .expect(202)
                        .json()
                        .getString("arrivalId");
                devices.tagRead(lane, rfid, TradeApiClient.uniqueTag()).expect(200);
                gate.awaitDecision(arrival);
                // an unknown truck is inspected: a gate that opens for it is a fault
                gate.send(new JsonObject().put("ack", arrival).put("state", "OPENED"));
                console.await(
                        f -> "GATE_FAULT".equals(f.getString("entry")) && lane.equals(f.getString("lane")),
                        Duration.ofSeconds(5),
                        "the fault");
            }
            engine.stop();
            engine.start();
            TradeApiClient after =
                    new TradeApiClient(engine.port(), engine.engine().adminToken());
            // Still latched after the restart: nothing to do but clear it, which answers 200 (409 if none stood).
            after.post(
                            "/api/v1/lanes/" + lane + "/gate-fault/clear",
                            desk.token(),
                            new JsonObject().put("reason", "boom checked after the restart"))
                    .expect(200);
            after.post(
                            "/api/v1/lanes/" + lane + "/gate-fault/clear",
                            desk.token(),
                            new JsonObject().put("reason", "again"))
                    .expect(409);
            engine.stop();
            engine.start();
            new TradeApiClient(engine.port(), engine.engine().adminToken())
                    .post(
                            "/api/v1/lanes/" + lane + "/gate-fault/clear",
                            desk.token(),
                            new JsonObject().put("reason", "cleared stays cleared"))
                    .expect(409);
        }
    }

    /**
     * The rules: a lane whose gate is in fault does not release. A fault latched before a restart still
     * stands after it, with the gate connected again and saying nothing wrong: the next truck, bundled and
     * due, is HOLD GATE_UNAVAILABLE, and once an officer clears the fault the one after is RELEASEd.
     */
    @Test
    void aFaultLatchedBeforeARestartHoldsTheNextTruck(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        TestClock restartClock = new TestClock(clock.instant());
        // No random selection: the truck that is not held must be RELEASEd, not drawn for inspection.
        try (RestartableEngine engine = new RestartableEngine(
                data, restartClock, c -> c.withRandomSelection(0.0, java.util.OptionalLong.of(1)))) {
            TradeApiClient admin =
                    new TradeApiClient(engine.port(), engine.engine().adminToken());
            LaneTestClient devices = new LaneTestClient(engine.port(), admin);
            TradeApiClient.Account desk = admin.newAccount("OFFICER");
            TradeApiClient.Account shipper = admin.newAccount("SHIPPER");
            TradeApiClient.Account haulier = admin.newAccount("TRUCKER");
            String lane = "SBC-S-02";
            String gateToken = devices.registerDevice(lane, "GATE");
            String camera = devices.registerDevice(lane, "CAMERA");
            String rfid = devices.registerDevice(lane, "RFID");
            String[] held = bundledTruck(admin, shipper, haulier, restartClock);
            String[] released = bundledTruck(admin, shipper, haulier, restartClock);
            try (LaneTestClient.Socket gate = devices.gate(lane, gateToken);
                    LaneTestClient.Socket console = devices.console(desk.token())) {
                String arrival = devices.plateRead(lane, camera, TradeApiClient.uniqueMark(), 95)
                        .expect(202)
                        .json()
                        .getString("arrivalId");
                devices.tagRead(lane, rfid, TradeApiClient.uniqueTag()).expect(200);
                gate.awaitDecision(arrival);
                gate.send(new JsonObject().put("ack", arrival).put("state", "OPENED"));
                console.await(
                        f -> "GATE_FAULT".equals(f.getString("entry")) && lane.equals(f.getString("lane")),
                        Duration.ofSeconds(5),
                        "the fault");
            }
            engine.stop();
            restartClock.advance(Duration.ofMinutes(31)); // both trucks are now past the bundling lead
            engine.start();
            TradeApiClient after =
                    new TradeApiClient(engine.port(), engine.engine().adminToken());
            LaneTestClient lanesAfter = new LaneTestClient(engine.port(), after);
            try (LaneTestClient.Socket gate = lanesAfter.gate(lane, gateToken)) {
                gate.send(new JsonObject().put("status", "READY"));
                JsonObject hold = arrive(lanesAfter, lane, camera, rfid, gate, held);
                assertEquals("HOLD", hold.getString("decision"), hold.encode());
                assertEquals(
                        java.util.List.of("GATE_UNAVAILABLE"),
                        hold.getJsonArray("reasons").getList(),
                        hold.encode());
                after.post(
                                "/api/v1/lanes/" + lane + "/gate-fault/clear",
                                desk.token(),
                                new JsonObject().put("reason", "boom checked after the restart"))
                        .expect(200);
                JsonObject release = arrive(lanesAfter, lane, camera, rfid, gate, released);
                assertEquals("RELEASE", release.getString("decision"), release.encode());
            }
        }
    }

    /** Registered with a tag, laden, bundled to cross southbound: {mark, tag}. */
    private static String[] bundledTruck(
            TradeApiClient api, TradeApiClient.Account shipper, TradeApiClient.Account trucker, TestClock clock) {
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        api.registerVehicleRaw(trucker.token(), mark, tag).expect(201);
        api.bundle(
                trucker.token(),
                mark,
                "IMPORT",
                api.lodgeCcrn(shipper.token(), "IMPORT", clock.hongKongToday().plusDays(1)));
        return new String[] {mark, tag};
    }

    private static JsonObject arrive(
            LaneTestClient devices,
            String lane,
            String camera,
            String rfid,
            LaneTestClient.Socket gate,
            String[] truck) {
        String arrival =
                devices.plateRead(lane, camera, truck[0], 95).expect(202).json().getString("arrivalId");
        devices.tagRead(lane, rfid, truck[1]).expect(200);
        return gate.awaitDecision(arrival);
    }
}
