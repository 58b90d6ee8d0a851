package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * An officer overrides a decision with a reason; INSPECT to RELEASE records the inspection result;
 * a REFER is resolved by keying the mark, which runs the rules again. The gate hears the new
 * decision; the arrival shows the reads and every override.
 */
class OverrideLaneTest extends LaneHarness {

    private static String overridePath(String arrivalId) {
        return "/api/v1/arrivals/" + arrivalId + "/override";
    }

    private ApiResponse override(String token, String arrivalId, JsonObject body) {
        return api.post(overridePath(arrivalId), token, body);
    }

    private JsonObject detail(String arrivalId) {
        return api.get("/api/v1/arrivals/" + arrivalId, officer.token())
                .expect(200)
                .json();
    }

    /** An INSPECT (EARLY_ARRIVAL) of a bundled vehicle; returns its decision. */
    private JsonObject earlyArrival(Rig rig, Truck truck) {
        JsonObject decision = arrive(rig, truck);
        assertDecision(decision, "INSPECT", null, "EARLY_ARRIVAL");
        return decision;
    }

    @Test
    void inspectToReleaseNeedsTheInspectionResultThenOpensTheGateAndCrosses() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String bundleId = bundleLaden(a.mark(), "IMPORT").getString("bundleId");
        String arrivalId = earlyArrival(rig, a).getString("arrivalId");
        rig.gate().send(new JsonObject().put("ack", arrivalId).put("state", "CLOSED"));
        eventually(
                "/api/v1/arrivals/" + arrivalId,
                officer.token(),
                d -> "CLOSED".equals(d.getString("gateState")),
                "the gate's CLOSED for the INSPECT");

        JsonObject withoutResult = new JsonObject().put("decision", "RELEASE").put("reason", "documents checked");
        override(officer.token(), arrivalId, withoutResult).problemNaming(400, "inspectionResult");
        assertEquals("INSPECT", detail(arrivalId).getString("decision"), "a refused override changes nothing");
        rig.gate()
                .assertNone(
                        f -> arrivalId.equals(f.getString("arrivalId")) && "RELEASE".equals(f.getString("decision")),
                        QUIET,
                        "RELEASE after a refused override");

        JsonObject answer = override(
                        officer.token(),
                        arrivalId,
                        withoutResult.copy().put("inspectionResult", "seals intact, 120 cartons as declared"))
                .expect(200)
                .json();
        assertEquals("RELEASE", answer.getString("decision"));
        assertTrue(reasons(answer).contains("OFFICER_OVERRIDE"), answer.encode());
        assertEquals("SENT", answer.getString("gateSignal"), "the truck is still at the lane: its gate is told");

        JsonObject atGate = rig.gate()
                .await(
                        f -> "decision".equals(f.getString("kind"))
                                && arrivalId.equals(f.getString("arrivalId"))
                                && "RELEASE".equals(f.getString("decision")),
                        java.time.Duration.ofSeconds(5),
                        "the overriding RELEASE");
        assertEquals("PROCEED", atGate.getString("display"));
        assertNotNull(atGate.getString("validUntil"));
        // The CLOSED answered the INSPECT; the RELEASE is unanswered until the gate says so.
        assertNull(detail(arrivalId).getString("gateState"), "the earlier CLOSED is not the answer to the RELEASE");
        rig.gate().send(new JsonObject().put("ack", arrivalId).put("state", "OPENED"));
        eventually(
                "/api/v1/arrivals/" + arrivalId,
                officer.token(),
                d -> "OPENED".equals(d.getString("gateState")),
                "the gate's OPENED for the override");

        JsonArray overrides = detail(arrivalId).getJsonArray("overrides");
        assertEquals(1, overrides.size());
        JsonObject o = overrides.getJsonObject(0);
        assertEquals("INSPECT", o.getString("from"));
        assertEquals("RELEASE", o.getString("to"));
        assertEquals("documents checked", o.getString("reason"));
        assertEquals("seals intact, 120 cartons as declared", o.getString("inspectionResult"));
        assertEquals(officer.id(), o.getString("officer"));
        assertEquals("Officer Test Ltd", o.getString("officerName"), "the audit trail names the officer");
        assertNotNull(o.getString("at"));

