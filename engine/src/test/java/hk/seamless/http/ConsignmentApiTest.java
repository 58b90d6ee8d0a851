package hk.seamless.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lodging, reading, amending, cancelling consignments, and every way a body can be wrong. */
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
        ApiResponse response = api.lodgeRaw(agent.token(), TradeApiClient.bulk("EXPORT", today().plusDays(1))).expect(201);
        String ccrn = response.json().getString("ccrn");
        assertTrue(TradeApiClient.validCcrn(ccrn), ccrn);
        assertEquals("LODGED", response.json().getString("status"));
        assertEquals(1, response.json().getInteger("version"));
        assertNotNull(response.header("Location"));
        JsonObject read = api.consignment(agent.token(), ccrn);
        JsonObject bulk = read.getJsonObject("bulk");
        assertNotNull(bulk, read.encode());
        assertEquals(0, new java.math.BigDecimal(bulk.getValue("grossWeightKg").toString()).compareTo(new java.math.BigDecimal(18000)));
        assertEquals("3 tanks", bulk.getString("quantity"));
        assertEquals("Diesel fuel", bulk.getString("description"));
        assertNull(read.getValue("packaged"));

        // Volume in place of weight is also bulk cargo.
        JsonObject byVolume = TradeApiClient.bulk("EXPORT", today().plusDays(1));
        byVolume.getJsonObject("bulk").remove("grossWeightKg");
        byVolume.getJsonObject("bulk").put("grossVolumeM3", 40.5);
        String second = api.lodge(agent.token(), byVolume).getString("ccrn");
        assertEquals(40.5, api.consignment(agent.token(), second).getJsonObject("bulk").getDouble("grossVolumeM3"), 1e-9);
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
        assertEquals("華".repeat(200), api.consignment(shipper.token(), ccrn).getJsonObject("consignor").getString("name"));
        JsonObject tooLong = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        tooLong.getJsonObject("consignor").put("name", "華".repeat(201));
        api.lodgeRaw(shipper.token(), tooLong).problemNaming(400, "consignor.name");
    }

    // ---- bad input ----

    @Test
    void malformedJsonIs400() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject problem = api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "{\"direction\": \"IMPORT\",")
                .problem(400);
        assertFalse(problem.getString("detail", "").isBlank(), "say what was wrong");
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "").problem(400);
    }

    @Test
    void pathologicalJsonIsAClientError() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", deep).problem(400);
        String deepArray = "{\"direction\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", deepArray).problem(400);
        String hugeNumber = TradeApiClient.packaged("IMPORT", today().plusDays(3)).encode()
                .replace("\"packageCount\":120", "\"packageCount\":" + "9".repeat(5000));
        ApiResponse huge = api.postRaw("/api/v1/consignments", shipper.token(), "application/json", hugeNumber);
        huge.problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "{\"direction\": \"IMPORT\"} trailing").problem(400);
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "[1, 2, 3]").problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "\"IMPORT\"").problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "42").problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "null").problem(400);
    }

    @Test
    void wrongTypesNameTheField() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject stringCount = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        stringCount.getJsonObject("packaged").put("packageCount", "12");
        api.lodgeRaw(shipper.token(), stringCount).problemNaming(400, "packaged.packageCount");

        JsonObject numberName = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        numberName.getJsonObject("consignee").put("name", 12345);
        api.lodgeRaw(shipper.token(), numberName).problemNaming(400, "consignee.name");

        JsonObject stringParty = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        stringParty.put("consignor", "Shenzhen Co");
        api.lodgeRaw(shipper.token(), stringParty).problemNaming(400, "consignor");

        JsonObject stringWeight = TradeApiClient.bulk("IMPORT", today().plusDays(3));
        stringWeight.getJsonObject("bulk").put("grossWeightKg", "18 t");
        api.lodgeRaw(shipper.token(), stringWeight).problemNaming(400, "bulk.grossWeightKg");
    }

    @Test
    void unknownDirectionNamesTheField() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("NORTH", today().plusDays(3))).problemNaming(400, "direction");
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("import", today().plusDays(3))).problemNaming(400, "direction");
    }

    @Test
    void impossibleDateNamesTheField() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3)).put("expectedDate", "2026-02-30");
        api.lodgeRaw(shipper.token(), body).problemNaming(400, "expectedDate");
        body.put("expectedDate", "2026-11-31");
        api.lodgeRaw(shipper.token(), body).problemNaming(400, "expectedDate");
        body.put("expectedDate", "20/11/2026");
        api.lodgeRaw(shipper.token(), body).problemNaming(400, "expectedDate");
        body.put("expectedDate", "2026-11-20T10:00:00+08:00");
        api.lodgeRaw(shipper.token(), body).problemNaming(400, "expectedDate");
    }

    @Test
    void cargoKindMissingOrBothIsRefused() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject none = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        none.remove("packaged");
        JsonObject problem = api.lodgeRaw(shipper.token(), none).problem(400);
        List<String> fields = ApiResponse.fields(problem);
        assertTrue(fields.contains("packaged") || fields.contains("bulk"), "should name the missing cargo: " + fields);

        JsonObject both = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        both.put("bulk", TradeApiClient.bulk("IMPORT", today().plusDays(3)).getJsonObject("bulk"));
        problem = api.lodgeRaw(shipper.token(), both).problem(400);
        fields = ApiResponse.fields(problem);
        assertTrue(fields.contains("packaged") || fields.contains("bulk"), "should name the cargo kinds: " + fields);

        JsonObject bulkWithoutMeasure = TradeApiClient.bulk("IMPORT", today().plusDays(3));
        bulkWithoutMeasure.getJsonObject("bulk").remove("grossWeightKg");
        problem = api.lodgeRaw(shipper.token(), bulkWithoutMeasure).problem(400);
        fields = ApiResponse.fields(problem);
        assertTrue(fields.contains("bulk.grossWeightKg") || fields.contains("bulk.grossVolumeM3"), fields.toString());
    }

    @Test
    void packageCountMustBeAWholeNumberOfAtLeastOne() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        for (Object bad : List.of(0, -1, 1.5, 2.25)) {
            JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
            body.getJsonObject("packaged").put("packageCount", bad);
            api.lodgeRaw(shipper.token(), body).problemNaming(400, "packaged.packageCount");
        }
        JsonObject missing = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        missing.getJsonObject("packaged").remove("packageCount");
        api.lodgeRaw(shipper.token(), missing).problemNaming(400, "packaged.packageCount");

        JsonObject one = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        one.getJsonObject("packaged").put("packageCount", 1);
        String ccrn = api.lodge(shipper.token(), one).getString("ccrn");
        assertEquals(1, api.consignment(shipper.token(), ccrn).getJsonObject("packaged").getInteger("packageCount"));
    }

    @Test
    void outOfRangeNumbersAreClientErrorsNamingTheField() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String base = TradeApiClient.packaged("IMPORT", today().plusDays(3)).encode();
        String bulk = TradeApiClient.bulk("IMPORT", today().plusDays(3)).encode();
        List<org.junit.jupiter.api.function.Executable> checks = new java.util.ArrayList<>();
        // Written as raw JSON text: 1e400 is valid JSON syntax but not a finite double.
        for (String count : List.of("1e400", "-1e400", "123456789012345678901234567890", "1e-400")) {
            String body = base.replace("\"packageCount\":120", "\"packageCount\":" + count);
            checks.add(() -> api.postRaw("/api/v1/consignments", shipper.token(), "application/json", body)
                    .problemNaming(400, "packaged.packageCount"));
            checks.add(() -> {
                String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
                api.send("PUT", "/api/v1/consignments/" + ccrn, shipper.token(), "application/json", TradeApiClient.bytes(body))
                        .problemNaming(400, "packaged.packageCount");
                api.delete("/api/v1/consignments/" + ccrn, shipper.token()).expect(200);
            });
        }
        for (String weight : List.of("1e400", "-1e400", "0", "1000000.5", "1.0001")) {
            String body = bulk.replace("\"grossWeightKg\":18000", "\"grossWeightKg\":" + weight);
            checks.add(() -> api.postRaw("/api/v1/consignments", shipper.token(), "application/json", body)
                    .problemNaming(400, "bulk.grossWeightKg"));
        }
        org.junit.jupiter.api.Assertions.assertAll(checks.stream());
        for (String ccrn : api.myCcrns(shipper.token())) {
            assertEquals("CANCELLED", api.consignment(shipper.token(), ccrn).getString("status"), "no refused body was lodged");
        }
    }

    @Test
    void overLongNameNamesTheField() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        body.getJsonObject("consignee").put("name", "N".repeat(201));
        api.lodgeRaw(shipper.token(), body).problemNaming(400, "consignee.name");
        body.getJsonObject("consignee").put("name", "N".repeat(200));
        api.lodge(shipper.token(), body);
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        body.remove("direction");
        body.getJsonObject("consignor").remove("address");
        body.getJsonObject("consignee").put("name", "   ");
        JsonObject problem = api.lodgeRaw(shipper.token(), body).problem(400);
        List<String> fields = ApiResponse.fields(problem);
        assertTrue(fields.containsAll(List.of("direction", "consignor.address", "consignee.name")), fields.toString());
    }

    @Test
    void unknownFieldNamesTheField() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject top = TradeApiClient.packaged("IMPORT", today().plusDays(3)).put("colour", "red");
        api.lodgeRaw(shipper.token(), top).problemNaming(400, "colour");
        JsonObject nested = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        nested.getJsonObject("consignor").put("phone", "+852 1234 5678");
        api.lodgeRaw(shipper.token(), nested).problemNaming(400, "consignor.phone");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        body.getJsonObject("packaged").put("articlesDescription", "x".repeat(1024 * 1024 + 10));
        api.lodgeRaw(shipper.token(), body).problem(413);
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }

    @Test
    void wrongContentTypeIs415() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String json = TradeApiClient.packaged("IMPORT", today().plusDays(3)).encode();
        api.postRaw("/api/v1/consignments", shipper.token(), "text/plain", json).problem(415);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/x-www-form-urlencoded", json).problem(415);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json; charset=utf-8", json).expect(201);
    }

    @Test
    void nothingIsHalfWrittenAfterARefusal() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String kept = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        List<String> before = api.myCcrns(shipper.token());
        assertEquals(List.of(kept), before);

        JsonObject badCount = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        badCount.getJsonObject("packaged").put("packageCount", 0);
        api.lodgeRaw(shipper.token(), badCount).problem(400);
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today().plusDays(30))).problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "{oops").problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "text/plain", "{}").problem(415);
        // A refused amendment leaves the consignment at version 1 with its values.
        JsonObject badAmend = TradeApiClient.packaged("IMPORT", today().plusDays(3)).put("direction", "SOUTH");
        api.put("/api/v1/consignments/" + kept, shipper.token(), badAmend).problem(400);

        assertEquals(before, api.myCcrns(shipper.token()));
        JsonObject read = api.consignment(shipper.token(), kept);
        assertEquals(1, read.getInteger("version"));
        assertEquals("IMPORT", read.getString("direction"));
        JsonArray versions = api.get("/api/v1/consignments/" + kept + "/versions", shipper.token()).expect(200)
                .json().getJsonArray("versions");
        assertEquals(1, versions.size());
    }

    // ---- reading ----

    @Test
    void wrongCheckDigitIsAClientErrorNotNotFound() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        String mistyped = TradeApiClient.wrongCheckDigit(ccrn);
        api.get("/api/v1/consignments/" + mistyped, shipper.token()).problemNaming(400, "ccrn");
        api.put("/api/v1/consignments/" + mistyped, shipper.token(), TradeApiClient.packaged("IMPORT", today().plusDays(3)))
                .problemNaming(400, "ccrn");
        api.delete("/api/v1/consignments/" + mistyped, shipper.token()).problemNaming(400, "ccrn");
        api.get("/api/v1/consignments/" + ccrn.substring(0, 15), shipper.token()).problemNaming(400, "ccrn");
        api.get("/api/v1/consignments/26ABCDEFGHIJKLMN", shipper.token()).problemNaming(400, "ccrn");
        // and the consignment is untouched
        assertEquals("LODGED", api.consignment(shipper.token(), ccrn).getString("status"));
    }

    @Test
    void groupedCcrnAsPrintedIsAccepted() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        String grouped = ccrn.substring(0, 4) + "-" + ccrn.substring(4, 8) + "-" + ccrn.substring(8, 12) + "-" + ccrn.substring(12);
        assertEquals(ccrn, api.consignment(shipper.token(), grouped).getString("ccrn"));
    }

    @Test
    void wellFormedUnknownCcrnIs404() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String unknown = TradeApiClient.unknownCcrn();
        api.get("/api/v1/consignments/" + unknown, shipper.token()).problem(404);
        api.delete("/api/v1/consignments/" + unknown, shipper.token()).problem(404);
        api.put("/api/v1/consignments/" + unknown, shipper.token(), TradeApiClient.packaged("IMPORT", today().plusDays(3)))
                .problem(404);
        api.get("/api/v1/consignments/" + unknown + "/versions", shipper.token()).problem(404);
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
            api.get("/api/v1/consignments/" + ccrn + "/versions", stranger.token()).problem(404);
        }
        api.put("/api/v1/consignments/" + ccrn, other.token(), TradeApiClient.bulk("EXPORT", today().plusDays(4))).problem(404);
        api.delete("/api/v1/consignments/" + ccrn, other.token()).problem(404);
        assertFalse(api.myCcrns(other.token()).contains(ccrn));

        TradeApiClient.Account officer = api.newAccount("OFFICER");
        JsonObject seen = api.consignment(officer.token(), ccrn);
        assertEquals("LODGED", seen.getString("status"), "the stranger's refused cancel changed nothing");
        assertEquals(1, seen.getInteger("version"), "the stranger's refused amend changed nothing");
        assertEquals("Shenzhen Huaqiang Electronics Co", seen.getJsonObject("consignor").getString("name"));
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
            api.lodgeRaw(account.token(), TradeApiClient.packaged("IMPORT", today().plusDays(3))).problem(403);
        }
    }

    // ---- amend and cancel ----

    @Test
    void amendWhileLodgedMakesANewVersionAndKeepsTheOld() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        clock.advance(Duration.ofMinutes(7));
        JsonObject changed = TradeApiClient.packaged("IMPORT", today().plusDays(4));
        changed.getJsonObject("packaged").put("packageCount", 130).put("packageDescription", "PALLETS");
        changed.getJsonObject("consignee").put("name", "新界貨運有限公司");
        JsonObject amended = api.put("/api/v1/consignments/" + ccrn, shipper.token(), changed).expect(200).json();
        assertEquals(ccrn, amended.getString("ccrn"));
        assertEquals(2, amended.getInteger("version"));
        assertEquals("LODGED", amended.getString("status"));

        JsonObject current = api.consignment(shipper.token(), ccrn);
        assertEquals(2, current.getInteger("version"));
        assertEquals(130, current.getJsonObject("packaged").getInteger("packageCount"));
        assertEquals(today().plusDays(4).toString(), current.getString("expectedDate"));

        JsonObject history = api.get("/api/v1/consignments/" + ccrn + "/versions", shipper.token()).expect(200).json();
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
        assertEquals(2, api.get("/api/v1/consignments/" + ccrn + "/versions", officer.token()).expect(200)
                .json().getJsonArray("versions").size());
        assertEquals(3, api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.bulk("IMPORT", today().plusDays(4)))
                .expect(200).json().getInteger("version"));
    }

    @Test
    void amendIsCheckedLikeALodgement() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(3));
        api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.packaged("IMPORT", today().plusDays(15)))
                .problemNaming(400, "expectedDate");
        api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.packaged("IMPORT", today().minusDays(1)))
                .problemNaming(400, "expectedDate");
        assertEquals(1, api.consignment(shipper.token(), ccrn).getInteger("version"));
    }

    @Test
    void cancelThenAmendOrCancelAgainIsConflict() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(3));
        JsonObject cancelled = api.delete("/api/v1/consignments/" + ccrn, shipper.token()).expect(200).json();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals("CANCELLED", api.consignment(shipper.token(), ccrn).getString("status"));
        api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.packaged("EXPORT", today().plusDays(3))).problem(409);
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

        api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.bulk("IMPORT", today().plusDays(1))).problem(409);
        api.delete("/api/v1/consignments/" + ccrn, shipper.token()).problem(409);
        JsonObject still = api.consignment(shipper.token(), ccrn);
        assertEquals("BUNDLED", still.getString("status"));
        assertEquals(1, still.getInteger("version"));

        // Unbundle, amend, bundle again: the documented way.
        api.delete("/api/v1/bundles/" + bundleId, trucker.token()).expect(200);
        assertEquals(2, api.put("/api/v1/consignments/" + ccrn, shipper.token(), TradeApiClient.bulk("IMPORT", today().plusDays(1)))
                .expect(200).json().getInteger("version"));
        api.bundle(trucker.token(), mark, "IMPORT", ccrn);
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
        JsonObject listed = api.get("/api/v1/consignments", shipper.token()).expect(200).json();
        for (Object item : listed.getJsonArray("consignments")) {
            assertEquals("EXPIRED", ((JsonObject) item).getString("status"), listed.encode());
        }
        // An expired consignment can be neither amended nor cancelled, nor bundled.
        api.put("/api/v1/consignments/" + lodgedOnly, shipper.token(), TradeApiClient.packaged("IMPORT", today())).problem(409);
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
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.plusDays(15))).problemNaming(400, "expectedDate");
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.minusDays(1))).problemNaming(400, "expectedDate");
        assertEquals(2, api.myCcrns(shipper.token()).size());
    }

    @Test
    void lodgementWindowFollowsTheHongKongDateNotTheUtcDate() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        // 00:00:01 on 18 November in Hong Kong is still 17 November (16:00:01) in UTC.
        clock.set(TestClock.hongKong(2026, 11, 18, 0, 0, 1));
        LocalDate today = LocalDate.of(2026, 11, 18);
        api.lodge(shipper.token(), TradeApiClient.packaged("IMPORT", today.plusDays(14))); // 2 December
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.plusDays(15))).problemNaming(400, "expectedDate");
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today.minusDays(1))).problemNaming(400, "expectedDate");
        api.lodge(shipper.token(), TradeApiClient.packaged("IMPORT", today));

        // 07:59 on 18 November in Hong Kong: UTC is 23:59 on the 17th; still the 18th here.
        clock.set(TestClock.hongKong(2026, 11, 18, 7, 59, 0));
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("EXPORT", LocalDate.of(2026, 11, 17))).problemNaming(400, "expectedDate");
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
