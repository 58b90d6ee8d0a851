package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    @Test
    void laneSocketsAreSpreadOverAsManyEventLoopsAsTheEngineHas() throws Exception {
        int loops = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        HttpClient http = HttpClient.newHttpClient();
        try (FloorServer server = new FloorServer()) {
            URI gate =
                    URI.create(server.base().toString().replaceFirst("^http", "ws") + "/lane/v1/lanes/LMC-S-01/gate");
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < 4 * loops; i++) {
                sockets.add(http.newWebSocketBuilder()
                        .buildAsync(gate, new WebSocket.Listener() {})
                        .get(10, TimeUnit.SECONDS));
            }
            assertEquals(
                    loops, server.loopsServing().size(), server.loopsServing().toString());
            sockets.forEach(WebSocket::abort);
        }
    }
}
