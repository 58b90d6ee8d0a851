package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Amendment, cancellation, expiry and the lodgement window, in Hong Kong dates. */
class ConsignmentLifecycleApiTest extends EngineHarness {

    @Test
    void amendWhileLodgedMakesANewVersionAndKeepsTheOld() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        clock.advance(Duration.ofMinutes(7));
        JsonObject changed = TradeApiClient.packaged("IMPORT", today().plusDays(4));
        changed.getJsonObject("packaged").put("packageCount", 130).put("packageDescription", "PALLETS");
        changed.getJsonObject("consignee").put("name", "新界貨運有限公司");
        JsonObject amended = api.put("/api/v1/consignments/" + ccrn, shipper.token(), changed)
                .expect(200)
                .json();
        assertEquals(ccrn, amended.getString("ccrn"));
        assertEquals(2, amended.getInteger("version"));
        assertEquals("LODGED", amended.getString("status"));

        JsonObject current = api.consignment(shipper.token(), ccrn);
        assertEquals(2, current.getInteger("version"));
        assertEquals(130, current.getJsonObject("packaged").getInteger("packageCount"));
        assertEquals(today().plusDays(4).toString(), current.getString("expectedDate"));

        JsonObject history = api.get("/api/v1/consignments/" + ccrn + "/versions", shipper.token())
                .expect(200)
                .json();
        JsonArray versions = history.getJsonArray("versions");
        assertEquals(2, versions.size(), history.encode());
        JsonObject v1 = versions.getJsonObject(0);
        JsonObject v2 = versions.getJsonObject(1);
        assertEquals(1, v1.getInteger("version"));
        assertEquals(120, v1.getJsonObject("packaged").getInteger("packageCount"));
        assertEquals("CARTONS", v1.getJsonObject("packaged").getString("packageDescription"));
        assertEquals("Kowloon Bay Trading Ltd", v1.getJsonObject("consignee").getString("name"));
        assertEquals(today().plusDays(3).toString(), v1.getString("expectedDate"));
        assertEquals(2, v2.getInteger("version"));
        assertEquals(130, v2.getJsonObject("packaged").getInteger("packageCount"));
        assertEquals("新界貨運有限公司", v2.getJsonObject("consignee").getString("name"));

