package hk.seamless.http;

import static hk.seamless.http.GateFailSafeLaneTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * End to end over real WebSockets: a camera and an RFID reader send on the lane stream, the gate
 * socket and the officers' console feed hear the decision; the feed is for officers only.
 */
class LaneWebSocketTest extends LaneHarness {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static String streamPath(String lane) {
        return "/lane/v1/lanes/" + lane + "/stream";
    }

    private static JsonObject plateFrame(String plate, double confidence) {
        return LaneTestClient.alpr(plate, confidence).put("kind", "plate");
    }

    private static JsonObject tagFrame(String epc) {
        return LaneTestClient.tag(epc).put("kind", "tag");
    }

    private static boolean isError(JsonObject f) {
        return "error".equals(f.getString("kind"));
    }

    @Test
    void readsOnTheLaneStreamAreDecidedAndTheGateTheStreamsAndTheConsoleHearIt() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        JsonObject hello = console.await(f -> "hello".equals(f.getString("kind")), WAIT, "the console's hello");
        JsonArray known = hello.getJsonArray("lanes");
        assertEquals(36, known.size(), "the six control points' default lanes: " + known.encode());

        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String ccrn = lodge("IMPORT");
        api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn);
        clock.advance(PAST_LEAD);

        LaneTestClient.Socket camera = track(lanes.stream(rig.lane(), rig.camera()));
        LaneTestClient.Socket reader = track(lanes.stream(rig.lane(), rig.rfid()));
        camera.send(plateFrame(a.mark(), 96));
        String arrivalId = camera.await(f -> "accepted".equals(f.getString("kind")), WAIT, "the plate accepted")
                .getString("arrivalId");
        assertNotNull(arrivalId);
        reader.send(tagFrame(a.tag()));

        JsonObject atGate = rig.gate().awaitDecision(arrivalId);
        assertDecision(atGate, "RELEASE", "PROCEED");
        assertEquals(a.mark(), atGate.getString("vehicleMark"));
        assertEquals(java.util.List.of(ccrn), atGate.getJsonArray("ccrns").getList());
        assertNotNull(atGate.getString("validUntil"));

        JsonObject onConsole = console.awaitDecision(arrivalId);
        assertEquals("RELEASE", onConsole.getString("decision"));
        assertEquals(rig.lane(), onConsole.getString("lane"));
        assertEquals(
                "RELEASE", camera.awaitDecision(arrivalId).getString("decision"), "decisions come back on the stream");
        assertEquals("RELEASE", reader.awaitDecision(arrivalId).getString("decision"));
    }

    @Test
    void aPlateAloneOnTheStreamIsDecidedWhenTheWindowRunsOut() {
        Rig rig = rig("EXPORT");
        Truck a = newTruck();
        LaneTestClient.Socket camera = track(lanes.stream(rig.lane(), rig.camera()));
        camera.send(plateFrame(a.mark(), 96));
        String arrivalId = camera.await(f -> "accepted".equals(f.getString("kind")), WAIT, "accepted")
                .getString("arrivalId");
        rig.gate().assertNoDecision(QUIET);
        clock.advance(PAST_WINDOW);
        assertDecision(rig.gate().awaitDecision(arrivalId), "INSPECT", null, "NO_BUNDLE");
    }

    @Test
    void anEmptyPressOnTheStreamJoinsTheArrival() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        LaneTestClient.Socket button = track(lanes.stream(rig.lane(), rig.button()));
        button.send(new JsonObject().put("kind", "empty").put("pressedAt", "2026-11-17T10:31:00+08:00"));
        String arrivalId = button.await(f -> "accepted".equals(f.getString("kind")), WAIT, "accepted")
                .getString("arrivalId");
        lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 95).expect(202);
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json();
        assertEquals(arrivalId, decision.getString("arrivalId"));
        assertDecision(decision, "INSPECT", null, "EMPTY_CONFLICT");
    }

    @Test
    void aDeviceSendingWhatItIsNotGetsAnErrorFrameAndTheGateHearsNothing() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        LaneTestClient.Socket camera = track(lanes.stream(rig.lane(), rig.camera()));
        camera.send(tagFrame(a.tag()));
        assertEquals(
                403,
                camera.await(LaneWebSocketTest::isError, WAIT, "a camera sending a tag")
                        .getInteger("status"));
        camera.send(LaneTestClient.alpr(a.mark(), 96).put("kind", "photo"));
        assertEquals(
                400,
                camera.await(LaneWebSocketTest::isError, WAIT, "an unknown kind")
                        .getInteger("status"));
        camera.send(LaneTestClient.alpr(a.mark(), 96));
        assertEquals(
                400, camera.await(LaneWebSocketTest::isError, WAIT, "no kind").getInteger("status"));
        camera.send("{\"kind\": \"plate\", ");
        assertEquals(
                400,
                camera.await(LaneWebSocketTest::isError, WAIT, "malformed JSON").getInteger("status"));

        JsonObject textConfidence = plateFrame(a.mark(), 96);
        textConfidence.getJsonArray("results").getJsonObject(0).put("confidence", "high");
        camera.send(textConfidence);
        JsonObject error = camera.await(LaneWebSocketTest::isError, WAIT, "a malformed plate document");
        assertEquals(400, error.getInteger("status"));
        assertTrue(ApiResponse.fields(error).contains("results[0].confidence"), error.encode());

        LaneTestClient.Socket reader = track(lanes.stream(rig.lane(), rig.rfid()));
        reader.send(plateFrame(a.mark(), 96));
        assertEquals(
                403,
                reader.await(LaneWebSocketTest::isError, WAIT, "a reader sending a plate")
                        .getInteger("status"));
        reader.send(tagFrame("XYZ"));
        JsonObject badTag = reader.await(LaneWebSocketTest::isError, WAIT, "a malformed tag");
        assertTrue(ApiResponse.fields(badTag).contains("epc"), badTag.encode());

        rig.gate().assertNone(f -> "decision".equals(f.getString("kind")), QUIET, "a decision after refused messages");
        camera.assertNone(f -> "accepted".equals(f.getString("kind")), Duration.ZERO, "an accepted refused message");
    }

    @Test
    void aStreamNeedsAReadingDeviceOfThatLane() {
        Rig rig = rig("IMPORT");
        Rig other = rig("IMPORT");
        assertRefused(lanes.connectAsync(streamPath(rig.lane()), null), 401);
        assertRefused(lanes.connectAsync(streamPath(rig.lane()), "dv_unknown"), 401);
        assertRefused(lanes.connectAsync(streamPath(rig.lane()), other.camera()), 403);
        assertRefused(lanes.connectAsync(streamPath(rig.lane()), rig.gateToken()), 403);
        assertRefused(lanes.connectAsync(streamPath("HZM-S-09"), rig.camera()), 404);
    }

    @Test
    void theConsoleFeedIsForOfficersAndSupervisorsOnly() {
        assertRefused(lanes.connectAsync("/console/v1/feed", null), 401);
        assertRefused(lanes.connectAsync("/console/v1/feed", "not-a-token"), 401);
        assertRefused(lanes.connectAsync("/console/v1/feed", shipper.token()), 403);
        assertRefused(lanes.connectAsync("/console/v1/feed", trucker.token()), 403);
        Rig rig = rig("EXPORT");
        assertRefused(lanes.connectAsync("/console/v1/feed", rig.camera()), 401);
        LaneTestClient.Socket feed = track(lanes.console(supervisor.token()));
        feed.await(f -> "hello".equals(f.getString("kind")), WAIT, "the supervisor's hello");
    }

    @Test
    void theConsoleHearsAnOverrideOfAStreamedArrival() {
        LaneTestClient.Socket console = track(lanes.console(officer.token()));
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        LaneTestClient.Socket camera = track(lanes.stream(rig.lane(), rig.camera()));
        LaneTestClient.Socket reader = track(lanes.stream(rig.lane(), rig.rfid()));
        camera.send(plateFrame(a.mark(), 96));
        String arrivalId = camera.await(f -> "accepted".equals(f.getString("kind")), WAIT, "accepted")
                .getString("arrivalId");
        reader.send(tagFrame(a.tag()));
        assertEquals("INSPECT", console.awaitDecision(arrivalId).getString("decision"));
        api.post(
                        "/api/v1/arrivals/" + arrivalId + "/override",
                        officer.token(),
                        new JsonObject().put("decision", "REFER").put("reason", "driver to the office"))
                .expect(200);
        JsonObject overridden = console.await(
                f -> arrivalId.equals(f.getString("arrivalId")) && "REFER".equals(f.getString("decision")),
                WAIT,
                "the override on the console");
        assertEquals("SEE OFFICER", overridden.getString("display"));
        assertEquals(
                "REFER",
                rig.gate()
                        .await(
                                f -> arrivalId.equals(f.getString("arrivalId"))
                                        && "REFER".equals(f.getString("decision")),
                                WAIT,
                                "the override at the gate")
                        .getString("decision"));
    }
}
