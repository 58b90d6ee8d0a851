package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What the floor server reads from the lane messages, and the decision it echoes. */
class FloorServerTest {

    @Test
    void theFloorServerReadsWhatItNeedsFromTheLaneMessages() {
        String plate = LaneMessages.plate(
                new LaneMessages.PlateSeen("FU125B", 91.0, "粤Z·A123港"), java.time.Instant.EPOCH, true);
        assertEquals("FU125B", FloorServer.plateOf(new JsonObject(plate)));
        assertEquals("plate", new JsonObject(plate).getString("kind"));
        assertEquals("LMC-S-01", FloorServer.lane("/lane/v1/lanes/LMC-S-01/stream"));
        assertEquals(null, FloorServer.lane("/api/v1/settings"));
        Decision d = Decision.parse(FloorServer.fakeDecision("F-1", "LMC-S-01", "FU125B"));
        assertEquals("RELEASE", d.decision());
        assertEquals("FU125B", d.vehicleMark());
    }
}
