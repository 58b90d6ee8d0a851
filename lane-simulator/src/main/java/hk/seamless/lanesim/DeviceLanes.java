package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the engine reaches the simulator's emulated lane devices: the engine's {@code controlPoints}
 * setting, written by {@code devices-config} and read back by {@code run --device-config}. One file
 * is both the engine's wiring and the simulator's, so they cannot disagree. The written lanes are a
 * control point SIM with half its lanes each way; lane k (from 0, in the file's order) has its
 * reader on {@code portBase + 2k} and its gate on {@code portBase + 2k + 1}.
 */
final class DeviceLanes {

    /** An emulated LLRP reader the engine is told to reach: where, and the antenna that sees the lane. */
    record Reader(String host, int port, int antenna) {}

    /**
     * An emulated Modbus gate the engine is told to reach (wired as the emulator is: unit 1, coil 0, inputs
     * 0, 1, 2). {@code pulse}: the controller lowers the boom itself once the loop clears; else (hold) the
     * boom follows the coil, and only the engine's interlock keeps it off a truck.
     */
    record Gate(String host, int port, boolean pulse) {}

    /** A lane's emulated devices: a reader, a gate, or both (null: the lane's own over HTTP and WebSocket). */
    record Wiring(Reader reader, Gate gate) {}

    static final Set<String> KINDS = Set.of("llrp", "modbus");

    private DeviceLanes() {}

    /** What --devices names: llrp, modbus, both, or none (lanes without driven devices, for the WebSocket path). */
    static Set<String> kinds(List<String> named) {
        if (named == null || named.isEmpty() || (named.size() == 1 && "none".equals(named.get(0)))) {
            return Set.of();
        }
        for (String kind : named) {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException(
                        "--devices takes llrp, modbus or both (llrp,modbus), not '" + kind + "'");
            }
        }
        return Set.copyOf(named);
    }

    /**
     * The engine's settings file: {@code lanes} lanes of a control point SIM, with the devices named,
     * and a gate that the engine polls every 20 ms (in pulse mode, pulsed for 100 ms; in hold mode, the coil held
     * until the loop clears).
     */
    static String engineConfig(Set<String> kinds, int lanes, String host, int portBase, boolean pulse) {
        if (lanes < 2 || lanes > 200) {
            throw new IllegalArgumentException("--lanes must be from 2 to 200");
        }
        if (portBase < 1024 || portBase + 2 * lanes > 65535) {
            throw new IllegalArgumentException("--port-base must leave room for 2 ports a lane below 65536, from 1024");
        }
        JsonArray laneList = new JsonArray();
        for (int k = 0; k < lanes; k++) {
            boolean south = k < (lanes + 1) / 2;
            String id = String.format(
                    Locale.ROOT, "SIM-%s-%02d", south ? "S" : "N", south ? k + 1 : k + 1 - (lanes + 1) / 2);
            JsonObject lane = new JsonObject().put("id", id).put("direction", south ? "IMPORT" : "EXPORT");
            if (kinds.contains("llrp")) {
                lane.put(
                        "rfidReader",
                        new JsonObject()
                                .put("url", "llrp://" + host + ":" + (portBase + 2 * k))
                                .put("antennas", new JsonArray().add(1)));
            }
            if (kinds.contains("modbus")) {
                lane.put(
                        "gate",
                        new JsonObject()
                                .put("url", "modbus://" + host + ":" + (portBase + 2 * k + 1))
                                .put("unit", 1)
                                .put("raiseCoil", 0)
                                .put("mode", pulse ? "pulse" : "hold")
                                .put("pulseMillis", 100)
                                .put("loopInput", 0)
                                .put("boomUpInput", 1)
                                .put("boomDownInput", 2)
                                .put("pollMillis", 20));
            }
            laneList.add(lane);
        }
        JsonObject sim = new JsonObject()
                .put("code", "SIM")
                .put("name", "Simulated lanes")
                .put("lanes", laneList);
        return PrettyJson.of(new JsonObject().put("controlPoints", new JsonArray().add(sim))) + "\n";
    }

    /**
     * The lanes of an engine settings file that have an LLRP reader or a Modbus gate, by lane id. A
     * gate must be wired as the emulator is (unit 1, coil 0, loop on input 0, boom up on 1,
     * down on 2), and every device must be on this machine: the emulators listen where the file says.
     */
    static Map<String, Wiring> parse(String engineConfigJson) {
        JsonObject root = new JsonObject(engineConfigJson);
        if (!(root.getValue("controlPoints") instanceof JsonArray points)) {
            throw new IllegalArgumentException("--device-config: the file has no controlPoints");
        }
        Map<String, Wiring> wired = new LinkedHashMap<>();
        for (Object cp : points) {
            for (Object laneValue : ((JsonObject) cp).getJsonArray("lanes")) {
                JsonObject lane = (JsonObject) laneValue;
                String id = lane.getString("id");
                Reader reader = null;
                Gate gate = null;
                if (lane.getValue("rfidReader") instanceof JsonObject r) {
                    String[] at = hostPort(r.getString("url"), "llrp", 5084, id);
                    int antenna = r.getValue("antennas") instanceof JsonArray list && !list.isEmpty()
                            ? ((Number) list.getValue(0)).intValue()
                            : 1;
                    reader = new Reader(at[0], Integer.parseInt(at[1]), antenna);
                }
                if (lane.getValue("gate") instanceof JsonObject g) {
                    String[] at = hostPort(g.getString("url"), "modbus", 502, id);
                    requireWiring(g, id);
                    gate = new Gate(at[0], Integer.parseInt(at[1]), !"hold".equals(g.getValue("mode")));
                }
                if (reader != null || gate != null) {
                    wired.put(id, new Wiring(reader, gate));
                }
            }
        }
        return wired;
    }

    private static void requireWiring(JsonObject g, String lane) {
        Map<String, Object> expected =
                Map.of("unit", 1, "raiseCoil", 0, "loopInput", 0, "boomUpInput", 1, "boomDownInput", 2);
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object value = g.containsKey(e.getKey()) ? g.getValue(e.getKey()) : "unit".equals(e.getKey()) ? 1 : null;
            if (!(value instanceof Number n) || n.intValue() != (Integer) e.getValue()) {
                throw new IllegalArgumentException(
                        "--device-config: lane " + lane + " gate." + e.getKey() + " is " + value
                                + "; the emulated gate is wired unit 1, raiseCoil 0, loopInput 0, boomUpInput 1, boomDownInput 2");
            }
        }
        if (!List.of("pulse", "hold").contains(g.containsKey("mode") ? g.getValue("mode") : "pulse")) {
            throw new IllegalArgumentException("--device-config: lane " + lane + " gate.mode must be pulse or hold");
        }
    }

    private static String[] hostPort(String url, String scheme, int defaultPort, String lane) {
        java.net.URI uri = java.net.URI.create(url == null ? "" : url);
        if (!scheme.equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--device-config: lane " + lane + " has " + url + ", not " + scheme + "://host:port");
        }
        return new String[] {uri.getHost(), Integer.toString(uri.getPort() < 0 ? defaultPort : uri.getPort())};
    }

    static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "--device-config names host " + host + ", which this machine cannot resolve");
        }
    }

    /** Lanes among {@code lanes} that lack a device of the kinds asked for, for the error message. */
    static List<String> missing(List<LaneInfo> lanes, Map<String, Wiring> wired, Set<String> kinds) {
        List<String> missing = new ArrayList<>();
        for (LaneInfo lane : lanes) {
            Wiring w = wired.get(lane.id());
            if ((kinds.contains("llrp") && (w == null || w.reader() == null))
                    || (kinds.contains("modbus") && (w == null || w.gate() == null))) {
                missing.add(lane.id());
            }
        }
        return missing;
    }
}
