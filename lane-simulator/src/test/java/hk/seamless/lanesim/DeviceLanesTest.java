package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings file devices-config writes is the engine's and the run's wiring alike. */
class DeviceLanesTest {

    @Test
    void eachLaneGetsTwoPortsFromTheBaseAndTheRunReadsThemBack() {
        String file = DeviceLanes.engineConfig(Set.of("llrp", "modbus"), 36, "127.0.0.1", 25000, true);
        JsonObject lane = new JsonObject(file)
                .getJsonArray("controlPoints")
                .getJsonObject(0)
                .getJsonArray("lanes")
                .getJsonObject(18);
        assertEquals("SIM-N-01", lane.getString("id"));
        assertEquals("EXPORT", lane.getString("direction"));
        assertEquals("llrp://127.0.0.1:25036", lane.getJsonObject("rfidReader").getString("url"));
        assertEquals("modbus://127.0.0.1:25037", lane.getJsonObject("gate").getString("url"));
        Map<String, DeviceLanes.Wiring> wired = DeviceLanes.parse(file);
        assertEquals(36, wired.size());
        assertEquals(
                new DeviceLanes.Wiring(
                        new DeviceLanes.Reader("127.0.0.1", 25000, 1), new DeviceLanes.Gate("127.0.0.1", 25001, true)),
                wired.get("SIM-S-01"));
    }

    @Test
    void withoutDevicesTheSameLanesAreWrittenForTheWebSocketPath() {
        String file = DeviceLanes.engineConfig(DeviceLanes.kinds(List.of("none")), 4, "127.0.0.1", 25000, true);
        assertTrue(DeviceLanes.parse(file).isEmpty());
        assertEquals(
                4,
                new JsonObject(file)
                        .getJsonArray("controlPoints")
                        .getJsonObject(0)
                        .getJsonArray("lanes")
                        .size());
        String readersOnly = DeviceLanes.engineConfig(Set.of("llrp"), 4, "127.0.0.1", 25000, true);
        assertNull(DeviceLanes.parse(readersOnly).get("SIM-S-02").gate());
        List<LaneInfo> lanes = List.of(new LaneInfo("SIM-S-02", "SIM", "IMPORT"));
        assertEquals(
                List.of("SIM-S-02"),
                DeviceLanes.missing(lanes, DeviceLanes.parse(readersOnly), Set.of("llrp", "modbus")));
    }

    @Test
    void aGateWiredOtherwiseThanTheEmulatorIsRefusedNamingTheLane() {
        String file = DeviceLanes.engineConfig(Set.of("modbus"), 2, "127.0.0.1", 25000, false)
                .replaceFirst("\"raiseCoil\": 0", "\"raiseCoil\": 3");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceLanes.parse(file));
        assertTrue(e.getMessage().contains("SIM-S-01 gate.raiseCoil is 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceLanes.kinds(List.of("llrp", "zigbee")));
    }
}
