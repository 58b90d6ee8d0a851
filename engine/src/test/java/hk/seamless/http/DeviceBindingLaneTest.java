package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device speaks only for its lane and only as what it is; a refused or malformed message never
 * reaches the pipeline: it is answered with a 4xx naming what was wrong, and the gate hears
 * nothing.
 */
class DeviceBindingLaneTest extends LaneHarness {

    private Rig rig;
    private Rig other;
    private Truck truck;

    @BeforeAll
    void lanes() {
        rig = rig("IMPORT");
        other = rig("IMPORT");
    }

    /**
     * A vehicle of its own for each test: the one an earlier test decided may still count as
     * present at the lane (every test starts at the same clock time), and its reads would be repeats.
     */
    @BeforeEach
    void vehicle() {
        truck = newTruck();
    }

    @Override
    void closeSockets() {
        // The two rigs' gates stay connected for the whole class.
    }

    private void assertTheGateHeardNothing() {
        rig.gate().assertNoDecision(QUIET);
        other.gate().assertNoDecision(QUIET);
    }

    /** After any refusal the lane still works, from a clean slate: one plate opens one new arrival. */
    private void assertTheLaneStillDecides() {
        String arrivalId = lanes.plateRead(rig.lane(), rig.camera(), truck.mark(), 95)
                .expect(202)
                .json()
                .getString("arrivalId");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), truck.tag()).expect(200).json();
        assertEquals(arrivalId, decision.getString("arrivalId"));
        assertDecision(decision, "INSPECT", null, "NO_BUNDLE");
        rig.gate().awaitDecision(arrivalId);
    }

    @Test
    void aCameraTokenOfAnotherLaneIsForbidden() {
        JsonObject problem =
                lanes.plateRead(rig.lane(), other.camera(), truck.mark(), 95).problem(403);
        assertTrue(
                problem.getString("detail", "").contains(other.lane()),
                "says which lane the device belongs to: " + problem);
        assertTheGateHeardNothing();
        assertTheLaneStillDecides();
    }

    @Test
    void aCameraPostingATagReadIsForbiddenAndAReaderPostingAPlateToo() {
        lanes.tagRead(rig.lane(), rig.camera(), truck.tag()).problem(403);
        lanes.plateRead(rig.lane(), rig.rfid(), truck.mark(), 95).problem(403);
        lanes.plateRead(rig.lane(), rig.gateToken(), truck.mark(), 95).problem(403);
        lanes.emptyPress(rig.lane(), rig.camera()).problem(403);
        assertTheGateHeardNothing();
        assertTheLaneStillDecides();
    }

    @Test
    void noTokenOrAnUnknownTokenIsUnauthenticated() {
        lanes.plateRead(rig.lane(), null, truck.mark(), 95).problem(401);
        lanes.plateRead(rig.lane(), "dv_not-a-device-token", truck.mark(), 95).problem(401);
        assertTheGateHeardNothing();
    }

    @Test
    void aPersonsTokenIsTheWrongCallerNotAnUnknownOne() {
        lanes.tagRead(rig.lane(), officer.token(), truck.tag()).problem(403);
        lanes.plateRead(rig.lane(), api.adminToken(), truck.mark(), 95).problem(403);
        assertTheGateHeardNothing();
    }

    @Test
    void anUnknownLaneIsNotFound() {
        lanes.plateRead("LMC-S-99", rig.camera(), truck.mark(), 95).problem(404);
        lanes.tagRead("XYZ-S-01", rig.rfid(), truck.tag()).problem(404);
        assertTheGateHeardNothing();
    }

    @Test
    void aMalformedPlateDocumentIsRefusedNamingTheField() {
        JsonObject textConfidence = LaneTestClient.alpr(truck.mark(), 95);
        textConfidence.getJsonArray("results").getJsonObject(0).put("confidence", "high");
        lanes.plateDocument(rig.lane(), rig.camera(), textConfidence).problemNaming(400, "results[0].confidence");

        JsonObject noEpoch = LaneTestClient.alpr(truck.mark(), 95);
        noEpoch.remove("epoch_time");
        lanes.plateDocument(rig.lane(), rig.camera(), noEpoch).problemNaming(400, "epoch_time");

        JsonObject overConfident = LaneTestClient.alpr(truck.mark(), 100.5);
        lanes.plateDocument(rig.lane(), rig.camera(), overConfident).problemNaming(400, "results[0].confidence");

        JsonObject badCandidate = LaneTestClient.alpr(truck.mark(), 95, truck.mark(), "ninety");
        lanes.plateDocument(rig.lane(), rig.camera(), badCandidate)
                .problemNaming(400, "results[0].candidates[0].confidence");

        JsonObject notResults = LaneTestClient.alpr(truck.mark(), 95).put("data_type", "heartbeat");
        lanes.plateDocument(rig.lane(), rig.camera(), notResults).problemNaming(400, "data_type");

        JsonObject resultsNotArray = LaneTestClient.alpr(truck.mark(), 95).put("results", "AB1234");
        lanes.plateDocument(rig.lane(), rig.camera(), resultsNotArray).problemNaming(400, "results");

        assertTheGateHeardNothing();
        assertTheLaneStillDecides();
    }

    @Test
    void aMalformedTagReadOrEmptyPressIsRefusedNamingTheField() {
        lanes.tagRead(rig.lane(), rig.rfid(), "not-hex!").problemNaming(400, "epc");
        api.post(
                        "/lane/v1/lanes/" + rig.lane() + "/tag-reads",
                        rig.rfid(),
                        LaneTestClient.tag(truck.tag()).put("seenAt", "yesterday"))
                .problemNaming(400, "seenAt");
        api.post(
                        "/lane/v1/lanes/" + rig.lane() + "/empty-declarations",
                        rig.button(),
                        new JsonObject().put("pressedAt", 12))
                .problemNaming(400, "pressedAt");
        assertTheGateHeardNothing();
        assertTheLaneStillDecides();
    }

    @Test
    void malformedJsonIsABadRequest() {
        lanes.plateRaw(rig.lane(), rig.camera(), "{\"data_type\": \"alpr_results\", \"results\": [")
                .problem(400);
        lanes.plateRaw(rig.lane(), rig.camera(), "[1, 2, 3]").problem(400);
        lanes.plateRaw(rig.lane(), rig.camera(), "").problem(400);
        api.postRaw(LaneTestClient.plateReads(rig.lane()), rig.camera(), "text/plain", "AB1234")
                .expect(415);
        assertTheGateHeardNothing();
        assertTheLaneStillDecides();
    }

    @Test
    void aBodyOverSixtyFourKibibytesIsTooLarge() {
        JsonObject document = LaneTestClient.alpr(truck.mark(), 95);
        document.put("comment", "x".repeat(65 * 1024));
        JsonObject problem =
                lanes.plateDocument(rig.lane(), rig.camera(), document).problem(413);
        assertTrue(problem.getString("detail", "").contains(Integer.toString(64 * 1024)), problem.encode());
        assertTheGateHeardNothing();
        assertTheLaneStillDecides();
    }

    @Test
    void aRichAgentDocumentWithExtraFieldsIsAccepted() {
        JsonObject document = LaneTestClient.alpr(truck.mark(), 95, truck.mark(), 95.0);
        document.put("uuid", "cam1-1732592400123")
                .put("camera_id", 7)
                .put("processing_time_ms", 21.5)
                .put("regions_of_interest", new JsonArray());
        document.getJsonArray("results")
                .getJsonObject(0)
                .put("region", "hk")
                .put("matches_template", 1)
                .put(
                        "coordinates",
                        new JsonArray().add(new JsonObject().put("x", 1).put("y", 2)));
        String arrivalId = lanes.plateDocument(rig.lane(), rig.camera(), document)
                .expect(202)
                .json()
                .getString("arrivalId");
        assertEquals(
                arrivalId,
                lanes.tagRead(rig.lane(), rig.rfid(), truck.tag())
                        .expect(200)
                        .json()
                        .getString("arrivalId"));
        rig.gate().awaitDecision(arrivalId);
    }
}
