package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate's side of the fail-safe: a gate hears only what is decided while it is connected
 * (never a stale RELEASE), and its acknowledgements are recorded and shown to officers; a
 * malformed acknowledgement is answered with an error and changes nothing.
 */
class GateFailSafeLaneTest extends LaneHarness {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Devices registered, but no gate connected yet. */
    private record Devices(String lane, String camera, String rfid, String gateToken) {}

    private Devices devicesWithoutGate(String direction) {
        String lane = freshLane(direction);
        return new Devices(
                lane,
                lanes.registerDevice(lane, "CAMERA"),
                lanes.registerDevice(lane, "RFID"),
                lanes.registerDevice(lane, "GATE"));
    }

    private JsonObject releasedArrival(Rig rig) {
        Truck a = newTruck();
        bundleLaden(a.mark(), direction(rig));
        clock.advance(PAST_LEAD);
        JsonObject decision = arrive(rig, a);
        assertDecision(decision, "RELEASE", "PROCEED");
        return decision;
    }

    private String gateState(String arrivalId) {
        return api.get("/api/v1/arrivals/" + arrivalId, officer.token())
                .expect(200)
                .json()
                .getString("gateState");
    }

    @Test
    void aGateThatConnectsAfterAHoldDoesNotReceiveIt() {
        Devices d = devicesWithoutGate("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        lanes.plateRead(d.lane(), d.camera(), a.mark(), 95).expect(202);
        JsonObject held = lanes.tagRead(d.lane(), d.rfid(), a.tag()).expect(200).json();
        // No gate, no crossing: the rules hold what would have been a RELEASE.
        assertEquals("HOLD", held.getString("decision"));

        LaneTestClient.Socket gate = track(lanes.gate(d.lane(), d.gateToken()));
        gate.assertNone(
                f -> held.getString("arrivalId").equals(f.getString("arrivalId")),
                QUIET,
                "a decision made before the gate connected, replayed to it");

        // Connected now, it hears the next vehicle's decision.
        Truck b = newTruck();
        lanes.plateRead(d.lane(), d.camera(), b.mark(), 95).expect(202);
        String next =
                lanes.tagRead(d.lane(), d.rfid(), b.tag()).expect(200).json().getString("arrivalId");
        assertEquals("INSPECT", gate.awaitDecision(next).getString("decision"));
    }

    @Test
    void aGateThatReconnectsDoesNotGetTheDecisionMadeWhileItWasAway() {
        Rig rig = rig("IMPORT");
        rig.gate().close();
        awaitGateSeen(rig.lane(), false, false);
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 95).expect(202);
        JsonObject held =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json();
        assertEquals("HOLD", held.getString("decision"));
        LaneTestClient.Socket again = track(lanes.gate(rig.lane(), rig.gateToken()));
        again.assertNone(
                f -> held.getString("arrivalId").equals(f.getString("arrivalId")),
                QUIET,
                "the decision made while the gate was away");
    }

