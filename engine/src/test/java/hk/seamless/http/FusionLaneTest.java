package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fusion against the injected clock: a lane with a camera and an RFID reader waits for both, for
 * the fusion window (1 s) after the first read, then decides with what it has; a different
 * vehicle's read while one waits decides the waiting one first. A lane with only a camera decides
 * on its first frame that reads a Hong Kong mark at or above the confidence threshold (80), or when
 * the window runs out.
 */
class FusionLaneTest extends LaneHarness {

    @Override
    protected Set<String> cameraOnlyLanes() {
        return Set.of("HYW-S-03", "HYW-S-02", "HYW-S-01");
    }

    private Truck bundledTruck() {
        Truck t = newTruck();
        bundleLaden(t.mark(), "IMPORT");
        return t;
    }

    private static boolean decisionOf(JsonObject frame, String arrivalId) {
        return "decision".equals(frame.getString("kind")) && arrivalId.equals(frame.getString("arrivalId"));
    }

    @Test
    void aPlateAloneIsAcceptedAndDecidedOnlyWhenTheWindowRunsOut() {
        Rig rig = rig("IMPORT");
        Truck a = bundledTruck();
        clock.advance(PAST_LEAD);
        JsonObject accepted = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 94)
                .expect(202)
                .json();
        String arrivalId = accepted.getString("arrivalId");
        assertNotNull(arrivalId, "202 {arrivalId}: " + accepted.encode());
        rig.gate().assertNone(f -> decisionOf(f, arrivalId), QUIET, "decision before the window ran out");

        clock.advance(Duration.ofMillis(999));
        rig.gate().assertNone(f -> decisionOf(f, arrivalId), QUIET, "decision 999 ms into a 1 s window");

