package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The rules' "frames are one vehicle" and "presence": a camera's frames of one truck are one
 * arrival, reads of a decided truck still at the lane are recorded and never decided again, and an
 * officer's RELEASE reaches the gate only while that truck is the one at the lane.
 */
class PresenceLaneTest extends LaneHarness {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Truck bundled() {
        Truck t = newTruck();
        bundleLaden(t.mark(), "IMPORT");
        return t;
    }

    /** A plate frame the engine answers 202 (its arrival waits for more): the arrival's id. */
    private String waitingFrame(Rig rig, String plate, double confidence, Object... candidates) {
        return lanes.plateRead(rig.lane(), rig.camera(), plate, confidence, candidates)
                .expect(202)
                .json()
                .getString("arrivalId");
    }

    /** Two registered vehicles, both bundled, whose marks differ by one look-alike (e.g. XK1348, XK134B). */
    private Truck[] bundledTwins() {
        String mark = craftedMark("LDDD8");
        Truck a = truck(mark);
        Truck twin = truck(mark.substring(0, 5) + "B");
        bundleLaden(a.mark(), "IMPORT");
        bundleLaden(twin.mark(), "IMPORT");
        return new Truck[] {a, twin};
    }

    /** A mark with a look-alike character, bundled, and its look-alike twin text (not registered). */
    private String[] lookAlikePair() {
        String mark = craftedMark("LDDD8"); // e.g. XK1348
        return new String[] {mark, mark.substring(0, 5) + "B"};
    }

    @Test
    void framesDifferingByALookAlikeCharacterAreOneArrivalAndTheGateHearsOneDecision() {
        Rig rig = rig("IMPORT");
        String[] pair = lookAlikePair();
        Truck a = truck(pair[0]);
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        String first = waitingFrame(rig, pair[0], 93);
        String second = waitingFrame(rig, pair[1], 88);
        assertEquals(first, second, "a frame 50 ms later that reads B for 8 is the same truck");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json();
        assertDecision(decision, "RELEASE", "PROCEED");
        rig.gate().awaitDecision(first);
        rig.gate().assertNone(f -> "decision".equals(f.getString("kind")), QUIET, "a second decision for one truck");
    }

    @Test
    void aFrameAfterTheReleaseIsRecordedWithTheArrivalAndNeverReachesTheGate() {
        Rig rig = rig("IMPORT");
        String[] pair = lookAlikePair();
        Truck a = truck(pair[0]);
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject released = arrive(rig, a);
        assertDecision(released, "RELEASE", "PROCEED");
        clock.advance(Duration.ofMillis(200));
        for (String frame : new String[] {pair[0], pair[1]}) {
            JsonObject answer = lanes.plateRead(rig.lane(), rig.camera(), frame, 91)
                    .expect(202)
                    .json();
            assertEquals(released.getString("arrivalId"), answer.getString("arrivalId"));
            assertEquals(true, answer.getBoolean("repeat"));
        }
        lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(202);
        rig.gate()
                .assertNone(
                        f -> !released.getString("arrivalId").equals(f.getString("arrivalId")),
                        QUIET,
                        "an INSPECT or any decision while the released truck passes under the boom");
        JsonObject detail = api.get("/api/v1/arrivals/" + released.getString("arrivalId"), officer.token())
                .expect(200)
                .json();
        assertEquals(3, detail.getInteger("repeatReads"), "the repeats are recorded with the arrival");
    }

    @Test
    void theNextVehiclesReadEndsThePresenceAndStartsItsOwnArrival() {
        Rig rig = rig("IMPORT");
        Truck a = bundled();
        Truck b = bundled();
        clock.advance(PAST_LEAD);
        JsonObject first = arrive(rig, a);
        JsonObject second = arrive(rig, b);
        assertNotEquals(first.getString("arrivalId"), second.getString("arrivalId"));
        assertDecision(second, "RELEASE", "PROCEED");
        // a's frame now: a is no longer the vehicle at the lane, so this is a new arrival, decided anew
        clock.advance(Duration.ofMillis(500));
        String again = waitingFrame(rig, a.mark(), 95);
        assertNotEquals(first.getString("arrivalId"), again);
    }

