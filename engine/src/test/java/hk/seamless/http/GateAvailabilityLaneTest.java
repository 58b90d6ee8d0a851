package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * "No gate, no crossing": a lane whose gate is not connected, or reports a fault, cannot release.
 * The decision is HOLD (GATE_UNAVAILABLE), the bundle stays ACTIVE and nothing crosses, until an
 * officer releases the truck by hand, which records the crossing.
 */
class GateAvailabilityLaneTest extends LaneHarness {

    private Truck bundledPastLead() {
        Truck t = newTruck();
        bundleLaden(t.mark(), "IMPORT");
        return t;
    }

    private JsonObject readsWithoutGate(Rig rig, Truck t) {
        String id = lanes.plateRead(rig.lane(), rig.camera(), t.mark(), 95)
                .expect(202)
                .json()
                .getString("arrivalId");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), t.tag()).expect(200).json();
        assertEquals(id, decision.getString("arrivalId"));
        return decision;
    }

    @Test
    void withTheGateDisconnectedABundledTruckIsHeldAndNothingCrosses() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String ccrn = lodge("IMPORT");
        String bundleId = api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn).getString("bundleId");
        clock.advance(PAST_LEAD);
        rig.gate().close();
        awaitGateSeen(rig.lane(), false, false);
        JsonObject held = readsWithoutGate(rig, a);
        assertDecision(held, "HOLD", "SEE OFFICER", "GATE_UNAVAILABLE");
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + bundleId, trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"));
        assertEquals(
                "BUNDLED",
                api.get("/api/v1/consignments/" + ccrn, shipper.token())
                        .expect(200)
                        .json()
                        .getString("status"));

        // The officer releases the truck by hand: that is the crossing.
        JsonObject answer = api.post(
                        "/api/v1/arrivals/" + held.getString("arrivalId") + "/override",
                        officer.token(),
                        new JsonObject().put("decision", "RELEASE").put("reason", "boom raised by hand"))
                .expect(200)
                .json();
        assertEquals("RELEASE", answer.getString("decision"));
        assertEquals("GATE_UNAVAILABLE", answer.getString("gateSignal"));
        eventually("/api/v1/bundles/" + bundleId, trucker.token(), b -> "USED".equals(b.getString("status")), "USED");
        eventually(
                "/api/v1/consignments/" + ccrn,
                shipper.token(),
                c -> "CROSSED".equals(c.getString("status")),
                "CROSSED");
    }

    /**
     * Held at two lanes before either was released (a clone, or a truck that backed out): the
     * officer releasing the second by hand is told its bundle was used already, and no second
     * crossing is recorded.
     */
    @Test
    void aSecondHandReleaseOfOneBundleIsToldItWasUsedAlready() {
        Rig first = rig("IMPORT");
        Rig second = rig("IMPORT");
        Truck a = bundledPastLead();
        clock.advance(PAST_LEAD);
        first.gate().close();
        second.gate().close();
        awaitGateSeen(first.lane(), false, false);
        awaitGateSeen(second.lane(), false, false);
        JsonObject heldFirst = readsWithoutGate(first, a);
        JsonObject heldSecond = readsWithoutGate(second, a);
        assertDecision(heldSecond, "HOLD", "SEE OFFICER", "GATE_UNAVAILABLE");

        JsonObject byHand = new JsonObject().put("decision", "RELEASE").put("reason", "boom raised by hand");
        JsonObject released = api.post(
                        "/api/v1/arrivals/" + heldFirst.getString("arrivalId") + "/override", officer.token(), byHand)
                .expect(200)
                .json();
        assertFalse(released.getString("gateNote").contains("already used"), released.getString("gateNote"));
        JsonObject again = api.post(
                        "/api/v1/arrivals/" + heldSecond.getString("arrivalId") + "/override", officer.token(), byHand)
                .expect(200)
                .json();
        assertTrue(again.getString("gateNote").contains("already used by an earlier release"), again.encode());
        String bundleId = heldFirst.getString("bundleId");
        JsonObject bundle = api.get("/api/v1/bundles/" + bundleId, trucker.token())
                .expect(200)
                .json();
        assertEquals("USED", bundle.getString("status"));
        assertEquals(
                heldFirst.getString("arrivalId"),
                bundle.getJsonObject("crossing").getString("arrivalId"),
                bundle.encode());
    }

    @Test
    void aHandReleaseOfATruckWhoseBundleWasUnbundledMeanwhileSaysSo() {
        Rig rig = rig("IMPORT");
        Truck a = bundledPastLead();
        clock.advance(PAST_LEAD);
        rig.gate().close();
        awaitGateSeen(rig.lane(), false, false);
        JsonObject held = readsWithoutGate(rig, a);
        assertDecision(held, "HOLD", "SEE OFFICER", "GATE_UNAVAILABLE");
        String bundleId = held.getString("bundleId");
        // The lane's view hears of it as it hears of a bundling: before the trucker's answer.
        api.delete("/api/v1/bundles/" + bundleId, trucker.token()).expect(200);

        JsonObject released = api.post(
                        "/api/v1/arrivals/" + held.getString("arrivalId") + "/override",
                        officer.token(),
                        new JsonObject().put("decision", "RELEASE").put("reason", "boom raised by hand"))
                .expect(200)
                .json();
        assertTrue(
                released.getString("gateNote").contains("was unbundled after the lane's decision"), released.encode());
    }

    @Test
    void aGateReportingAFaultHoldsReleasesUntilItIsReadyAgain() {
        Rig rig = rig("IMPORT");
        Truck a = bundledPastLead();
        Truck b = bundledPastLead();
        clock.advance(PAST_LEAD);
        rig.gate().send(new JsonObject().put("status", "FAULT"));
        awaitGateSeen(rig.lane(), true, true);
        JsonObject held = arrive(rig, a);
        assertDecision(held, "HOLD", "SEE OFFICER", "GATE_UNAVAILABLE");

        rig.gate().send(new JsonObject().put("status", "READY"));
        awaitGateSeen(rig.lane(), true, false);
        assertDecision(arrive(rig, b), "RELEASE", "PROCEED");
    }

    @Test
    void onlyAReleaseIsHeldAnInspectionStillDirectsTheTruck() {
        Rig rig = rig("IMPORT");
        Truck unbundled = newTruck();
        rig.gate().close();
        awaitGateSeen(rig.lane(), false, false);
        assertDecision(readsWithoutGate(rig, unbundled), "INSPECT", "GO TO INSPECTION", "NO_BUNDLE");
    }

    @Test
    void aHeldTruckIsReleasedByTheRulesOnceTheGateIsBackAndItArrivesAgain() {
        Rig rig = rig("IMPORT");
        Truck a = bundledPastLead();
        clock.advance(PAST_LEAD);
        rig.gate().close();
        awaitGateSeen(rig.lane(), false, false);
        assertDecision(readsWithoutGate(rig, a), "HOLD", "SEE OFFICER", "GATE_UNAVAILABLE");
        LaneTestClient.Socket gate = track(lanes.gate(rig.lane(), rig.gateToken()));
        awaitGateSeen(rig.lane(), true, false);
        gate.assertNone(f -> "decision".equals(f.getString("kind")), QUIET, "the HOLD replayed to the new gate");
        clock.advance(PAST_PRESENCE);
        Rig reconnected = new Rig(rig.lane(), rig.camera(), rig.rfid(), rig.button(), rig.gateToken(), gate);
        assertDecision(arrive(reconnected, a), "RELEASE", "PROCEED");
    }
}
