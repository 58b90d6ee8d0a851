package hk.seamless.gate;

import io.vertx.core.json.JsonObject;

/** The console's view of a lane's devices: whether its gate is there and able, and why not. */
public final class LaneStateMessage {

    private LaneStateMessage() {}

    /** The fields of a lane's state, shared by the live {@code lane} message and the console's hello. */
    public static JsonObject fields(LaneHub hub, int lane, String laneId) {
        JsonObject json = new JsonObject()
                .put("lane", laneId)
                .put("gateConnected", hub.gateConnected(lane))
                .put("gateFault", hub.gateInFault(lane));
        if (hub.latchedFault(lane) != null) {
            json.put("gateFaultReason", hub.latchedFault(lane));
        }
        if (hub.readerState(lane) != null) {
            json.put("reader", hub.readerState(lane));
        }
        return json;
    }

    public static String of(LaneHub hub, int lane, String laneId) {
        return new JsonObject()
                .put("kind", "lane")
                .mergeIn(fields(hub, lane, laneId))
                .encode();
    }
}
