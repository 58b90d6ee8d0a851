package hk.seamless.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interlocks that hold whatever the gate's transport: a WebSocket gate that says it OPENED for an
 * arrival that was not released latches a fault; the lane then holds until an officer clears it.
 */
class GateFaultLatchLaneTest extends LaneHarness {

    @Test
    void aGateThatOpensWithoutAReleaseHoldsTheLaneUntilCleared() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig rig = rig("IMPORT");
        Truck unbundled = newTruck();
        Truck bundled = newTruck();
        bundleLaden(bundled.mark(), "IMPORT");
        Truck later = newTruck();
        bundleLaden(later.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject inspected = arrive(rig, unbundled);
        assertDecision(inspected, "INSPECT", null, "NO_BUNDLE");
        rig.gate().send(new JsonObject().put("ack", inspected.getString("arrivalId")).put("state", "OPENED"));
        JsonObject fault = console.await(f -> "GATE_FAULT".equals(f.getString("entry")) && rig.lane().equals(f.getString("lane")),
                Duration.ofSeconds(5), "the fault");
        assertTrue(fault.getString("detail").startsWith("ROSE_WITHOUT_RELEASE"), fault.encode());
        awaitGateSeen(rig.lane(), true, true);
        // READY from the gate does not lift a fault the engine latched
        rig.gate().send(new JsonObject().put("status", "READY"));
        assertDecision(arrive(rig, bundled), "HOLD", null, "GATE_UNAVAILABLE");

        api.post("/api/v1/lanes/" + rig.lane() + "/gate-fault/clear", officer.token(),
                new JsonObject().put("reason", "controller checked, boom down")).expect(200);
        api.post("/api/v1/lanes/NOPE-1/gate-fault/clear", officer.token(), new JsonObject().put("reason", "x")).expect(404);
        awaitGateSeen(rig.lane(), true, false);
        assertDecision(arrive(rig, later), "RELEASE", "PROCEED");
    }
}
