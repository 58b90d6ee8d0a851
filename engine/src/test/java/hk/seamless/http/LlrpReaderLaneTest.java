package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.device.llrp.LlrpFrame;
import hk.seamless.device.llrp.LlrpMessageType;
import hk.seamless.lanesim.devices.LlrpReaderEmulator;
import hk.seamless.lanesim.devices.ModbusGateEmulator;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RFID readers the engine reaches over LLRP (an emulated reader on loopback): the engine sets up
 * its ROSpec, turns each reported tag into a tag read, answers keep-alives, shrugs off what is not
 * LLRP, and calls the reader again when it comes back.
 */
class LlrpReaderLaneTest extends DrivenDevicesHarness {

    private static final String FULL = "HZM-S-01";
    private static final String NOISY = "SBC-S-01";
    private static final String RESTARTING = "SBC-S-02";

    @Override
    protected Map<String, Fit> fits() {
        return Map.of(
                FULL,
                new Fit(true, true, ModbusGateEmulator.RAISE_COIL, true),
                NOISY,
                new Fit(true, true, ModbusGateEmulator.RAISE_COIL, true),
                RESTARTING,
                new Fit(false, true, 0, true));
    }

    @Test
    void aTagSeenByTheReaderAndAPlateReleaseAndTheBoomRises() {
        LlrpReaderEmulator reader = readers.get(FULL);
        ModbusGateEmulator gate = gates.get(FULL);
        awaitGateSeen(FULL, true, false);
        reader.awaitStarted(Duration.ofSeconds(10));
        assertEquals(
                java.util.List.of(
                        LlrpMessageType.GET_READER_CAPABILITIES,
                        LlrpMessageType.DELETE_ROSPEC,
                        LlrpMessageType.ADD_ROSPEC,
                        LlrpMessageType.ENABLE_ROSPEC,
                        LlrpMessageType.START_ROSPEC),
                reader.received().subList(0, 5),
                "capabilities, stale ROSpecs deleted, then add, enable, start");
        Truck truck = bundledTruck();
        Truck queueing = newTruck();
        clock.advance(PAST_LEAD);
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        String camera = lanes.registerDevice(FULL, "CAMERA");

        // a truck behind, heard faintly, and a tag on another antenna: neither is a read of this lane
        reader.sees(queueing.tag(), 1, -80);
        reader.sees(queueing.tag(), 3, -40);
        gate.vehicleArrives();
        String arrivalId = plate(FULL, camera, truck);
        reader.sees(truck.tag(), 1, -45);
        JsonObject decision = console.awaitDecision(arrivalId);
        assertDecision(decision, "RELEASE", "PROCEED");
        awaitTrue(gate::boomUp, "the boom up by its limit switch");
        eventually(
                "/api/v1/arrivals/" + arrivalId,
                officer.token(),
                a -> "OPENED".equals(a.getString("gateState"))
                        && truck.tag().equals(a.getJsonObject("reads").getString("epc")),
                "released on the reader's tag, gate opened");
        awaitMetric("seamless_device_connected{device=\"reader\",lane=\"" + FULL + "\"}", v -> v == 1.0);
        awaitMetric(
                "seamless_reader_tags_total{device=\"reader\",kind=\"below_rssi_floor\",lane=\"" + FULL + "\"}",
                v -> v == 1);
        awaitMetric(
                "seamless_reader_tags_total{device=\"reader\",kind=\"other_antenna\",lane=\"" + FULL + "\"}",
                v -> v == 1);
        gate.vehicleLeaves();
        awaitTrue(gate::boomDown, "the boom down");
        assertEquals(1, gate.raises(), gate.history().toString());
    }

    @Test
    void whatIsNotLlrpIsCountedAndNeverOpensTheGate() {
        LlrpReaderEmulator reader = readers.get(NOISY);
        ModbusGateEmulator gate = gates.get(NOISY);
        reader.awaitStarted(Duration.ofSeconds(10));
        gate.vehicleArrives();
        reader.sendKeepalive();
        awaitTrue(() -> reader.keepaliveAcks() == 1, "the keep-alive answered");
        reader.sendRaw(new LlrpFrame(900, 77, new byte[] {1, 2, 3}).encode());
        reader.sendRaw(new LlrpFrame(
                        LlrpMessageType.RO_ACCESS_REPORT, 78, HexFormat.of().parseHex("00F000088D00FF01"))
                .encode());
        awaitMetric(
                "seamless_device_errors_total{device=\"reader\",error=\"unknown_message\",lane=\"" + NOISY + "\"}",
                v -> v == 1);
        awaitMetric(
                "seamless_device_errors_total{device=\"reader\",error=\"malformed_report\",lane=\"" + NOISY + "\"}",
                v -> v == 1);
        assertEquals(1, reader.sessions(), "a bad message inside a sound frame does not cost the session");
        // a header that is not LLRP: the stream cannot be trusted after it, so the session starts again
        reader.sendRaw(HexFormat.of().parseHex("FFFFFFFFFFFFFFFFFFFF"));
        awaitMetric(
                "seamless_device_errors_total{device=\"reader\",error=\"malformed_frame\",lane=\"" + NOISY + "\"}",
                v -> v == 1);
        awaitTrue(() -> reader.sessions() == 2 && reader.started(), "the reader called again");
        assertEquals(0, gate.raises(), gate.history().toString());
        assertTrue(gate.boomDown());
    }

    @Test
    void theReaderIsCalledAgainAfterItRestarts() {
        LlrpReaderEmulator reader = readers.get(RESTARTING);
        Rig rig = rigAt(RESTARTING);
        reader.awaitStarted(Duration.ofSeconds(10));
        reader.stop();
        awaitMetric("seamless_device_connected{device=\"reader\",lane=\"" + RESTARTING + "\"}", v -> v == 0.0);
        reader.open();
        awaitTrue(() -> reader.sessions() == 2 && reader.started(), "the reader called again after its restart");
        Truck truck = newTruck();
        String arrivalId = plate(RESTARTING, rig.camera(), truck);
        reader.sees(truck.tag(), 1, -50);
        JsonObject decision = rig.gate().awaitDecision(arrivalId);
        assertDecision(decision, "INSPECT", null, "NO_BUNDLE");
        assertEquals(truck.mark(), decision.getString("vehicleMark"));
    }
}
