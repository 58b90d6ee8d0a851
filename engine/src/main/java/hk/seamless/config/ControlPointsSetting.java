package hk.seamless.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code controlPoints} key of the config file: the control points and their lanes, in place
 * of the six Hong Kong ones. Every mistake stops the start naming the place in the file
 * ({@code controlPoints[1].lanes[0].direction}), not with a cast exception.
 *
 * <pre>{"controlPoints": [{"code": "LMC", "name": "Lok Ma Chau", "randomInspectionRate": 0.05,
 *   "lanes": [{"id": "LMC-S-01", "direction": "IMPORT", "rfidReader": true}]}]}</pre>
 *
 * A lane's {@code rfidReader} may also be an LLRP reader and its {@code gate} a Modbus TCP gate the
 * engine drives itself (see {@link LaneDevicesSetting}).
 */
final class ControlPointsSetting {

    private static final Set<String> CONTROL_POINT_KEYS = Set.of("code", "name", "randomInspectionRate", "lanes");
    private static final Set<String> LANE_KEYS = Set.of("id", "direction", "rfidReader", "gate");

    private final Set<String> laneIds = new HashSet<>();
    private final Set<String> codes = new HashSet<>();

    private ControlPointsSetting() {}

    static List<ControlPoint> read(Object raw, double defaultRate) {
        if (!(raw instanceof JsonArray array) || array.isEmpty()) {
            throw bad("controlPoints", "must be a non-empty array of control points");
        }
        ControlPointsSetting reader = new ControlPointsSetting();
        List<ControlPoint> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(reader.controlPoint(array.getValue(i), "controlPoints[" + i + "]", defaultRate));
        }
        return result;
    }

    private ControlPoint controlPoint(Object raw, String at, double defaultRate) {
        JsonObject cp = object(raw, at, CONTROL_POINT_KEYS);
        String code = text(cp, at, "code", true);
        if (!codes.add(code)) {
            throw bad(at + ".code", "'" + code + "' is named twice");
        }
        String name = cp.containsKey("name") ? text(cp, at, "name", false) : code;
        double rate = defaultRate;
        if (cp.containsKey("randomInspectionRate")) {
            if (!(cp.getValue("randomInspectionRate") instanceof Number n)
                    || !(n.doubleValue() >= 0 && n.doubleValue() <= 1)) {
                throw bad(at + ".randomInspectionRate", "must be a number from 0 to 1");
            }
            rate = n.doubleValue();
        }
        if (!(cp.getValue("lanes") instanceof JsonArray lanes) || lanes.isEmpty()) {
            throw bad(at + ".lanes", "must be a non-empty array of lanes");
        }
        List<Lane> result = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            result.add(lane(lanes.getValue(i), at + ".lanes[" + i + "]", code));
        }
        return new ControlPoint(code, name, rate, result);
    }

    private Lane lane(Object raw, String at, String controlPoint) {
        JsonObject lane = object(raw, at, LANE_KEYS);
        String id = text(lane, at, "id", true);
        if (!laneIds.add(id)) {
            throw bad(at + ".id", "lane '" + id + "' is named twice (devices are bound to a lane by its id)");
        }
        Direction direction;
        try {
            direction = Direction.valueOf(text(lane, at, "direction", true));
        } catch (IllegalArgumentException e) {
            throw bad(at + ".direction", "must be IMPORT or EXPORT");
        }
        Object rfid = lane.getValue("rfidReader", true);
        LlrpReaderSetting llrp =
                rfid instanceof JsonObject reader ? LaneDevicesSetting.reader(reader, at + ".rfidReader") : null;
        if (!(rfid instanceof Boolean) && llrp == null) {
            throw bad(
                    at + ".rfidReader", "must be true, false, or an LLRP reader {\"url\": \"llrp://host:5084\", ...}");
        }
        ModbusGateSetting gate =
                lane.containsKey("gate") ? LaneDevicesSetting.gate(lane.getValue("gate"), at + ".gate") : null;
        return new Lane(id, controlPoint, direction, llrp != null || (Boolean) rfid, llrp, gate);
    }

    private static JsonObject object(Object raw, String at, Set<String> known) {
        if (!(raw instanceof JsonObject object)) {
            throw bad(at, "must be an object");
        }
        for (String key : object.fieldNames()) {
            if (!known.contains(key)) {
                throw bad(
                        at + "." + key,
                        "is not a setting (known: "
                                + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        return object;
    }

    private static String text(JsonObject object, String at, String key, boolean identifier) {
        if (!(object.getValue(key) instanceof String s) || s.isBlank()) {
            throw bad(at + "." + key, "must be a non-empty string");
        }
        if (identifier && !s.matches("[A-Za-z0-9_-]{1,40}")) {
            throw bad(at + "." + key, "'" + s + "' must be letters, digits, '-' or '_' (at most 40)");
        }
        return s;
    }

    private static ConfigException bad(String at, String problem) {
        return new ConfigException("config file key '" + at + "' " + problem);
    }
}
