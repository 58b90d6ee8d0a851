package hk.seamless.lanesim;

import java.util.HashMap;
import java.util.Map;

/** The token of each lane device the simulator registered: per lane, per kind (CAMERA, RFID, BUTTON, GATE). */
final class DeviceTokens {

    private final Map<String, Map<String, String>> byLane = new HashMap<>();

    synchronized void put(String lane, String kind, String token) {
        byLane.computeIfAbsent(lane, l -> new HashMap<>()).put(kind, token);
    }

    synchronized String get(String lane, String kind) {
        String token = byLane.getOrDefault(lane, Map.of()).get(kind);
        if (token == null) {
            throw new IllegalStateException("no " + kind + " registered on " + lane);
        }
        return token;
    }

    /** For the floor server, which checks no token. */
    static DeviceTokens fake(Iterable<LaneInfo> lanes) {
        DeviceTokens tokens = new DeviceTokens();
        for (LaneInfo lane : lanes) {
            for (String kind : new String[] {"CAMERA", "RFID", "BUTTON", "GATE"}) {
                tokens.put(lane.id(), kind, "floor");
            }
        }
        return tokens;
    }
}
