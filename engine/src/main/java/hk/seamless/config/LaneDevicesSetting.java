package hk.seamless.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A lane's devices the engine drives itself: an LLRP reader ({@code "rfidReader": {"url": "llrp://host:5084",
 * "antennas": [1, 2], "rssiFloor": -70}}) and a Modbus TCP gate ({@code "gate": {"url": "modbus://host:502",
 * "unit": 1, "raiseCoil": 0, "mode": "pulse", "loopInput": 0, "boomUpInput": 1, "boomDownInput": 2}}). Every
 * mistake stops the start naming the key, since a gate wired to the wrong coil is worse than no gate.
 */
final class LaneDevicesSetting {

    private static final Set<String> READER_KEYS = Set.of("url", "antennas", "rssiFloor");
    private static final Set<String> GATE_KEYS = Set.of(
            "url",
            "unit",
            "raiseCoil",
            "mode",
            "pulseMillis",
            "loopInput",
            "boomUpInput",
            "boomDownInput",
            "confirmWithinMillis",
            "loopStuckMillis",
            "pollMillis");

    private LaneDevicesSetting() {}

    static LlrpReaderSetting reader(JsonObject raw, String at) {
        known(raw, at, READER_KEYS);
        URI url = url(raw, at, "llrp", 5084);
        Set<Integer> antennas = new LinkedHashSet<>();
        if (raw.containsKey("antennas")) {
            if (!(raw.getValue("antennas") instanceof JsonArray list)) {
                throw bad(at + ".antennas", "must be an array of antenna ids (1 to 65535)");
            }
            for (Object a : list) {
                if (!(a instanceof Integer id) || id < 1 || id > 65535) {
                    throw bad(at + ".antennas", "must be an array of antenna ids (1 to 65535)");
                }
                antennas.add(id);
            }
        }
        Integer floor = null;
        if (raw.containsKey("rssiFloor")) {
            if (!(raw.getValue("rssiFloor") instanceof Integer dbm) || dbm < -128 || dbm > 127) {
                throw bad(at + ".rssiFloor", "must be a whole number of dBm from -128 to 127");
            }
            floor = dbm;
        }
        return new LlrpReaderSetting(url.getHost(), url.getPort() < 0 ? 5084 : url.getPort(), antennas, floor);
    }

    static ModbusGateSetting gate(Object value, String at) {
        if (!(value instanceof JsonObject raw)) {
            throw bad(at, "must be an object: {\"url\": \"modbus://host:502\", \"unit\": 1, \"raiseCoil\": 0, ...}");
        }
        known(raw, at, GATE_KEYS);
        URI url = url(raw, at, "modbus", 502);
        int unit = whole(raw, at, "unit", 1, 0, 255);
        int coil = whole(raw, at, "raiseCoil", null, 0, 65535);
        String mode = raw.getValue("mode", "pulse") instanceof String m ? m : "";
        if (!mode.equals("pulse") && !mode.equals("hold")) {
            throw bad(at + ".mode", "must be \"pulse\" or \"hold\"");
        }
        int loop = raw.containsKey("loopInput") ? whole(raw, at, "loopInput", null, 0, 65535) : -1;
        if (mode.equals("hold") && loop < 0) {
            throw bad(at + ".loopInput", "is needed in hold mode: the coil is released only once the loop is clear");
        }
        int up = whole(raw, at, "boomUpInput", null, 0, 65535);
        int down = whole(raw, at, "boomDownInput", null, 0, 65535);
        if (up == down || up == loop || down == loop) {
            throw bad(at + ".boomUpInput", "the loop, boom-up and boom-down inputs must be three different inputs");
        }
        return new ModbusGateSetting(
                url.getHost(),
                url.getPort() < 0 ? 502 : url.getPort(),
                unit,
                coil,
                mode.equals("pulse"),
                whole(raw, at, "pulseMillis", 500, 50, 10_000),
                loop,
                up,
                down,
                whole(raw, at, "confirmWithinMillis", 3_000, 100, 60_000),
                whole(raw, at, "loopStuckMillis", 300_000, 1_000, 86_400_000),
                whole(raw, at, "pollMillis", 50, 10, 5_000));
    }

    private static URI url(JsonObject raw, String at, String scheme, int defaultPort) {
        String example = scheme + "://host:" + defaultPort;
        if (!(raw.getValue("url") instanceof String text)) {
            throw bad(at + ".url", "must be a string like " + example);
        }
        try {
            URI url = new URI(text);
            if (!scheme.equals(url.getScheme())
                    || url.getHost() == null
                    || (url.getPath() != null && !url.getPath().isEmpty())
                    || url.getQuery() != null
                    || url.getUserInfo() != null) {
                throw bad(at + ".url", "'" + text + "' must be like " + example);
            }
            return url;
        } catch (URISyntaxException e) {
            throw bad(at + ".url", "'" + text + "' must be like " + example);
        }
    }

    private static int whole(JsonObject raw, String at, String key, Integer absent, int min, int max) {
        Object value = raw.getValue(key);
        if (value == null && absent != null) {
            return absent;
        }
        if (!(value instanceof Integer n) || n < min || n > max) {
            throw bad(at + "." + key, "must be a whole number from " + min + " to " + max);
        }
        return n;
    }

    private static void known(JsonObject raw, String at, Set<String> keys) {
        for (String key : raw.fieldNames()) {
            if (!keys.contains(key)) {
                throw bad(
                        at + "." + key,
                        "is not a setting (known: "
                                + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    private static ConfigException bad(String at, String problem) {
        return new ConfigException("config file key '" + at + "' " + problem);
    }
}