        eventually("/api/v1/bundles/" + bundleId, trucker.token(), b -> "USED".equals(b.getString("status")), "USED");
        clock.advance(PAST_PRESENCE);
        assertDecision(arrive(rig, a), "INSPECT", null, "NO_BUNDLE");
    }

    /**
     * Sent to inspection, released only with what the inspection found: not by a detour through
     * another decision, nor by keying a mark whose rules send the truck to inspection.
     */
    @Test
    void aTruckSentToInspectionIsReleasedOnlyWithTheInspectionResultWhateverTheWay() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        JsonObject bundle = bundleLaden(a.mark(), "IMPORT");
        String arrivalId = earlyArrival(rig, a).getString("arrivalId");

        override(
                        officer.token(),
                        arrivalId,
                        new JsonObject().put("decision", "HOLD").put("reason", "wait"))
                .problemNaming(400, "decision");
        override(
                        officer.token(),
                        arrivalId,
                        new JsonObject().put("decision", "REFER").put("reason", "not sure"))
                .expect(200);
        JsonObject release = new JsonObject().put("decision", "RELEASE").put("reason", "looks fine");
        override(officer.token(), arrivalId, release).problemNaming(400, "inspectionResult");
        rig.gate()
                .assertNone(
                        f -> arrivalId.equals(f.getString("arrivalId")) && "RELEASE".equals(f.getString("decision")),
                        QUIET,
                        "RELEASE without the inspection result");
        assertEquals("REFER", detail(arrivalId).getString("decision"));

        JsonObject answer = override(officer.token(), arrivalId, release.copy().put("inspectionResult", "as declared"))
                .expect(200)
                .json();
        assertEquals("RELEASE", answer.getString("decision"));
        // Answered once the crossing is recorded: read at once, the cargo has crossed.
        String ccrn = bundle.getJsonArray("ccrns").getString(0);
        JsonObject consignment = api.get("/api/v1/consignments/" + ccrn, shipper.token())
                .expect(200)
                .json();
        assertEquals("CROSSED", consignment.getString("status"), consignment.encode());
        assertEquals(
                "USED",
                api.get("/api/v1/bundles/" + bundle.getString("bundleId"), trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"));

        // A REFER resolved by keying the mark of a vehicle with no bundle: INSPECT, so a RELEASE
        // given with the mark needs the result too.
        String referred = plateAlone(rig, "粤Z·A123港", 97).getString("arrivalId");
        clock.advance(PAST_PRESENCE);
        override(
                        officer.token(),
                        referred,
                        new JsonObject()
                                .put("vehicleMark", newTruck().mark())
                                .put("decision", "RELEASE")
                                .put("reason", "read by eye"))
                .problemNaming(400, "inspectionResult");
    }

    /** A retried override with its Idempotency-Key is not applied twice; the key with another body is a 422. */
    @Test
    void anOverrideRetriedWithItsIdempotencyKeyIsAppliedOnce() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        String arrivalId = earlyArrival(rig, a).getString("arrivalId");
        JsonObject release = new JsonObject()
                .put("decision", "RELEASE")
                .put("reason", "inspected at bay 3")
                .put("inspectionResult", "as declared");
        String key = "override-" + arrivalId;

        JsonObject first = api.post(overridePath(arrivalId), officer.token(), release, "Idempotency-Key", key)
                .expect(200)
                .json();
        JsonObject again = api.post(overridePath(arrivalId), officer.token(), release, "Idempotency-Key", key)
                .expect(200)
                .json();
        assertEquals(first, again, "the same answer");
        api.post(
                        overridePath(arrivalId),
                        officer.token(),
                        new JsonObject().put("decision", "INSPECT").put("reason", "changed my mind"),
                        "Idempotency-Key",
                        key)
                .problemNaming(422, "Idempotency-Key");

        JsonObject d = detail(arrivalId);
        assertEquals("RELEASE", d.getString("decision"));
        assertEquals(1, d.getJsonArray("overrides").size(), "applied once: " + d.getJsonArray("overrides"));
        // Another officer's key of the same text is another key.
        api.post(
                        overridePath(arrivalId),
                        supervisor.token(),
                        new JsonObject().put("decision", "INSPECT").put("reason", "second look"),
                        "Idempotency-Key",
                        key)
                .expect(200);
        assertEquals(2, detail(arrivalId).getJsonArray("overrides").size());
    }

    @Test
    void aReferIsResolvedByKeyingTheMarkAndTheRulesRunAgain() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject refer = plateAlone(rig, a.mark(), 41);
        assertDecision(refer, "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
        String arrivalId = refer.getString("arrivalId");

        String keyed = a.mark().substring(0, 2).toLowerCase() + " " + a.mark().substring(2);
        JsonObject answer = override(
                        officer.token(),
                        arrivalId,
                        new JsonObject().put("vehicleMark", keyed).put("reason", "plate dirty"))
                .expect(200)
                .json();
        assertEquals("RELEASE", answer.getString("decision"), answer.encode());
        assertEquals(a.mark(), answer.getString("vehicleMark"));

        JsonObject atGate = rig.gate()
                .await(
                        f -> "decision".equals(f.getString("kind"))
                                && arrivalId.equals(f.getString("arrivalId"))
                                && "RELEASE".equals(f.getString("decision")),
                        java.time.Duration.ofSeconds(5),
                        "the RELEASE after keying");
        assertEquals(a.mark(), atGate.getString("vehicleMark"));

        JsonObject o = detail(arrivalId).getJsonArray("overrides").getJsonObject(0);
        assertEquals("REFER", o.getString("from"));
        assertEquals("RELEASE", o.getString("to"));
        assertEquals(keyed, o.getString("keyedMark"));
        assertEquals("plate dirty", o.getString("reason"));
    }

    @Test
    void keyingTheMarkOfAnUnbundledVehicleReDecidesToNoBundle() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        JsonObject refer = plateAlone(rig, "粤Z·A123港", 97);
        assertEquals("REFER", refer.getString("decision"));
        JsonObject answer = override(
                        officer.token(),
                        refer.getString("arrivalId"),
                        new JsonObject().put("vehicleMark", a.mark()).put("reason", "read the HK plate by eye"))
                .expect(200)
                .json();
        assertEquals("INSPECT", answer.getString("decision"));
        assertEquals(java.util.List.of("NO_BUNDLE"), reasons(answer));
    }

    @Test
    void aMarkIsKeyedOnlyForAReferAndMustBeAMark() {
        Rig rig = rig("IMPORT");
        String inspected = arrive(rig, newTruck()).getString("arrivalId");
        override(
                        officer.token(),
                        inspected,
                        new JsonObject()
                                .put("vehicleMark", TradeApiClient.uniqueMark())
                                .put("reason", "typo"))
                .problem(409);
        String referred = plateAlone(rig, "粤Z·A123港", 97).getString("arrivalId");
        override(
                        officer.token(),
                        referred,
                        new JsonObject().put("vehicleMark", "粤Z·A123港").put("reason", "typo"))
                .problemNaming(400, "vehicleMark");
        assertEquals("REFER", detail(referred).getString("decision"));
    }

    @Test
    void anOverrideNeedsAReasonAndADecisionOrAMark() {
        Rig rig = rig("IMPORT");
        String arrivalId = arrive(rig, newTruck()).getString("arrivalId");
        override(officer.token(), arrivalId, new JsonObject().put("decision", "REFER"))
                .problemNaming(400, "reason");
        override(
                        officer.token(),
                        arrivalId,
                        new JsonObject().put("decision", "REFER").put("reason", " "))
                .problemNaming(400, "reason");
        override(officer.token(), arrivalId, new JsonObject().put("reason", "no decision"))
                .problemNaming(400, "decision");
        override(
                        officer.token(),
                        arrivalId,
                        new JsonObject().put("decision", "OPEN").put("reason", "x"))
                .problemNaming(400, "decision");
        JsonObject d = detail(arrivalId);
        assertEquals("INSPECT", d.getString("decision"));
        assertEquals(0, d.getJsonArray("overrides").size());
    }

    @Test
    void onlyOfficersAndSupervisorsOverride() {
        Rig rig = rig("IMPORT");
        String arrivalId = arrive(rig, newTruck()).getString("arrivalId");
        JsonObject body = new JsonObject().put("decision", "REFER").put("reason", "look again");
        override(shipper.token(), arrivalId, body).problem(403);
        override(trucker.token(), arrivalId, body).problem(403);
        override(null, arrivalId, body).problem(401);
        override(rig.camera(), arrivalId, body).problem(401);
        assertEquals(0, detail(arrivalId).getJsonArray("overrides").size());
        assertEquals(
                "REFER",
                override(supervisor.token(), arrivalId, body).expect(200).json().getString("decision"));
        rig.gate()
                .await(
                        f -> arrivalId.equals(f.getString("arrivalId")) && "REFER".equals(f.getString("decision")),
                        java.time.Duration.ofSeconds(5),
                        "the supervisor's REFER");
    }

    @Test
    void anUnknownArrivalIsNotFound() {
        override(
                        officer.token(),
                        "LMC-S-01.nope.1",
                        new JsonObject()
                                .put("decision", "RELEASE")
                                .put("reason", "x")
                                .put("inspectionResult", "y"))
                .problem(404);
        api.get("/api/v1/arrivals/LMC-S-01.nope.1", officer.token()).problem(404);
    }

    @Test
    void theArrivalShowsItsReadsAndIsForOfficersOnly() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String arrivalId = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 93.7, a.mark(), 93.7, "ZZ9", 40.2)
                .expect(202)
                .json()
                .getString("arrivalId");
        lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200);
        JsonObject d = detail(arrivalId);
        assertEquals(arrivalId, d.getString("arrivalId"));
        assertEquals(rig.lane(), d.getString("lane"));
        JsonObject reads = d.getJsonObject("reads");
        assertEquals(a.mark(), reads.getString("plate"));
        assertEquals(93, reads.getInteger("confidence"));
        assertEquals(a.tag(), reads.getString("epc"));
        assertEquals(Boolean.FALSE, reads.getBoolean("emptyPressed"));
        JsonArray candidates = reads.getJsonArray("candidates");
        assertEquals(2, candidates.size(), reads.encode());
        assertEquals(a.mark(), candidates.getJsonObject(0).getString("plate"));
        assertEquals("ZZ9", candidates.getJsonObject(1).getString("plate"));
        assertEquals(40, candidates.getJsonObject(1).getInteger("confidence"));
        assertEquals(0, d.getJsonArray("overrides").size());
        api.get("/api/v1/arrivals/" + arrivalId, shipper.token()).problem(403);
        api.get("/api/v1/arrivals/" + arrivalId, null).problem(401);
        JsonArray recent = api.get("/api/v1/arrivals?lane=" + rig.lane(), supervisor.token())
                .expect(200)
                .json()
                .getJsonArray("arrivals");
        assertEquals(arrivalId, recent.getJsonObject(0).getString("arrivalId"));
    }
}
