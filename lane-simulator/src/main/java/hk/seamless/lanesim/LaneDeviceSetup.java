package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * The lanes' devices as the admin desk makes them: a CAMERA, an RFID reader and a GATE on each lane
 * (and an EMPTY BUTTON when the run presses it), each with its own token; and the gate faults the
 * engine latched since the last run cleared, as a supervisor would.
 */
final class LaneDeviceSetup {

    private final EngineClient engine;
    private final String adminToken;
    private final String supervisor;
    private final PrintStream out;

    LaneDeviceSetup(EngineClient engine, String adminToken, String supervisor, PrintStream out) {
        this.engine = engine;
        this.adminToken = adminToken;
        this.supervisor = supervisor;
        this.out = out;
    }

    /** The devices of every lane, registered at the one engine this set-up talks to. */
    DeviceTokens register(List<LaneInfo> lanes, boolean buttons) throws Exception {
        return register(lanes, buttons, lane -> engine, lane -> adminToken);
    }

    /**
     * As above, each lane's devices registered at the engine that serves it ({@code at}), with that
     * engine's admin token ({@code tokenAt}): a lane engine keeps its own devices.
     */
    DeviceTokens register(
            List<LaneInfo> lanes,
            boolean buttons,
            Function<LaneInfo, EngineClient> at,
            Function<LaneInfo, String> tokenAt)
            throws Exception {
        DeviceTokens tokens = new DeviceTokens();
        for (LaneInfo lane : lanes) {
            for (String kind :
                    buttons ? List.of("CAMERA", "RFID", "GATE", "BUTTON") : List.of("CAMERA", "RFID", "GATE")) {
                EngineClient.Answer a = at.apply(lane)
                        .postJson(
                                "/api/v1/admin/devices",
                                tokenAt.apply(lane),
                                new JsonObject().put("lane", lane.id()).put("kind", kind))
                        .expect(201, "registering a " + kind + " on " + lane.id());
                tokens.put(lane.id(), kind, a.text("token"));
            }
        }
        return tokens;
    }

    /**
     * Clears the gate faults the engine latched on these lanes: a run that ends takes its emulated
     * gates away, and the engine rightly latches each lost one. 409 (none stood) is as good.
     */
    void clearGateFaults(List<LaneInfo> lanes) throws Exception {
        int cleared = 0;
        for (LaneInfo lane : lanes) {
            EngineClient.Answer a = engine.postJson(
                    "/api/v1/lanes/" + lane.id() + "/gate-fault/clear",
                    supervisor,
                    new JsonObject().put("reason", "lane simulator: emulated gate started again for a run"));
            if (a.status() == 200) {
                cleared++;
            } else if (a.status() != 409) {
                throw new IllegalStateException(
                        "clearing the gate fault of " + lane.id() + ": " + a.status() + " " + a.body());
            }
        }
        if (cleared > 0) {
            out.println("set-up: cleared " + cleared
                    + " gate faults latched since the last run (its emulated gates went away)");
        }
    }
}
