package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lodging and reading consignments: CCRNs, Chinese text, who may see what. */
class ConsignmentApiTest extends EngineHarness {

    // ---- lodgement ----

    @Test
    void lodgePackagedGivesACheckedCcrn() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(5));
        ApiResponse response = api.lodgeRaw(shipper.token(), body).expect(201);
        JsonObject lodged = response.json();
        String ccrn = lodged.getString("ccrn");
        assertTrue(ccrn.matches("[0-9]{16}"), "CCRN must be 16 digits: " + ccrn);
        assertTrue(TradeApiClient.validCcrn(ccrn), "check digit (ISO 7064 MOD 11,10) must be right: " + ccrn);
        assertTrue(ccrn.startsWith("26"), "CCRN starts with the 2-digit year of lodgement (2026): " + ccrn);
        assertEquals("LODGED", lodged.getString("status"));
        assertEquals(1, lodged.getInteger("version"));
        OffsetDateTime lodgedAt = OffsetDateTime.parse(lodged.getString("lodgedAt"));
        assertEquals(START, lodgedAt.toInstant(), "lodgedAt is the engine clock's time");
        String location = response.header("Location");
        assertNotNull(location, "201 must carry a Location header");
        assertTrue(location.endsWith("/api/v1/consignments/" + ccrn), location);

        JsonObject read = api.consignment(shipper.token(), ccrn);
        assertEquals(ccrn, read.getString("ccrn"));
        assertEquals("LODGED", read.getString("status"));
        assertEquals(1, read.getInteger("version"));
        assertEquals("IMPORT", read.getString("direction"));
        assertEquals(today().plusDays(5).toString(), read.getString("expectedDate"));
        assertEquals(120, read.getJsonObject("packaged").getInteger("packageCount"));
        assertEquals("CARTONS", read.getJsonObject("packaged").getString("packageDescription"));
        assertEquals(body.getJsonObject("consignee"), read.getJsonObject("consignee"));
        assertNull(read.getValue("bulk"));
    }

    @Test
    void lodgeBulk() {
        TradeApiClient.Account agent = api.newAccount("AGENT");
        ApiResponse response = api.lodgeRaw(agent.token(), TradeApiClient.bulk("EXPORT", today().plusDays(1)))
                .expect(201);
        String ccrn = response.json().getString("ccrn");
        assertTrue(TradeApiClient.validCcrn(ccrn), ccrn);
        assertEquals("LODGED", response.json().getString("status"));
        assertEquals(1, response.json().getInteger("version"));
        assertNotNull(response.header("Location"));
        JsonObject read = api.consignment(agent.token(), ccrn);
        JsonObject bulk = read.getJsonObject("bulk");
        assertNotNull(bulk, read.encode());
        assertEquals(
                0,
                new java.math.BigDecimal(bulk.getValue("grossWeightKg").toString())
                        .compareTo(new java.math.BigDecimal(18000)));
        assertEquals("3 tanks", bulk.getString("quantity"));
        assertEquals("Diesel fuel", bulk.getString("description"));
        assertNull(read.getValue("packaged"));

        // Volume in place of weight is also bulk cargo.
        JsonObject byVolume = TradeApiClient.bulk("EXPORT", today().plusDays(1));
        byVolume.getJsonObject("bulk").remove("grossWeightKg");
        byVolume.getJsonObject("bulk").put("grossVolumeM3", 40.5);
        String second = api.lodge(agent.token(), byVolume).getString("ccrn");
        assertEquals(
                40.5,
                api.consignment(agent.token(), second).getJsonObject("bulk").getDouble("grossVolumeM3"),
                1e-9);
    }

    @Test
    void ccrnsAreDistinctAndNotACounter() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        Set<String> seen = new HashSet<>();
        long previous = -1;
        int consecutive = 0;
        for (int i = 0; i < 8; i++) {
            String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
            assertTrue(seen.add(ccrn), "CCRN issued twice: " + ccrn);
            long serial = Long.parseLong(ccrn.substring(2, 15));
            if (previous >= 0 && Math.abs(serial - previous) < 1000) {
                consecutive++;
            }
            previous = serial;
        }
        assertTrue(consecutive < 3, "CCRN serials look like a counter: " + seen);
    }

    @Test
    void chineseNamesRoundTrip() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        body.put("consignor", new JsonObject().put("name", "深圳市華強電子有限公司").put("address", "深圳市福田區華強北路1號, 廣東省, 中國"));
        body.put("consignee", new JsonObject().put("name", "九龍灣電子貿易有限公司").put("address", "香港九龍灣宏照道18號12樓5室"));
        body.getJsonObject("packaged").put("articlesDescription", "手機配件（充電器、數據線）");
        String ccrn = api.lodge(shipper.token(), body).getString("ccrn");
        JsonObject read = api.consignment(shipper.token(), ccrn);
        assertEquals("深圳市華強電子有限公司", read.getJsonObject("consignor").getString("name"));
        assertEquals("深圳市福田區華強北路1號, 廣東省, 中國", read.getJsonObject("consignor").getString("address"));
        assertEquals("九龍灣電子貿易有限公司", read.getJsonObject("consignee").getString("name"));
        assertEquals("香港九龍灣宏照道18號12樓5室", read.getJsonObject("consignee").getString("address"));
        assertEquals("手機配件（充電器、數據線）", read.getJsonObject("packaged").getString("articlesDescription"));
    }

    @Test
    void nameLengthCountsCharactersNotBytes() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject ok = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        ok.getJsonObject("consignor").put("name", "華".repeat(200));
        String ccrn = api.lodge(shipper.token(), ok).getString("ccrn");
        assertEquals(
                "華".repeat(200),
                api.consignment(shipper.token(), ccrn)
                        .getJsonObject("consignor")
                        .getString("name"));
        JsonObject tooLong = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        tooLong.getJsonObject("consignor").put("name", "華".repeat(201));
        api.lodgeRaw(shipper.token(), tooLong).problemNaming(400, "consignor.name");
    }

    // ---- reading ----

    @Test
    void wrongCheckDigitIsAClientErrorNotNotFound() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        String mistyped = TradeApiClient.wrongCheckDigit(ccrn);
        api.get("/api/v1/consignments/" + mistyped, shipper.token()).problemNaming(400, "ccrn");
        api.put(
                        "/api/v1/consignments/" + mistyped,
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().plusDays(3)))
                .problemNaming(400, "ccrn");
        api.delete("/api/v1/consignments/" + mistyped, shipper.token()).problemNaming(400, "ccrn");
        api.get("/api/v1/consignments/" + ccrn.substring(0, 15), shipper.token())
                .problemNaming(400, "ccrn");
        api.get("/api/v1/consignments/26ABCDEFGHIJKLMN", shipper.token()).problemNaming(400, "ccrn");
        // and the consignment is untouched
        assertEquals("LODGED", api.consignment(shipper.token(), ccrn).getString("status"));
    }

    @Test
    void groupedCcrnAsPrintedIsAccepted() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        String grouped = ccrn.substring(0, 4) + "-" + ccrn.substring(4, 8) + "-" + ccrn.substring(8, 12) + "-"
                + ccrn.substring(12);
        assertEquals(ccrn, api.consignment(shipper.token(), grouped).getString("ccrn"));
    }

    @Test
    void wellFormedUnknownCcrnIs404() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String unknown = TradeApiClient.unknownCcrn();
        api.get("/api/v1/consignments/" + unknown, shipper.token()).problem(404);
        api.delete("/api/v1/consignments/" + unknown, shipper.token()).problem(404);
        api.put(
                        "/api/v1/consignments/" + unknown,
                        shipper.token(),
                        TradeApiClient.packaged("IMPORT", today().plusDays(3)))
                .problem(404);
        api.get("/api/v1/consignments/" + unknown + "/versions", shipper.token())
                .problem(404);
    }

    @Test
    void anotherShippersConsignmentIsNotFoundButAnOfficerReadsIt() {
        TradeApiClient.Account owner = api.newAccount("SHIPPER");
        TradeApiClient.Account other = api.newAccount("SHIPPER");
        TradeApiClient.Account agent = api.newAccount("AGENT");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String ccrn = api.lodgeCcrn(owner.token(), "EXPORT", today().plusDays(4));

        for (TradeApiClient.Account stranger : List.of(other, agent, trucker)) {
            ApiResponse read = api.get("/api/v1/consignments/" + ccrn, stranger.token());
            read.problem(404);
            assertFalse(read.body().contains("Shenzhen"), "no cargo detail may leak: " + read.body());
            api.get("/api/v1/consignments/" + ccrn + "/versions", stranger.token())
                    .problem(404);
        }
        api.put("/api/v1/consignments/" + ccrn, other.token(), TradeApiClient.bulk("EXPORT", today().plusDays(4)))
                .problem(404);
        api.delete("/api/v1/consignments/" + ccrn, other.token()).problem(404);
        assertFalse(api.myCcrns(other.token()).contains(ccrn));

        TradeApiClient.Account officer = api.newAccount("OFFICER");
        JsonObject seen = api.consignment(officer.token(), ccrn);
        assertEquals("LODGED", seen.getString("status"), "the stranger's refused cancel changed nothing");
        assertEquals(1, seen.getInteger("version"), "the stranger's refused amend changed nothing");
        assertEquals(
                "Shenzhen Huaqiang Electronics Co",
                seen.getJsonObject("consignor").getString("name"));
        TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
        api.consignment(supervisor.token(), ccrn);
        api.consignment(api.adminToken(), ccrn);
        // An officer reads, but does not change, a shipper's consignment.
        ApiResponse officerCancel = api.delete("/api/v1/consignments/" + ccrn, officer.token());
        assertTrue(officerCancel.status() == 403 || officerCancel.status() == 404, officerCancel.describe());
    }

    @Test
    void onlyShippersAndAgentsLodge() {
        for (String role : List.of("TRUCKER", "OFFICER")) {
            TradeApiClient.Account account = api.newAccount(role);
            api.lodgeRaw(account.token(), TradeApiClient.packaged("IMPORT", today().plusDays(3)))
                    .problem(403);
        }
    }
}
