package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Plate normalisation and identification end to end: what a camera reads is turned into the Hong
 * Kong mark, look-alikes are resolved only against the vehicles expected in the lane's direction,
 * and the ANPR's candidates are consulted when its best plate names nobody expected.
 */
class PlateIdentificationLaneTest extends LaneHarness {

    /** Registers and bundles (IMPORT unless said) and moves past the lead time. */
    private Truck bundled(String mark, String direction) {
        Truck t = truck(mark);
        bundleLaden(mark, direction);
        return t;
    }

    private static String spacedLowerCase(String mark) {
        return mark.substring(0, 2).toLowerCase() + " " + mark.substring(2);
    }

    private static String hyphenated(String mark) {
        return mark.substring(0, 2) + "-" + mark.substring(2);
    }

    @Test
    void aLowerCaseSpacedReadIdentifiesTheVehicle() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject decision = plateAlone(rig, spacedLowerCase(a.mark()), 93);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
        JsonObject detail = api.get("/api/v1/arrivals/" + decision.getString("arrivalId"), officer.token())
                .expect(200)
                .json();
        assertEquals(
                spacedLowerCase(a.mark()),
                detail.getJsonObject("reads").getString("plate"),
                "the read is kept as read");
    }

    @Test
    void aHyphenatedReadIdentifiesTheVehicleAndAgreesWithItsTag() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject decision = arrive(rig, hyphenated(a.mark()), a.tag());
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
    }

    @Test
    void aLookAlikeReadResolvesToTheOneExpectedVehicle() {
        Rig rig = rig("IMPORT");
        String mark = craftedMark("BDDDD"); // e.g. XB1347
        bundled(mark, "IMPORT");
        clock.advance(PAST_LEAD);
        String read = mark.charAt(0) + "8" + mark.substring(2); // X81347
        JsonObject decision = plateAlone(rig, read, 90);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(mark, decision.getString("vehicleMark"));
    }

    @Test
    void aLookAlikeReadWithTheVehiclesOwnTagIsNoMismatch() {
        Rig rig = rig("IMPORT");
        String mark = craftedMark("LDD5D"); // e.g. XK1357
        Truck t = bundled(mark, "IMPORT");
        clock.advance(PAST_LEAD);
        String read = mark.substring(0, 4) + "S" + mark.substring(5);
        assertDecision(arrive(rig, read, t.tag()), "RELEASE", "PROCEED");
    }

    @Test
    void lookAlikesAreResolvedOnlyAgainstVehiclesExpectedInTheLanesDirection() {
        Rig rig = rig("EXPORT");
        String mark = craftedMark("BDDDD");
        bundled(mark, "IMPORT");
        clock.advance(PAST_LEAD);
        String read = mark.charAt(0) + "8" + mark.substring(2);
        JsonObject decision = plateAlone(rig, read, 90);
        assertDecision(decision, "INSPECT", null, "NO_BUNDLE");
        assertEquals(read, decision.getString("vehicleMark"), "unresolved, the read stands as read");
    }

    @Test
    void aConfidentReadNamingARegisteredVehicleIsThatVehicleEvenWithABundledLookAlikeTwin() {
        // The rules: a confident read that names a registered vehicle is that vehicle; it is never
        // "corrected" into a look-alike twin, bundled or not.
        Rig rig = rig("IMPORT");
        String first = craftedMark("BDDL"); // e.g. XB37K, a personalised mark
        String second = first.charAt(0) + "8" + first.substring(2); // X837K, also a valid mark
        bundled(first, "IMPORT");
        bundled(second, "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject decision = plateAlone(rig, first, 95);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(first, decision.getString("vehicleMark"));
    }

    @Test
    void anUnbundledVehicleReadExactlyIsNeverResolvedIntoItsBundledTwin() {
        Rig rig = rig("IMPORT");
        String ordinary = craftedMark("L5DDD"); // e.g. XK5347
        String personalised = ordinary.substring(0, 2) + "S" + ordinary.substring(3); // XKS347
        truck(ordinary); // registered, nothing bundled
        Truck twin = truck(personalised);
        JsonObject twinBundle = bundleLaden(twin.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject decision = plateAlone(rig, ordinary, 95);
        assertDecision(decision, "INSPECT", "GO TO INSPECTION", "NO_BUNDLE");
        assertEquals(ordinary, decision.getString("vehicleMark"));
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + twinBundle.getString("bundleId"), trucker.token())
                        .expect(200)
                        .json()
                        .getString("status"),
                "the twin's bundle is not spent by another truck");
    }

    @Test
    void aReadNamingNoRegisteredVehicleThatReachesTwoExpectedOnesIsReferred() {
        Rig rig = rig("IMPORT");
        String ordinary = craftedMark("L5D6D"); // e.g. XK5367
        String personalised = ordinary.substring(0, 2) + "S" + ordinary.substring(3); // XKS367
        String read = ordinary.substring(0, 4) + "G" + ordinary.substring(5); // XK53G7: nobody's
        bundled(ordinary, "IMPORT");
        bundled(personalised, "IMPORT");
        clock.advance(PAST_LEAD);
        assertDecision(plateAlone(rig, read, 95), "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
    }

    @Test
    void aConfidentReadNamingOnlyOtherVehiclesThanTheTagIsAMismatchEvenWhenAmbiguous() {
        Rig rig = rig("IMPORT");
        String first = craftedMark("BDDL");
        String second = first.charAt(0) + "8" + first.substring(2);
        bundled(first, "IMPORT");
        bundled(second, "IMPORT");
        Truck third = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        // The camera read one of two bundled vehicles, at 95%; the tag names a third one.
        JsonObject decision = arrive(rig, first, third.tag());
        assertDecision(decision, "REFER", "SEE OFFICER", "PLATE_TAG_MISMATCH");
    }

    @Test
    void aGuangdongPlateWithTheVehiclesTagIsIdentifiedByTheTag() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject decision = arrive(rig, "粤Z·A123港", a.tag());
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
    }

    @Test
    void aTagReadInLowerCaseIsTheSameTag() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        assertDecision(arrive(rig, a.mark(), a.tag().toLowerCase()), "RELEASE", "PROCEED");
    }

    @Test
    void theCandidatesAreUsedWhenTheBestPlateIsNotExpected() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        String misread = craftedMark("LDDDD");
        JsonObject decision = plateAlone(rig, misread, 88, misread, 88.0, a.mark(), 84.0);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
    }

    @Test
    void aCandidateBelowTheConfidenceThresholdNeverIdentifiesAVehicle() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        String misread = craftedMark("LDDDD");
        JsonObject decision = plateAlone(rig, misread, 88, misread, 88.0, "XX0000", 86.0, a.mark(), 71.0);
        assertDecision(decision, "INSPECT", "GO TO INSPECTION", "NO_BUNDLE");
        assertEquals(
                misread,
                decision.getString("vehicleMark"),
                "the confident read is the vehicle; the bundled one is not");
    }

    @Test
    void aBestPlateBelowTheThresholdWithOnlyWeakCandidatesIsReferred() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        assertDecision(
                plateAlone(rig, a.mark(), 79, a.mark(), 79.0, a.mark(), 60.0),
                "REFER",
                "SEE OFFICER",
                "UNIDENTIFIED_VEHICLE");
    }

    @Test
    void candidatesNamingTwoExpectedVehiclesAreAmbiguous() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        Truck b = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        String misread = craftedMark("LDDDD");
        JsonObject decision = plateAlone(rig, misread, 88, misread, 88.0, a.mark(), 85.0, b.mark(), 82.0);
        assertDecision(decision, "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
    }

    @Test
    void lettersIAndOAreReadAsOneAndZero() {
        Rig rig = rig("IMPORT");
        String mark = craftedMark("L1010"); // e.g. XK1010
        bundled(mark, "IMPORT");
        clock.advance(PAST_LEAD);
        String read = mark.substring(0, 2) + "IOIQ";
        JsonObject decision = plateAlone(rig, read, 90);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(mark, decision.getString("vehicleMark"));
    }

    @Test
    void aGuangdongPlateNextToTheHongKongPlateDoesNotHideIt() {
        Rig rig = rig("IMPORT");
        Truck a = bundled(TradeApiClient.uniqueMark(), "IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject document = LaneTestClient.alpr("粤Z·A123港", 97);
        document.getJsonArray("results")
                .add(new JsonObject().put("plate", a.mark()).put("confidence", 86.0));
        JsonObject decision = plateAlone(rig, document);
        assertDecision(decision, "RELEASE", "PROCEED");
        assertEquals(a.mark(), decision.getString("vehicleMark"));
    }

    @Test
    void anEmptyResultsListIsAReadOfNoPlateAndIsReferred() {
        Rig rig = rig("IMPORT");
        JsonObject document = LaneTestClient.alpr("AB1", 90).put("results", new JsonArray());
        assertDecision(plateAlone(rig, document), "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
    }
}
