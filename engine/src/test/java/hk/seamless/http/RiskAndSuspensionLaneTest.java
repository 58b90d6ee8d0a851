package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Risk in force at arrival, for every kind of rule alike, and suspension reaching the lane: an
 * account suspended after bundling has its truck referred to an officer, never released.
 */
class RiskAndSuspensionLaneTest extends LaneHarness {

    private String watch(String kind, String value) {
        return api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", kind).put("value", value))
                .expect(201)
                .json()
                .getString("entryId");
    }

    private void unwatch(String entryId) {
        api.delete("/api/v1/risk/watchlist/" + entryId, supervisor.token()).expect(200);
    }

    private void suspend(TradeApiClient.Account account) {
        api.post(
                        "/api/v1/admin/accounts/" + account.id() + "/suspend",
                        api.adminToken(),
                        new JsonObject().put("reason", "under investigation"))
                .expect(200);
    }

    @Test
    void aTargetingRuleAddedAfterBundlingHitsAtTheLane() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        JsonObject cargo = TradeApiClient.packaged("IMPORT", today().plusDays(1));
        cargo.getJsonObject("packaged").put("articlesDescription", "Lithium batteries, loose");
        String ccrn = api.lodge(shipper.token(), cargo).getString("ccrn");
        api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn);
        clock.advance(PAST_LEAD);
        String rule = watch("GOODS", "lithium batteries");
        assertDecision(arrive(rig, a), "INSPECT", null, "RISK_RULE");
        unwatch(rule);
        clock.advance(PAST_PRESENCE);
        assertDecision(arrive(rig, a), "RELEASE", "PROCEED");
    }

    @Test
    void aPartyListedAfterBundlingHitsAtTheLane() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String ccrn = lodge("IMPORT", today().plusDays(1), "Sham Shui Po Wholesale Limited");
        api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn);
        clock.advance(PAST_LEAD);
        watch("PARTY", "sham shui po wholesale limited");
        assertDecision(arrive(rig, a), "INSPECT", null, "WATCHLIST");
    }

    @Test
    void aTargetingRuleRemovedBeforeTheArrivalNoLongerApplies() {
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        JsonObject cargo = TradeApiClient.packaged("IMPORT", today().plusDays(1));
        cargo.getJsonObject("packaged").put("articlesDescription", "Ivory carvings");
        String rule = watch("GOODS", "ivory");
        String bundleId = api.bundle(
                        trucker.token(),
                        a.mark(),
                        "IMPORT",
                        api.lodge(shipper.token(), cargo).getString("ccrn"))
                .getString("bundleId");
        assertEquals(
                java.util.List.of("RISK_RULE"),
                api.get("/api/v1/bundles/" + bundleId, officer.token())
                        .expect(200)
                        .json()
                        .getJsonArray("riskHits")
                        .getList(),
                "the bundling assessment stays with the bundle");
        unwatch(rule);
        clock.advance(PAST_LEAD);
        assertDecision(arrive(rig, a), "RELEASE", "PROCEED");
    }

    @Test
    void aSuspendedTruckersBundleIsReferredNotReleased() {
        TradeApiClient.Account ownTrucker = api.newAccount("TRUCKER");
        Rig rig = rig("IMPORT");
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        api.registerVehicleRaw(ownTrucker.token(), mark, tag).expect(201);
        String bundleId =
                api.bundle(ownTrucker.token(), mark, "IMPORT", lodge("IMPORT")).getString("bundleId");
        clock.advance(PAST_LEAD);
        suspend(ownTrucker);
        JsonObject decision = arrive(rig, new Truck(mark, tag));
        assertDecision(decision, "REFER", "SEE OFFICER", "ACCOUNT_SUSPENDED");
        assertEquals(
                "ACTIVE",
                api.get("/api/v1/bundles/" + bundleId, officer.token())
                        .expect(200)
                        .json()
                        .getString("status"),
                "nothing crossed");
    }

    @Test
    void aSuspendedShippersConsignmentHasTheTruckReferred() {
        TradeApiClient.Account ownShipper = api.newAccount("SHIPPER");
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String ccrn = api.lodgeCcrn(ownShipper.token(), "IMPORT", today().plusDays(1));
        api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn, lodge("IMPORT"));
        clock.advance(PAST_LEAD);
        suspend(ownShipper);
        assertDecision(arrive(rig, a), "REFER", "SEE OFFICER", "ACCOUNT_SUSPENDED");
    }

    @Test
    void suspensionWithOtherReasonsStillRefersAndListsThemAll() {
        TradeApiClient.Account ownShipper = api.newAccount("SHIPPER");
        Rig rig = rig("IMPORT");
        Truck a = newTruck();
        String ccrn = api.lodgeCcrn(ownShipper.token(), "IMPORT", today().plusDays(1));
        api.bundle(trucker.token(), a.mark(), "IMPORT", ccrn);
        suspend(ownShipper);
        // Before the earliest crossing time, and suspended: an officer must look.
        assertDecision(arrive(rig, a), "REFER", "SEE OFFICER", "EARLY_ARRIVAL", "ACCOUNT_SUSPENDED");
    }
}
