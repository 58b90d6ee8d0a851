package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The check table of "At the lane", row by row, end to end: devices post reads over HTTP, the
 * gate socket hears the decision, the registry shows the crossing.
 */
class CheckTableLaneTest extends LaneHarness {

    private static final String INSPECT_DISPLAY_WORD = "INSPECT";

    private static void assertDirectsToInspection(JsonObject decision) {
        String display = decision.getString("display");
        assertNotNull(display, decision.encode());
        assertTrue(
                display.toUpperCase().contains(INSPECT_DISPLAY_WORD),
                "an INSPECT display directs to inspection: " + display);
    }

    @Test
    void plateOfOneVehicleAndTagOfAnotherIsReferredAsAMismatch() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        Truck b = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        bundleLaden(b.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject decision = arrive(rig, a.mark(), b.tag());
        assertDecision(decision, "REFER", "SEE OFFICER", "PLATE_TAG_MISMATCH");
    }

    @Test
    void anUnknownTagIsReferredAsUnidentifiedEvenWithAGoodPlate() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject decision = arrive(rig, a.mark(), TradeApiClient.uniqueTag());
        assertDecision(decision, "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
    }

    @Test
    void aPlateBelowConfidence80WithNoTagIsReferredWhenTheWindowRunsOut() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        assertDecision(plateAlone(rig, a.mark(), 79.9), "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
        clock.advance(PAST_PRESENCE);
        // The same read at the threshold identifies the vehicle: 80 is not below 80.
        assertDecision(plateAlone(rig, a.mark(), 80.0), "RELEASE", "PROCEED");
    }

    @Test
    void aGuangdongPlateAloneIsNotTheHongKongMarkAndIsReferred() {
        Rig rig = rig("IMPORT");
        JsonObject decision = plateAlone(rig, "粤Z·A123港", 97.0);
        assertDecision(decision, "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
    }

    @Test
    void aVehicleWithoutABundleIsSentToInspection() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        JsonObject decision = arrive(rig, a);
        assertDecision(decision, "INSPECT", null, "NO_BUNDLE");
        assertDirectsToInspection(decision);
        assertEquals(a.mark(), decision.getString("vehicleMark"));
    }

    @Test
    void aBundleForTheOtherDirectionIsNoBundleHere() {
        Rig rig = rig("EXPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        assertDecision(arrive(rig, a), "INSPECT", null, "NO_BUNDLE");
    }

    @Test
    void arrivingWithinThirtyMinutesOfBundlingIsEarlyAndAfterItIsReleased() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(Duration.ofMinutes(29));
        JsonObject early = arrive(rig, a);
        assertDecision(early, "INSPECT", null, "EARLY_ARRIVAL");
        assertDirectsToInspection(early);
        clock.advance(Duration.ofMinutes(2));
        assertDecision(arrive(rig, a), "RELEASE", "PROCEED");
    }