    @Test
    void theLoopDetectorReportingClearEndsThePresenceEarly() {
        Rig rig = rig("IMPORT");
        Truck early = bundled();
        JsonObject inspected = arrive(rig, early);
        assertDecision(inspected, "INSPECT", null, "EARLY_ARRIVAL");
        String id = inspected.getString("arrivalId");
        rig.gate().send(new JsonObject().put("loop", "CLEAR"));
        // The gate's messages reach the pipeline in order: once its answer is recorded, so is the CLEAR.
        rig.gate().send(new JsonObject().put("ack", id).put("state", "CLOSED"));
        eventually(
                "/api/v1/arrivals/" + id, officer.token(), d -> "CLOSED".equals(d.getString("gateState")), "the ack");
        JsonObject answer = override(id, "RELEASE");
        assertEquals("VEHICLE_GONE", answer.getString("gateSignal"), answer.encode());
        rig.gate()
                .assertNone(f -> "RELEASE".equals(f.getString("decision")), QUIET, "a RELEASE once the lane is clear");
        // and the same truck read again is a new arrival, not a repeat
        assertNotEquals(id, waitingFrame(rig, early.mark(), 95));
    }

    @Test
    void anOverrideAfterOtherTrucksUsedTheLaneNeverReachesTheGateButTheOfficerIsToldAndTheCrossingRecorded() {
        Rig rig = rig("IMPORT");
        Truck early = newTruck();
        String bundleId = bundleLaden(early.mark(), "IMPORT").getString("bundleId");
        Truck other = newTruck();
        JsonObject inspected = arrive(rig, early);
        assertDecision(inspected, "INSPECT", null, "EARLY_ARRIVAL");
        clock.advance(Duration.ofMinutes(5));
        arrive(rig, other);
        JsonObject answer = override(inspected.getString("arrivalId"), "RELEASE");
        assertEquals("RELEASE", answer.getString("decision"));
        assertEquals("VEHICLE_GONE", answer.getString("gateSignal"), answer.encode());
        assertNotNull(answer.getString("gateNote"));
        rig.gate().assertNone(f -> "RELEASE".equals(f.getString("decision")), QUIET, "a RELEASE minutes late");
        eventually(
                "/api/v1/bundles/" + bundleId,
                trucker.token(),
                b -> "USED".equals(b.getString("status")),
                "the officer's release recorded as the crossing");
    }

    @Test
    void anOverrideAfterThePresenceWindowNeverReachesTheGate() {
        Rig rig = rig("IMPORT");
        Truck early = newTruck();
        bundleLaden(early.mark(), "IMPORT");
        JsonObject inspected = arrive(rig, early);
        clock.advance(PAST_PRESENCE);
        JsonObject answer = override(inspected.getString("arrivalId"), "RELEASE");
        assertEquals("VEHICLE_GONE", answer.getString("gateSignal"));
        rig.gate().assertNone(f -> "RELEASE".equals(f.getString("decision")), QUIET, "a RELEASE after the truck left");
    }

    @Test
    void anOverrideWhileTheTruckIsStillThereReachesTheGate() {
        Rig rig = rig("IMPORT");
        Truck early = newTruck();
        bundleLaden(early.mark(), "IMPORT");
        JsonObject inspected = arrive(rig, early);
        clock.advance(Duration.ofSeconds(5));
        JsonObject answer = override(inspected.getString("arrivalId"), "RELEASE");
        assertEquals("SENT", answer.getString("gateSignal"));
        rig.gate()
                .await(
                        f -> "RELEASE".equals(f.getString("decision"))
                                && inspected.getString("arrivalId").equals(f.getString("arrivalId")),
                        WAIT,
                        "the officer's RELEASE");
    }