    @Test
    void aQuietConsoleStillHearsTheEngineSoItCanTellQuietFromDead() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        JsonObject hello = console.await(f -> "hello".equals(f.getString("kind")), WAIT, "the hello");
        long interval = hello.getLong("heartbeatMillis");
        assertEquals(10_000, interval, "the page is told how often to expect a heartbeat");
        JsonObject heartbeat = console.await(
                f -> "heartbeat".equals(f.getString("kind")),
                Duration.ofMillis(interval + 5_000),
                "a heartbeat with no lane traffic at all");
        assertNotNull(heartbeat.getString("at"));
    }

    @Test
    void aHoldReachesTheGateAndTheConsoles() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig rig = rig("EXPORT");
        // What the pipeline does on an engine error, a decision timeout or a full ring.
        engine.pipeline().hold(engine.pipeline().laneIndex(rig.lane()), "DECISION_TIMEOUT");
        for (LaneTestClient.Socket socket : List.of(rig.gate(), console)) {
            JsonObject hold = socket.await(
                    f -> "hold".equals(f.getString("kind")) && rig.lane().equals(f.getString("lane")),
                    WAIT,
                    "the HOLD");
            assertEquals("HOLD", hold.getString("decision"));
            assertEquals("SEE OFFICER", hold.getString("display"));
            assertEquals("DECISION_TIMEOUT", hold.getString("reason"));
        }
    }

    @Test
    void anAcknowledgementIsShownOnTheConsoleAndRecorded() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig rig = rig("IMPORT");
        JsonObject lane = console.await(
                f -> "lane".equals(f.getString("kind")) && rig.lane().equals(f.getString("lane")),
                WAIT,
                "the lane's gate connecting");
        assertEquals(Boolean.TRUE, lane.getBoolean("gateConnected"));

        String arrivalId = releasedArrival(rig).getString("arrivalId");
        assertNull(gateState(arrivalId), "no acknowledgement yet");
        rig.gate().send(new JsonObject().put("ack", arrivalId).put("state", "OPENED"));
        JsonObject shown = console.await(
                f -> "gate".equals(f.getString("kind")) && arrivalId.equals(f.getString("arrivalId")),
                WAIT,
                "the gate's acknowledgement");
        assertEquals("OPENED", shown.getString("state"));
        assertEquals(rig.lane(), shown.getString("lane"));
        assertEquals("OPENED", gateState(arrivalId), "recorded before the console was told");
    }

    @Test
    void aMalformedAcknowledgementGetsAnErrorAndChangesNothing() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig rig = rig("IMPORT");
        String arrivalId = releasedArrival(rig).getString("arrivalId");
        String[] malformed = {
            new JsonObject().put("ack", arrivalId).put("state", "AJAR").encode(),
            new JsonObject().put("ack", 42).put("state", "OPENED").encode(),
            new JsonObject().put("state", "OPENED").encode(),
            new JsonObject().put("ack", "").put("state", "OPENED").encode(),
            "{\"ack\": \"" + arrivalId + "\", \"state\": ",
            "[\"" + arrivalId + "\", \"OPENED\"]",
        };
        for (String bad : malformed) {
            rig.gate().send(bad);
            JsonObject error = rig.gate().await(f -> "error".equals(f.getString("kind")), WAIT, "an error for " + bad);
            assertEquals(400, error.getInteger("status"), error.encode());
        }
        console.assertNone(
                f -> "gate".equals(f.getString("kind")) && arrivalId.equals(f.getString("arrivalId")),
                QUIET,
                "a gate state from a malformed acknowledgement");
        assertNull(gateState(arrivalId));

        rig.gate().send(new JsonObject().put("ack", arrivalId).put("state", "CLOSED"));
        console.await(
                f -> "gate".equals(f.getString("kind")) && arrivalId.equals(f.getString("arrivalId")),
                WAIT,
                "the well-formed acknowledgement");
        assertEquals("CLOSED", gateState(arrivalId));
    }

    @Test
    void aGateCannotAcknowledgeAnotherLanesArrival() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig mine = rig("IMPORT");
        Rig theirs = rig("IMPORT");
        String arrivalId = releasedArrival(theirs).getString("arrivalId");
        mine.gate().send(new JsonObject().put("ack", arrivalId).put("state", "OPENED"));
        console.assertNone(
                f -> "gate".equals(f.getString("kind")) && arrivalId.equals(f.getString("arrivalId")),
                QUIET,
                "another lane's gate acknowledging");
        assertNull(gateState(arrivalId));
    }

    @Test
    void theConsoleIsToldWhenAGateDisconnects() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig rig = rig("EXPORT");
        console.await(
                f -> "lane".equals(f.getString("kind"))
                        && rig.lane().equals(f.getString("lane"))
                        && Boolean.TRUE.equals(f.getBoolean("gateConnected")),
                WAIT,
                "gate connected");
        rig.gate().close();
        console.await(
                f -> "lane".equals(f.getString("kind"))
                        && rig.lane().equals(f.getString("lane"))
                        && Boolean.FALSE.equals(f.getBoolean("gateConnected")),
                WAIT,
                "gate disconnected");
    }

    @Test
    void aGateSocketNeedsTheLanesGateToken() {
        Rig rig = rig("IMPORT");
        Rig other = rig("IMPORT");
        assertRefused(lanes.connectAsync("/lane/v1/lanes/" + rig.lane() + "/gate", rig.camera()), 403);
        assertRefused(lanes.connectAsync("/lane/v1/lanes/" + rig.lane() + "/gate", other.gateToken()), 403);
        assertRefused(lanes.connectAsync("/lane/v1/lanes/" + rig.lane() + "/gate", null), 401);
        assertRefused(lanes.connectAsync("/lane/v1/lanes/LMC-X-01/gate", rig.gateToken()), 404);
    }

    static void assertRefused(java.util.concurrent.CompletableFuture<LaneTestClient.Socket> handshake, int status) {
        try {
            LaneTestClient.Socket socket = handshake.get(10, java.util.concurrent.TimeUnit.SECONDS);
            socket.close();
            org.junit.jupiter.api.Assertions.fail("the handshake should have been refused with " + status);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause()
                    : e.getCause();
            if (!(cause instanceof java.net.http.WebSocketHandshakeException refused)) {
                throw new AssertionError("refused in an unexpected way", cause);
            }
            assertEquals(status, refused.getResponse().statusCode(), "handshake status");
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the handshake neither opened nor was refused", e);
        }
    }
}
