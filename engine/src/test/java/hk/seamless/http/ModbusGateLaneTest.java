package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.lanesim.devices.ModbusGateEmulator;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Boom gates the engine drives over Modbus TCP (an emulated controller on loopback): only a
 * RELEASE for the vehicle on the loop writes the coil, the boom's state comes from its limit
 * switches, the boom never comes down on a truck, and a gate that does not confirm, goes away or
 * refuses holds its lane until an officer clears the fault.
 */
class ModbusGateLaneTest extends DrivenDevicesHarness {

    private static final String RELEASING = "HZM-S-02";
    private static final String JAMMING = "HZM-S-03";
    private static final String VANISHING = "HYW-S-01";
    private static final String HOLDING = "HYW-S-02";
    private static final String REFUSING = "HYW-S-03";
    private static final String OVERRIDDEN = "SBC-S-03";

    @Override
    protected Map<String, Fit> fits() {
        return Map.of(
                RELEASING,
                new Fit(true, true, ModbusGateEmulator.RAISE_COIL, false),
                JAMMING,
                new Fit(true, true, ModbusGateEmulator.RAISE_COIL, false),
                VANISHING,
                new Fit(true, true, ModbusGateEmulator.RAISE_COIL, false),
                HOLDING,
                new Fit(true, false, ModbusGateEmulator.RAISE_COIL, false),
                // coil 7 is not wired on the emulated controller: it answers the write with an exception
                REFUSING,
                new Fit(true, true, 7, false),
                OVERRIDDEN,
                new Fit(true, true, ModbusGateEmulator.RAISE_COIL, false));
    }

    /** Plate and tag over HTTP; the decision as the consoles hear it. */
    private JsonObject arriveAt(String lane, Truck truck, LaneTestClient.Socket console) {
        String camera = lanes.registerDevice(lane, "CAMERA");
        String rfid = lanes.registerDevice(lane, "RFID");
        String arrivalId = plate(lane, camera, truck);
        lanes.tagRead(lane, rfid, truck.tag()).expect(200);
        return console.awaitDecision(arrivalId);
    }

    @Test
    void onlyAReleaseForTheVehicleOnTheLoopRaisesTheBoom() {
        ModbusGateEmulator gate = gates.get(RELEASING);
        awaitGateSeen(RELEASING, true, false);
        Truck unbundled = newTruck();
        Truck unknownTag = newTruck();
        Truck other = newTruck();
        Truck released = bundledTruck();
        clock.advance(PAST_LEAD);
        LaneTestClient.Socket console = track(lanes.console(officer.token()));

        gate.vehicleArrives();
        JsonObject inspected = arriveAt(RELEASING, unbundled, console);
        assertDecision(inspected, "INSPECT", null, "NO_BUNDLE");
        eventually(
                "/api/v1/arrivals/" + inspected.getString("arrivalId"),
                officer.token(),
                a -> "CLOSED".equals(a.getString("gateState")),
                "answered CLOSED by the boom-down switch");
        nextTruckOnTheLoop(RELEASING);
        assertDecision(
                arriveAt(RELEASING, new Truck(unknownTag.mark(), other.tag()), console),
                "REFER",
                null,
                "PLATE_TAG_MISMATCH");
        console.assertNone(f -> "gateEvent".equals(f.getString("kind")), QUIET, "a boom movement for INSPECT or REFER");
        assertEquals(0, gate.raises(), "INSPECT and REFER never write the coil: " + gate.history());
        nextTruckOnTheLoop(RELEASING);
        JsonObject decision = arriveAt(RELEASING, released, console);
        assertDecision(decision, "RELEASE", "PROCEED");
        String arrivalId = decision.getString("arrivalId");
        awaitTrue(gate::boomUp, "the boom up by its limit switch");
        console.await(
                f -> "BOOM_RAISED".equals(f.getString("entry")) && arrivalId.equals(f.getString("arrivalId")),
                Duration.ofSeconds(5),
                "the boom's rise on the consoles");
        eventually(
                "/api/v1/arrivals/" + arrivalId,
                officer.token(),
                a -> "OPENED".equals(a.getString("gateState")),
                "acknowledged by the boom-up switch");
        gate.vehicleLeaves();
        awaitTrue(gate::boomDown, "the boom down once the truck has gone");
        console.await(f -> "BOOM_LOWERED".equals(f.getString("entry")), Duration.ofSeconds(5), "the boom's descent");
        assertEquals(1, gate.raises(), gate.history().toString());
        assertEquals(0, gate.loweredOnVehicle(), gate.history().toString());
        awaitJournalled("\"entry\":\"BOOM_RAISED\",\"lane\":\"" + RELEASING + "\",\"arrivalId\":\"" + arrivalId + "\"");
        awaitJournalled(
                "\"entry\":\"BOOM_LOWERED\",\"lane\":\"" + RELEASING + "\",\"arrivalId\":\"" + arrivalId + "\"");
        awaitMetric("seamless_device_connected{device=\"gate\",lane=\"" + RELEASING + "\"}", v -> v == 1.0);
        awaitMetric(
                "seamless_boom_movements_total{device=\"gate\",kind=\"BOOM_RAISED\",lane=\"" + RELEASING + "\"}",
                v -> v >= 1);
    }