    @Test
    void aFrameLinkedOnlyThroughAnEarlierFramesReadingIsTheSameTruck() {
        Rig rig = rig("IMPORT");
        String mark = craftedMark("LDDD"); // e.g. XK134: a crafted mark never has a 0
        Truck a = truck(mark);
        bundleLaden(mark, "IMPORT");
        clock.advance(PAST_LEAD);
        // two misreads of one digit each, naming nobody registered, neither a look-alike of the mark
        String other1 = mark.substring(0, 4) + "0";
        String other2 = mark.substring(0, 3) + "0" + mark.charAt(4);
        String first = waitingFrame(rig, mark, 85, mark, 85);
        lanes.plateRead(rig.lane(), rig.camera(), other1, 95, other1, 95, mark, 84)
                .expect(202);
        String third = waitingFrame(rig, other2, 88, other2, 88, mark, 83);
        assertEquals(first, third, "frame 3 names frame 1's reading among its candidates: one truck");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json();
        assertEquals(first, decision.getString("arrivalId"));
        assertDecision(decision, "RELEASE", "PROCEED");
        rig.gate().assertNone(f -> !first.equals(f.getString("arrivalId")), QUIET, "a second arrival for one truck");
    }

    @Test
    void aFrameOfOnlyTheGuangdongPlateIsAFrameOfTheSameTruck() {
        Rig rig = rig("IMPORT");
        Truck a = bundled();
        clock.advance(PAST_LEAD);
        String first = waitingFrame(rig, a.mark(), 92);
        String second = waitingFrame(rig, "粤B·12345港", 96);
        assertEquals(first, second, "the truck's other plate, not the next truck");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json();
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
        rig.gate().assertNone(f -> !first.equals(f.getString("arrivalId")), QUIET, "a second arrival for one truck");
    }

    @Test
    void anEmptyPressJustBeforeTheNextTrucksReadsIsThatTrucksDeclaration() {
        Rig rig = rig("IMPORT");
        Truck a = bundled();
        Truck b = bundled();
        clock.advance(PAST_LEAD);
        JsonObject first = arrive(rig, a);
        assertDecision(first, "RELEASE", "PROCEED");
        clock.advance(Duration.ofMillis(300));
        // b's driver presses EMPTY while a still counts as present, then the cameras read b
        lanes.emptyPress(rig.lane(), rig.button()).expect(202);
        JsonObject decision = arrive(rig, b);
        assertNotEquals(first.getString("arrivalId"), decision.getString("arrivalId"));
        assertDecision(decision, "INSPECT", null, "EMPTY_CONFLICT");
    }

    @Test
    void aRegisteredLookAlikeTruckAfterTheDecisionIsDecidedAsItself() {
        Rig rig = rig("IMPORT");
        Truck[] twins = bundledTwins();
        Truck a = twins[0];
        Truck twin = twins[1];
        clock.advance(PAST_LEAD);
        JsonObject first = plateAlone(rig, a.mark(), 95);
        assertDecision(first, "RELEASE", "PROCEED");
        String next = waitingFrame(rig, twin.mark(), 94);
        assertNotEquals(first.getString("arrivalId"), next, "a confident read of another registered vehicle");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), twin.tag()).expect(200).json();
        assertEquals(next, decision.getString("arrivalId"));
        assertEquals(twin.mark(), decision.getString("vehicleMark"));
        assertDecision(decision, "RELEASE", "PROCEED");
    }

    @Test
    void theTagOfARegisteredLookAlikeAfterAPlateOnlyDecisionStartsItsArrival() {
        Rig rig = rig("IMPORT");
        Truck[] twins = bundledTwins();
        Truck a = twins[0];
        Truck twin = twins[1];
        clock.advance(PAST_LEAD);
        JsonObject first = plateAlone(rig, a.mark(), 95);
        JsonObject answer =
                lanes.tagRead(rig.lane(), rig.rfid(), twin.tag()).expect(202).json();
        assertNotEquals(first.getString("arrivalId"), answer.getString("arrivalId"), "not the same tag's vehicle");
        assertEquals(null, answer.getValue("repeat"));
    }

    private JsonObject override(String arrivalId, String decision) {
        return api.post(
                        "/api/v1/arrivals/" + arrivalId + "/override",
                        officer.token(),
                        new JsonObject()
                                .put("decision", decision)
                                .put("reason", "checked at the office")
                                .put("inspectionResult", "documents in order"))
                .expect(200)
                .json();
    }
}