        // The officer sees the history too; amending once more makes version 3.
        TradeApiClient.Account officer = api.newAccount("OFFICER");
        assertEquals(
                2,
                api.get("/api/v1/consignments/" + ccrn + "/versions", officer.token())
                        .expect(200)
                        .json()
                        .getJsonArray("versions")
                        .size());
        assertEquals(
                3,
                api.put(
                                "/api/v1/consignments/" + ccrn,
                                shipper.token(),
                                TradeApiClient.bulk("IMPORT", today().plusDays(4)))
                        .expect(200)
                        .json()
                        .getInteger("version"));
    }

    @Test
    void amendIsCheckedLikeALodgement() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        api.put(
                        "/api/v1/consignments/" + ccrn,
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().plusDays(15)))
                .problemNaming(400, "expectedDate");
        api.put(
                        "/api/v1/consignments/" + ccrn,
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().minusDays(1)))
                .problemNaming(400, "expectedDate");
        assertEquals(1, api.consignment(shipper.token(), ccrn).getInteger("version"));
    }

    @Test
    void cancelThenAmendOrCancelAgainIsConflict() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(3));
        JsonObject cancelled = api.delete("/api/v1/consignments/" + ccrn, shipper.token())
                .expect(200)
                .json();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals("CANCELLED", api.consignment(shipper.token(), ccrn).getString("status"));
        api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.packaged("EXPORT", today().plusDays(3)))
                .problem(409);
        api.delete("/api/v1/consignments/" + ccrn, shipper.token()).problem(409);
        JsonObject after = api.consignment(shipper.token(), ccrn);
        assertEquals("CANCELLED", after.getString("status"));
        assertEquals(1, after.getInteger("version"));
    }

    @Test
    void amendAndCancelOfABundledConsignmentAreConflicts() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String mark = api.newVehicle(trucker.token());
        String bundleId = api.bundle(trucker.token(), mark, "IMPORT", ccrn).getString("bundleId");
        assertEquals("BUNDLED", api.consignment(shipper.token(), ccrn).getString("status"));

        api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.bulk("IMPORT", today().plusDays(1)))
                .problem(409);
        api.delete("/api/v1/consignments/" + ccrn, shipper.token()).problem(409);
        JsonObject still = api.consignment(shipper.token(), ccrn);
        assertEquals("BUNDLED", still.getString("status"));
        assertEquals(1, still.getInteger("version"));

        // Unbundle, amend, bundle again: the documented way.
        api.delete("/api/v1/bundles/" + bundleId, trucker.token()).expect(200);
        assertEquals(
                2,
                api.put(
                                "/api/v1/consignments/" + ccrn,
                                shipper.token(),
                                TradeApiClient.bulk("IMPORT", today().plusDays(1)))
                        .expect(200)
                        .json()
                        .getInteger("version"));
        api.bundle(trucker.token(), mark, "IMPORT", ccrn);
    }

    @Test
    void eachVersionKeepsTheTimeItWasRecordedNotTheTimeOfALaterBundling() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String lodgedAt = api.consignment(shipper.token(), ccrn).getString("lodgedAt");
        String mark = api.newVehicle(trucker.token());
        clock.advance(Duration.ofMinutes(5));
        String bundleId = api.bundle(trucker.token(), mark, "IMPORT", ccrn).getString("bundleId");
        clock.advance(Duration.ofMinutes(5));
        api.delete("/api/v1/bundles/" + bundleId, trucker.token()).expect(200);
        clock.advance(Duration.ofMinutes(5));
        String amendedAt = api.put(
                        "/api/v1/consignments/" + ccrn,
                        shipper.token(),
                        TradeApiClient.bulk("IMPORT", today().plusDays(1)))
                .expect(200)
                .json()
                .getString("updatedAt");
        clock.advance(Duration.ofMinutes(5));
        api.bundle(trucker.token(), mark, "IMPORT", ccrn);

        JsonArray versions = api.get("/api/v1/consignments/" + ccrn + "/versions", shipper.token())
                .expect(200)
                .json()
                .getJsonArray("versions");
        assertEquals(lodgedAt, versions.getJsonObject(0).getString("recordedAt"), "version 1: " + versions.encode());
        assertEquals(amendedAt, versions.getJsonObject(1).getString("recordedAt"), "version 2: " + versions.encode());
    }

    @Test
    void expiredAfterTheExpectedDateHasPassedByMoreThanADay() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        LocalDate expected = today(); // 17 November 2026
        String lodgedOnly = api.lodgeCcrn(shipper.token(), "IMPORT", expected);
        String bundled = api.lodgeCcrn(shipper.token(), "IMPORT", expected);
        String mark = api.newVehicle(trucker.token());
        api.bundle(trucker.token(), mark, "IMPORT", bundled);

        // The day after the expected date is a day of grace.
        clock.set(TestClock.hongKong(2026, 11, 18, 23, 59, 0));
        assertEquals("LODGED", api.consignment(shipper.token(), lodgedOnly).getString("status"));
        assertEquals("BUNDLED", api.consignment(shipper.token(), bundled).getString("status"));

        clock.set(TestClock.hongKong(2026, 11, 19, 0, 1, 0));
        assertEquals("EXPIRED", api.consignment(shipper.token(), lodgedOnly).getString("status"));
        assertEquals("EXPIRED", api.consignment(shipper.token(), bundled).getString("status"));
        JsonObject listed =
                api.get("/api/v1/consignments", shipper.token()).expect(200).json();
        for (Object item : listed.getJsonArray("consignments")) {
            assertEquals("EXPIRED", ((JsonObject) item).getString("status"), listed.encode());
        }
        // An expired consignment can be neither amended nor cancelled, nor bundled.
        api.put("/api/v1/consignments/" + lodgedOnly, shipper.token(), TradeApiClient.packaged("IMPORT", today()))
                .problem(409);
        api.delete("/api/v1/consignments/" + lodgedOnly, shipper.token()).problem(409);
        String other = api.newVehicle(trucker.token());
        api.bundleRaw(trucker.token(), other, "IMPORT", lodgedOnly).problemNaming(422, "ccrns[0]");
    }

    // ---- the 14-day lodgement window, in Hong Kong dates ----

    @Test
    void lodgementWindowEdgesJustBeforeHongKongMidnight() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        clock.set(TestClock.hongKong(2026, 11, 17, 23, 59, 59)); // 15:59:59 UTC, same date in both zones
        LocalDate today = LocalDate.of(2026, 11, 17);
        assertEquals(today, today());
        api.lodge(shipper.token(), TradeApiClient.packaged("IMPORT", today.plusDays(14)));
        api.lodge(shipper.token(), TradeApiClient.packaged("EXPORT", today));
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.plusDays(15)))
                .problemNaming(400, "expectedDate");
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.minusDays(1)))
                .problemNaming(400, "expectedDate");
        assertEquals(2, api.myCcrns(shipper.token()).size());
    }

    @Test
    void lodgementWindowFollowsTheHongKongDateNotTheUtcDate() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        // 00:00:01 on 18 November in Hong Kong is still 17 November (16:00:01) in UTC.
        clock.set(TestClock.hongKong(2026, 11, 18, 0, 0, 1));
        LocalDate today = LocalDate.of(2026, 11, 18);
        api.lodge(shipper.token(), TradeApiClient.packaged("IMPORT", today.plusDays(14))); // 2 December
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.plusDays(15)))
                .problemNaming(400, "expectedDate");
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.minusDays(1)))
                .problemNaming(400, "expectedDate");
        api.lodge(shipper.token(), TradeApiClient.packaged("IMPORT", today));

        // 07:59 on 18 November in Hong Kong: UTC is 23:59 on the 17th; still the 18th here.
        clock.set(TestClock.hongKong(2026, 11, 18, 7, 59, 0));
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("EXPORT", LocalDate.of(2026, 11, 17)))
                .problemNaming(400, "expectedDate");
        api.lodge(shipper.token(), TradeApiClient.packaged("EXPORT", LocalDate.of(2026, 12, 2)));
        assertEquals(3, api.myCcrns(shipper.token()).size());
    }

    @Test
    void ccrnYearIsTheHongKongYearOfLodgement() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        // 00:30 on 1 January 2027 in Hong Kong is 16:30 on 31 December 2026 in UTC.
        clock.set(TestClock.hongKong(2027, 1, 1, 0, 30, 0));
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", LocalDate.of(2027, 1, 2));
        assertTrue(ccrn.startsWith("27"), ccrn);
        assertTrue(TradeApiClient.validCcrn(ccrn), ccrn);
    }
}