    @Test
    void aBoomThatDoesNotConfirmHoldsTheLaneUntilAnOfficerClearsIt() {
        ModbusGateEmulator gate = gates.get(JAMMING);
        awaitGateSeen(JAMMING, true, false);
        Truck first = bundledTruck();
        Truck second = bundledTruck();
        Truck third = bundledTruck();
        clock.advance(PAST_LEAD);
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        gate.jam();
        gate.vehicleArrives();
        assertDecision(arriveAt(JAMMING, first, console), "RELEASE", "PROCEED");
        awaitTrue(() -> gate.raises() == 1, "the coil written for the RELEASE");
        clock.advance(Duration.ofMillis(CONFIRM_WITHIN_MILLIS + 1));
        JsonObject fault =
                console.await(f -> "GATE_FAULT".equals(f.getString("entry")), Duration.ofSeconds(5), "the fault");
        assertTrue(fault.getString("detail").startsWith("NOT_CONFIRMED"), fault.encode());
        awaitGateSeen(JAMMING, true, true);
        nextTruckOnTheLoop(JAMMING);
        assertDecision(arriveAt(JAMMING, second, console), "HOLD", null, "GATE_UNAVAILABLE");
        assertEquals(1, gate.raises(), "a gate in fault hears no RELEASE: " + gate.history());

        clearFault(JAMMING, trucker.token(), new JsonObject().put("reason", "x"))
                .expect(403);
        clearFault(JAMMING, officer.token(), new JsonObject()).expect(400);
        JsonObject cleared = clearFault(JAMMING, officer.token(), new JsonObject().put("reason", "motor freed, tested"))
                .expect(200)
                .json();
        assertTrue(cleared.getString("cleared").startsWith("NOT_CONFIRMED"), cleared.encode());
        clearFault(JAMMING, officer.token(), new JsonObject().put("reason", "again"))
                .expect(409);
        console.await(
                f -> "GATE_FAULT_CLEARED".equals(f.getString("entry"))
                        && officer.id().equals(f.getString("account")),
                Duration.ofSeconds(5),
                "the clearing, with who did it");
        awaitGateSeen(JAMMING, true, false);
        awaitJournalled("\"entry\":\"GATE_FAULT\",\"lane\":\"" + JAMMING + "\",\"detail\":\"NOT_CONFIRMED");
        awaitJournalled(
                "\"entry\":\"GATE_FAULT_CLEARED\",\"lane\":\"" + JAMMING + "\",\"detail\":\"motor freed, tested");
        gate.unjam();
        nextTruckOnTheLoop(JAMMING);
        assertDecision(arriveAt(JAMMING, third, console), "RELEASE", "PROCEED");
        awaitTrue(gate::boomUp, "the boom up once the fault is cleared");
    }