    @Test
    void aBundledCcrnPastItsExpectedDateByMoreThanADayIsInvalid() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String ccrn = lodge(
                "IMPORT",
                today(),
                "Expiry Test Trading " + UUID.randomUUID().toString().substring(0, 6));
        JsonObject bundle = api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn);
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        JsonObject decision = arrive(rig, a);
        assertDecision(decision, "INSPECT", null, "CCRN_INVALID");
        assertEquals(bundle.getString("bundleId"), decision.getString("bundleId"));
    }

    @Test
    void arrivingExactlyAtTheEarliestCrossingTimeIsNotEarly() {
        Rig rig = rig("EXPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "EXPORT");
        clock.advance(Duration.ofMinutes(30));
        assertDecision(arrive(rig, a), "RELEASE", "PROCEED");
    }

    @Test
    void aCcrnIsStillGoodOnTheDayAfterItsExpectedDateInHongKongTime() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        api.bundle(trucker.token(), a.mark(), "IMPORT", lodge("IMPORT", today(), "Boundary Test Ltd"));
        // 23:59:30 on the day after the expected date, Hong Kong time (15:59:30 UTC).
        clock.set(TestClock.hongKong(2026, 11, 18, 23, 59, 30));
        assertDecision(arrive(rig, a), "RELEASE", "PROCEED");
    }

    @Test
    void aCcrnIsInvalidFromMidnightHongKongTimeTwoDaysAfterItsExpectedDate() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        api.bundle(trucker.token(), a.mark(), "IMPORT", lodge("IMPORT", today(), "Boundary Test Ltd"));
        // 00:00:30 on 19 November in Hong Kong is still 18 November in UTC.
        clock.set(TestClock.hongKong(2026, 11, 19, 0, 0, 30));
        assertDecision(arrive(rig, a), "INSPECT", null, "CCRN_INVALID");
    }

    @Test
    void emptyPressedWithALadenBundleIsAConflict() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        String arrivalId =
                lanes.emptyPress(rig.lane(), rig.button()).expect(202).json().getString("arrivalId");
        assertEquals(
                arrivalId,
                lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 95)
                        .expect(202)
                        .json()
                        .getString("arrivalId"));
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json();
        assertEquals(arrivalId, decision.getString("arrivalId"));
        assertDecision(decision, "INSPECT", null, "EMPTY_CONFLICT");
        rig.gate().awaitDecision(arrivalId);
    }

    @Test
    void emptyPressedWithAnEmptyBundleIsReleased() {
        Rig rig = rig("EXPORT");
        Truck a = newTruck();
        bundleEmpty(a.mark(), "EXPORT");
        clock.advance(PAST_LEAD);
        lanes.emptyPress(rig.lane(), rig.button()).expect(202);
        lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 95).expect(202);
        assertDecision(
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json(), "RELEASE", "PROCEED");
    }

    @Test
    void aWatchedVehicleIsSentToInspection() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        String typed = a.mark().substring(0, 2).toLowerCase() + "-" + a.mark().substring(2);
        String entry = api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "VEHICLE").put("value", typed))
                .expect(201)
                .json()
                .getString("entryId");
        assertDecision(arrive(rig, a), "INSPECT", null, "WATCHLIST");
        // Off the list again, the same vehicle (still bundled after an INSPECT) is released.
        api.delete("/api/v1/risk/watchlist/" + entry, supervisor.token()).expect(200);
        clock.advance(PAST_PRESENCE);
        assertDecision(arrive(rig, a), "RELEASE", "PROCEED");
    }

    @Test
    void aWatchedConsignorIsSentToInspection() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String party = "Watched Consignor " + UUID.randomUUID().toString().substring(0, 8) + " Co";
        String ccrn = lodge("IMPORT", today().plusDays(1), party);
        api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn);
        clock.advance(PAST_LEAD);
        // Listed after bundling: only the lane can catch it.
        api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "PARTY").put("value", party))
                .expect(201);
        assertDecision(arrive(rig, a), "INSPECT", null, "WATCHLIST");
    }

    @Test
    void aWatchedConsigneeIsMatchedWhateverItsCaseAndPunctuation() {
        Rig rig = rig("EXPORT");
        Truck a = newTruck();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JsonObject body = TradeApiClient.packaged("EXPORT", today().plusDays(1));
        body.getJsonObject("consignee").put("name", "Watched Consignee " + suffix + " Co., Ltd.");
        String ccrn = api.lodge(shipper.token(), body).getString("ccrn");
        api.bundle(trucker.token(), a.mark(), "EXPORT", ccrn);
        clock.advance(PAST_LEAD);
        api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject()
                                .put("kind", "PARTY")
                                .put("value", "WATCHED CONSIGNEE " + suffix.toUpperCase() + " CO LTD"))
                .expect(201);
        assertDecision(arrive(rig, a), "INSPECT", null, "WATCHLIST");
    }

    @Test
    void aWatchListHitFoundAtBundlingStaysWithTheBundleButTheLaneJudgesTheListInForce() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String entry = api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "VEHICLE").put("value", a.mark()))
                .expect(201)
                .json()
                .getString("entryId");
        String bundleId = bundleLaden(a.mark(), "IMPORT").getString("bundleId");
        api.delete("/api/v1/risk/watchlist/" + entry, supervisor.token()).expect(200);
        clock.advance(PAST_LEAD);
        // The assessment made at bundling stays with the bundle for officers to see ...
        assertEquals(
                java.util.List.of("WATCHLIST"),
                api.get("/api/v1/bundles/" + bundleId, officer.token())
                        .expect(200)
                        .json()
                        .getJsonArray("riskHits")
                        .getList());
        // ... but an entry removed before the arrival no longer applies at the lane.
        assertDecision(arrive(rig, a), "RELEASE", "PROCEED");
    }

    @Test
    void aTargetingRuleOnTheGoodsIsARiskRuleHit() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String word = "Targetedwidget" + UUID.randomUUID().toString().substring(0, 6);
        api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "GOODS").put("value", word))
                .expect(201);
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(1));
        body.getJsonObject("packaged").put("articlesDescription", "Assorted " + word.toLowerCase() + " spare parts");
        api.bundle(
                trucker.token(),
                a.mark(),
                "IMPORT",
                api.lodge(shipper.token(), body).getString("ccrn"));
        clock.advance(PAST_LEAD);
        assertDecision(arrive(rig, a), "INSPECT", null, "RISK_RULE");
    }

    @Test
    void randomSelectionFollowsTheControlPointsRate() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        Truck b = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        bundleLaden(b.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        try {
            setRandomRate(rig.controlPoint(), 1.0);
            JsonObject selected = arrive(rig, a);
            assertDecision(selected, "INSPECT", null, "RANDOM_SELECTION");
            assertDirectsToInspection(selected);
        } finally {
            setRandomRate(rig.controlPoint(), 0.0);
        }
        assertDecision(arrive(rig, b), "RELEASE", "PROCEED");
    }

    @Test
    void aVehicleThatPassesEveryCheckIsReleasedAndTheGateMayOpenForAWhile() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String ccrn = lodge("IMPORT");
        JsonObject bundle = api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn);
        clock.advance(PAST_LEAD);
        String arrivalId = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 91)
                .expect(202)
                .json()
                .getString("arrivalId");
        JsonObject decision =
                lanes.tagRead(rig.lane(), rig.rfid(), a.tag()).expect(200).json();
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(arrivalId, decision.getString("arrivalId"));
        assertEquals(rig.controlPoint(), decision.getString("controlPoint"));
        assertEquals(rig.lane(), decision.getString("lane"));
        assertEquals("IMPORT", decision.getString("direction"));
        assertEquals(a.mark(), decision.getString("vehicleMark"));
        assertEquals(bundle.getString("bundleId"), decision.getString("bundleId"));
        assertEquals(java.util.List.of(ccrn), decision.getJsonArray("ccrns").getList());

        JsonObject atGate = rig.gate().awaitDecision(arrivalId);
        assertEquals("RELEASE", atGate.getString("decision"));
        assertEquals("PROCEED", atGate.getString("display"));
        assertNotNull(atGate.getString("validUntil"), "a RELEASE tells the gate how long it may act on it");
        OffsetDateTime decidedAt = OffsetDateTime.parse(atGate.getString("decidedAt"));
        OffsetDateTime validUntil = OffsetDateTime.parse(atGate.getString("validUntil"));
        assertEquals(clock.instant(), decidedAt.toInstant(), "decided at the engine's (injected) clock");
        assertTrue(validUntil.isAfter(decidedAt), "validUntil " + validUntil + " after decidedAt " + decidedAt);
    }

    @Test
    void anInspectCarriesNoValidUntil() {
        Rig rig = rig("IMPORT");
        JsonObject decision = arrive(rig, newTruck());
        assertNotEquals("RELEASE", decision.getString("decision"));
        assertEquals(null, decision.getValue("validUntil"), "only a RELEASE may be acted on by a gate");
    }

    @Test
    void afterAReleaseTheBundleIsUsedItsCcrnsCrossedAndTheVehicleCannotCrossAgainOnIt() {
        Rig rig = rig("EXPORT");
        Truck a = newTruck();
        String ccrn = lodge("EXPORT");
        String bundleId = api.bundle(trucker.token(), a.mark(), "EXPORT", ccrn).getString("bundleId");
        clock.advance(PAST_LEAD);
        JsonObject first = arrive(rig, a);
        assertDecision(first, "RELEASE", "PROCEED");
        assertEquals(java.util.List.of(ccrn), first.getJsonArray("ccrns").getList());

        eventually("/api/v1/bundles/" + bundleId, trucker.token(), b -> "USED".equals(b.getString("status")), "USED");
        eventually(
                "/api/v1/consignments/" + ccrn,
                shipper.token(),
                c -> "CROSSED".equals(c.getString("status")),
                "CROSSED");

        clock.advance(PAST_PRESENCE);
        JsonObject again = arrive(rig, a);
        assertDecision(again, "INSPECT", null, "NO_BUNDLE");
        assertEquals(null, again.getValue("bundleId"));
    }

    @Test
    void aSecondArrivalDecidedBeforeTheRegistryCatchesUpStillCannotReuseTheBundle() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        bundleLaden(a.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject released = arrive(rig, a);
        assertDecision(released, "RELEASE", "PROCEED");
        // While it is still at the lane its reads are repeats of that arrival, never decided again.
        JsonObject repeat = lanes.plateRead(rig.lane(), rig.camera(), a.mark(), 95)
                .expect(202)
                .json();
        assertEquals(released.getString("arrivalId"), repeat.getString("arrivalId"));
        assertEquals(true, repeat.getBoolean("repeat"));
        // Back again once it has left, without waiting for the crossing to be recorded.
        clock.advance(PAST_PRESENCE);
        assertNotEquals("RELEASE", arrive(rig, a).getString("decision"), "the same bundle never releases twice");
    }
}
