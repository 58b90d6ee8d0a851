package hk.seamless.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lane's LLRP reader and Modbus gate come from the config file; a bad one stops the start naming the key. */
class LaneDevicesSettingTest {

    @TempDir
    Path dir;

    private EngineConfig load(String lane) throws Exception {
        Path file = dir.resolve("seamless.json");
        Files.writeString(file, "{\"controlPoints\": [{\"code\": \"LMC\", \"lanes\": [" + lane + "]}]}");
        return new ConfigLoader(Map.of()).load(file);
    }

    @Test
    void aLaneNamesItsReaderAndGate() throws Exception {
        Lane lane = load("""
                {"id": "LMC-S-01", "direction": "IMPORT",
                 "rfidReader": {"url": "llrp://10.1.2.3:5084", "antennas": [1, 2], "rssiFloor": -70},
                 "gate": {"url": "modbus://10.1.2.4", "unit": 3, "raiseCoil": 16, "mode": "hold", "loopInput": 0,
                          "boomUpInput": 1, "boomDownInput": 2, "confirmWithinMillis": 4000}}""").controlPoints().get(0).lanes().get(0);
        assertTrue(lane.rfidReader(), "a lane with an LLRP reader has a reader");
        assertEquals(new LlrpReaderSetting("10.1.2.3", 5084, Set.of(1, 2), -70), lane.llrpReader());
        ModbusGateSetting gate = lane.modbusGate();
        assertEquals("10.1.2.4", gate.host());
        assertEquals(502, gate.port(), "Modbus TCP's port when the url names none");
        assertEquals(3, gate.unit());
        assertEquals(16, gate.raiseCoil());
        assertEquals(false, gate.pulse());
        assertEquals(4000, gate.confirmWithinMillis());
        assertEquals(50, gate.pollMillis(), "the default poll");
    }

    @Test
    void aLaneWithoutThemIsAsBefore() throws Exception {
        Lane lane = load("{\"id\": \"LMC-S-01\", \"direction\": \"IMPORT\"}")
                .controlPoints()
                .get(0)
                .lanes()
                .get(0);
        assertNull(lane.llrpReader());
        assertNull(lane.modbusGate());
        assertEquals(new Lane("LMC-S-01", "LMC", Direction.IMPORT, true), lane);
    }

    @Test
    void badDeviceSettingsStopTheStartNamingTheKey() {
        String gate =
                "\"gate\": {\"url\": \"modbus://h:502\", \"raiseCoil\": 0, \"loopInput\": 0, \"boomUpInput\": 1, \"boomDownInput\": 2";
        Map<String, String> cases = Map.ofEntries(
                Map.entry("\"rfidReader\": {\"url\": \"http://h:5084\"}", "controlPoints[0].lanes[0].rfidReader.url"),
                Map.entry(
                        "\"rfidReader\": {\"url\": \"llrp://h:5084\", \"antennas\": [0]}",
                        "controlPoints[0].lanes[0].rfidReader.antennas"),
                Map.entry(
                        "\"rfidReader\": {\"url\": \"llrp://h\", \"rssiFloor\": \"low\"}",
                        "controlPoints[0].lanes[0].rfidReader.rssiFloor"),
                Map.entry(
                        "\"rfidReader\": {\"url\": \"llrp://h\", \"power\": 30}",
                        "controlPoints[0].lanes[0].rfidReader.power"),
                Map.entry("\"gate\": \"modbus://h:502\"", "controlPoints[0].lanes[0].gate"),
                Map.entry(gate.replace("\"raiseCoil\": 0, ", "") + "}", "controlPoints[0].lanes[0].gate.raiseCoil"),
                Map.entry(gate + ", \"mode\": \"toggle\"}", "controlPoints[0].lanes[0].gate.mode"),
                Map.entry(
                        gate.replace("\"loopInput\": 0, ", "") + ", \"mode\": \"hold\"}",
                        "controlPoints[0].lanes[0].gate.loopInput"),
                Map.entry(
                        gate.replace("\"boomDownInput\": 2", "\"boomDownInput\": 1") + "}",
                        "controlPoints[0].lanes[0].gate.boomUpInput"),
                Map.entry(gate + ", \"unit\": 300}", "controlPoints[0].lanes[0].gate.unit"),
                Map.entry(
                        gate + ", \"confirmWithinMillis\": 5}", "controlPoints[0].lanes[0].gate.confirmWithinMillis"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ConfigException e = assertThrows(
                    ConfigException.class,
                    () -> load("{\"id\": \"LMC-S-01\", \"direction\": \"IMPORT\", " + c.getKey() + "}"),
                    c.getKey());
            assertTrue(e.getMessage().contains("'" + c.getValue() + "'"), c.getValue() + " <- " + e.getMessage());
        }
    }
}