        clock.advance(Duration.ofMillis(2));
        JsonObject decision = rig.gate().awaitDecision(arrivalId);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
        JsonObject detail = api.get("/api/v1/arrivals/" + arrivalId, officer.token())
                .expect(200)
                .json();
        assertEquals(a.mark(), detail.getJsonObject("reads").getString("plate"));
        assertEquals(null, detail.getJsonObject("reads").getValue("epc"), "no tag was read");
    }

    @Test
    void aTagWithinTheWindowCompletesTheArrivalAndItsAnswerIsTheDecision() {
        Rig rig = rig("IMPORT");
        Truck a = bundledTruck();
        clock.advance(PAST_LEAD);
        String arrivalId = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 94)
                .expect(202)
                .json()
                .getString("arrivalId");
        clock.advance(Duration.ofMillis(600));
        ApiResponse tag = lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200);
        JsonObject decision = tag.json();
        assertEquals("decision", decision.getString("kind"));
        assertEquals(arrivalId, decision.getString("arrivalId"));
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(
                a.tag(),
                api.get("/api/v1/arrivals/" + arrivalId, officer.token())
                        .expect(200)
                        .json()
                        .getJsonObject("reads")
                        .getString("epc"));
        rig.gate().awaitDecision(arrivalId);
    }

    @Test
    void aTagFirstThenThePlateCompletesOnThePlate() {
        Rig rig = rig("IMPORT");
        Truck a = bundledTruck();
        clock.advance(PAST_LEAD);
        String arrivalId = lanes.tagRead(rig.lane(), rig.rfid(), a.tag())
                .expect(202)
                .json()
                .getString("arrivalId");
        JsonObject decision = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 94)
                .expect(200)
                .json();
        assertEquals(arrivalId, decision.getString("arrivalId"));
        assertDecision(decision, "RELEASE", "PROCEED");
    }

    @Test
    void aSecondDifferentPlateDecidesTheWaitingArrivalAndStartsANewOne() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        Truck b = newTruck();
        String first = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 94)
                .expect(202)
                .json()
                .getString("arrivalId");
        String second = lanes.plateRead(rig.lane(), rig.camera(), b.mark(), 94)
                .expect(202)
                .json()
                .getString("arrivalId");
        assertNotEquals(first, second, "the second plate is another vehicle");

        JsonObject firstDecision = rig.gate().awaitDecision(first); // without the clock moving
        assertEquals(a.mark(), firstDecision.getString("vehicleMark"));
        assertDecision(firstDecision, "INSPECT", null, "NO_BUNDLE");
        rig.gate()
                .assertNone(f -> decisionOf(f, second), QUIET, "decision of the new arrival before its window ran out");

        JsonObject secondDecision =
                lanes.tagRead(rig.lane(), rig.rfid(), b.tag()).expect(200).json();
        assertEquals(second, secondDecision.getString("arrivalId"));
        assertEquals(b.mark(), secondDecision.getString("vehicleMark"));
    }

    @Test
    void theSamePlateReadTwiceIsOneArrivalKeepingTheBetterRead() {
        Rig rig = rig("IMPORT");
        Truck a = bundledTruck();
        clock.advance(PAST_LEAD);
        String first = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 62)
                .expect(202)
                .json()
                .getString("arrivalId");
        String again = lanes.plateRead(rig.lane(), rig.camera(), a.mark().toLowerCase(), 91)
                .expect(202)
                .json()
                .getString("arrivalId");
        assertEquals(first, again, "the same vehicle seen twice is one arrival");
        clock.advance(PAST_WINDOW);
        JsonObject decision = rig.gate().awaitDecision(first);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(
                91,
                api.get("/api/v1/arrivals/" + first, officer.token())
                        .expect(200)
                        .json()
                        .getJsonObject("reads")
                        .getInteger("confidence"));
    }

    @Test
    void aSecondDifferentTagDecidesTheWaitingArrival() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        Truck b = newTruck();
        String first = lanes.tagRead(rig.lane(), rig.rfid(), a.tag())
                .expect(202)
                .json()
                .getString("arrivalId");
        String second = lanes.tagRead(rig.lane(), rig.rfid(), b.tag())
                .expect(202)
                .json()
                .getString("arrivalId");
        assertNotEquals(first, second);
        rig.gate().awaitDecision(first);
        rig.gate().assertNone(f -> decisionOf(f, second), QUIET, "decision of the new arrival");
        clock.advance(PAST_WINDOW);
        assertEquals(b.mark(), rig.gate().awaitDecision(second).getString("vehicleMark"));
    }

    @Test
    void aLateTagOfTheDecidedVehicleIsRecordedWithItAndAnotherVehiclesTagStartsAnotherArrival() {
        Rig rig = rig("IMPORT");
        Truck a = bundledTruck();
        Truck b = newTruck();
        clock.advance(PAST_LEAD);
        String first = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 94)
                .expect(202)
                .json()
                .getString("arrivalId");
        clock.advance(PAST_WINDOW);
        rig.gate().awaitDecision(first);
        JsonObject late =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(202).json();
        assertEquals(
                first, late.getString("arrivalId"), "the vehicle's own tag, read late, is recorded with its arrival");
        assertEquals(true, late.getBoolean("repeat"));
        rig.gate().assertNoDecision(QUIET);
        String second = lanes.tagRead(rig.lane(), rig.rfid(), b.tag())
                .expect(202)
                .json()
                .getString("arrivalId");
        assertNotEquals(first, second, "a decided arrival takes no reads of another vehicle");
        assertEquals(
                1,
                api.get("/api/v1/arrivals/" + first, officer.token())
                        .expect(200)
                        .json()
                        .getInteger("repeatReads"));
    }

    @Test
    void readsAtDifferentLanesAreNeverFused() {
        Rig one = rig("IMPORT");
        Rig two = rig("IMPORT");
        Truck a = newTruck();
        String atOne = lanes.plateRead(one.lane(), one.camera(), a.mark(), 94)
                .expect(202)
                .json()
                .getString("arrivalId");
        String atTwo = lanes.tagRead(two.lane(), two.rfid(), a.tag())
                .expect(202)
                .json()
                .getString("arrivalId");
        assertNotEquals(atOne, atTwo);
        one.gate().assertNoDecision(QUIET);
        clock.advance(PAST_WINDOW);
        assertEquals(one.lane(), one.gate().awaitDecision(atOne).getString("lane"));
        assertEquals(two.lane(), two.gate().awaitDecision(atTwo).getString("lane"));
        one.gate().assertNone(f -> decisionOf(f, atTwo), QUIET, "another lane's decision");
    }

    @Test
    void onACameraOnlyLaneAFrameBelowTheThresholdWaitsForABetterFrameOfTheTruck() {
        Rig rig = cameraOnlyRig();
        Truck a = bundledTruck();
        clock.advance(PAST_LEAD);
        JsonObject first = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 70)
                .expect(202)
                .json();
        String arrivalId = first.getString("arrivalId");
        assertNotNull(arrivalId, "a 70% frame names no vehicle: its arrival waits, 202 " + first.encode());
        rig.gate().assertNone(f -> decisionOf(f, arrivalId), QUIET, "a decision on a frame below the threshold");
        clock.advance(Duration.ofMillis(100));
        JsonObject decision = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 95)
                .expect(200)
                .json();
        assertEquals(arrivalId, decision.getString("arrivalId"), "the confident frame completes the same arrival");
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
        rig.gate().awaitDecision(arrivalId);
        rig.gate().assertNone(f -> "decision".equals(f.getString("kind")), QUIET, "a second decision for one truck");
    }

    @Test
    void onACameraOnlyLaneFramesBelowTheThresholdAreReferredWhenTheWindowRunsOut() {
        Rig rig = cameraOnlyRig();
        Truck a = bundledTruck();
        clock.advance(PAST_LEAD);
        String arrivalId = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 70)
                .expect(202)
                .json()
                .getString("arrivalId");
        clock.advance(Duration.ofMillis(999));
        rig.gate().assertNone(f -> decisionOf(f, arrivalId), QUIET, "a decision 999 ms into a 1 s window");
        clock.advance(Duration.ofMillis(2));
        assertDecision(rig.gate().awaitDecision(arrivalId), "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
    }
}