    @Test
    void aLostConnectionIsAFaultThatOutlastsTheReconnection() {
        ModbusGateEmulator gate = gates.get(VANISHING);
        awaitGateSeen(VANISHING, true, false);
        Truck truck = bundledTruck();
        clock.advance(PAST_LEAD);
        gate.stop();
        awaitGateSeen(VANISHING, false, true);
        gate.open();
        awaitGateSeen(VANISHING, true, true);
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        gate.vehicleArrives();
        assertDecision(arriveAt(VANISHING, truck, console), "HOLD", null, "GATE_UNAVAILABLE");
        assertEquals(0, gate.raises());
        clearFault(VANISHING, supervisor.token(), new JsonObject().put("reason", "switch replaced"))
                .expect(200);
        awaitGateSeen(VANISHING, true, false);
    }

    @Test
    void inHoldModeTheBoomStaysUpWhileTheLoopSeesTheTruck() throws InterruptedException {
        ModbusGateEmulator gate = gates.get(HOLDING);
        awaitGateSeen(HOLDING, true, false);
        Truck truck = bundledTruck();
        clock.advance(PAST_LEAD);
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        gate.vehicleArrives();
        assertDecision(arriveAt(HOLDING, truck, console), "RELEASE", "PROCEED");
        awaitTrue(gate::boomUp, "the boom up");
        Thread.sleep(QUIET.toMillis()); // an absence: the coil must not be released while the truck is there
        assertTrue(gate.boomUp(), gate.history().toString());
        assertTrue(!gate.history().contains("coil RELEASED"), gate.history().toString());
        gate.vehicleLeaves();
        awaitTrue(gate::boomDown, "the boom down once the loop is clear");
        assertEquals(0, gate.loweredOnVehicle(), gate.history().toString());
        assertTrue(
                gate.history().indexOf("coil RELEASED") > gate.history().indexOf("loop CLEAR"),
                gate.history().toString());
    }

    @Test
    void aControllerThatRefusesTheCoilWriteIsAFaultNotAnOpenGate() {
        ModbusGateEmulator gate = gates.get(REFUSING);
        awaitGateSeen(REFUSING, true, false);
        Truck truck = bundledTruck();
        clock.advance(PAST_LEAD);
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        gate.vehicleArrives();
        assertDecision(arriveAt(REFUSING, truck, console), "RELEASE", "PROCEED");
        JsonObject fault =
                console.await(f -> "GATE_FAULT".equals(f.getString("entry")), Duration.ofSeconds(5), "the fault");
        assertTrue(fault.getString("detail").startsWith("COIL_REFUSED"), fault.encode());
        assertTrue(gate.boomDown(), gate.history().toString());
        awaitMetric(
                "seamless_device_errors_total{device=\"gate\",error=\"exception_response\",lane=\"" + REFUSING + "\"}",
                v -> v >= 1);
        awaitMetric(
                "seamless_gate_faults_total{device=\"gate\",kind=\"COIL_REFUSED\",lane=\"" + REFUSING + "\"}",
                v -> v >= 1);
    }

    @Test
    void anOfficersOverrideToReleaseRaisesTheBoomForTheTruckStillThere() {
        ModbusGateEmulator gate = gates.get(OVERRIDDEN);
        awaitGateSeen(OVERRIDDEN, true, false);
        Truck early = bundledTruck(); // not past the lead time: INSPECT, EARLY_ARRIVAL
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        gate.vehicleArrives();
        JsonObject decision = arriveAt(OVERRIDDEN, early, console);
        assertDecision(decision, "INSPECT", null, "EARLY_ARRIVAL");
        console.assertNone(f -> "gateEvent".equals(f.getString("kind")), QUIET, "a boom movement for an INSPECT");
        assertEquals(0, gate.raises());
        JsonObject answer = api.post(
                        "/api/v1/arrivals/" + decision.getString("arrivalId") + "/override",
                        officer.token(),
                        new JsonObject()
                                .put("decision", "RELEASE")
                                .put("reason", "bundled in good faith; checked")
                                .put("inspectionResult", "seals intact"))
                .expect(200)
                .json();
        assertEquals("SENT", answer.getString("gateSignal"), answer.encode());
        awaitTrue(gate::boomUp, "the boom up for the overriding RELEASE");
        assertEquals(1, gate.raises(), gate.history().toString());
    }
}
