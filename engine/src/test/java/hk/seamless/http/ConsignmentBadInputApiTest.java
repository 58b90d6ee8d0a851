package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way a consignment body can be wrong: a 4xx naming the field, and nothing written. */
class ConsignmentBadInputApiTest extends EngineHarness {

    @Test
    void malformedJsonIs400() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject problem = api.postRaw(
                        "/api/v1/consignments", shipper.token(), "application/json", "{\"direction\": \"IMPORT\",")
                .problemNaming(400, "body");
        assertFalse(problem.getString("detail", "").isBlank(), "say what was wrong");
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "")
                .problemNaming(400, "body");
    }

    @Test
    void pathologicalJsonIsAClientError() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", deep)
                .problem(400);
        String deepArray = "{\"direction\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", deepArray)
                .problem(400);
        String hugeNumber = TradeApiClient.packaged("IMPORT", today().plusDays(3))
                .encode()
                .replace("\"packageCount\":120", "\"packageCount\":" + "9".repeat(5000));
        ApiResponse huge = api.postRaw("/api/v1/consignments", shipper.token(), "application/json", hugeNumber);
        huge.problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "{\"direction\": \"IMPORT\"} trailing")
                .problem(400);
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "[1, 2, 3]")
                .problemNaming(400, "body");
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "\"IMPORT\"")
                .problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "42")
                .problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "null")
                .problem(400);
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
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("NORTH", today().plusDays(3)))
                .problemNaming(400, "direction");
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("import", today().plusDays(3)))
                .problemNaming(400, "direction");
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
        assertEquals(
                1,
                api.consignment(shipper.token(), ccrn).getJsonObject("packaged").getInteger("packageCount"));
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
                api.send(
                                "PUT",
                                "/api/v1/consignments/" + ccrn,
                                shipper.token(),
                                "application/json",
                                TradeApiClient.bytes(body))
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
            assertEquals(
                    "CANCELLED",
                    api.consignment(shipper.token(), ccrn).getString("status"),
                    "no refused body was lodged");
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
    void halfASurrogatePairIsRefusedNotStoredAsAQuestionMark() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        body.getJsonObject("consignor").put("name", "Acme HALF Ltd");
        for (String half : List.of("\\ud83d", "\\ude00", "\\ude00\\ud83d")) {
            String text = body.encode().replace("HALF", half);
            api.postRaw("/api/v1/consignments", shipper.token(), "application/json", text)
                    .problemNaming(400, "consignor.name");
        }
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
        // A whole pair is a character like any other.
        String whole = body.encode().replace("HALF", "\\ud83d\\ude9a");
        String ccrn = api.postRaw("/api/v1/consignments", shipper.token(), "application/json", whole)
                .expect(201)
                .json()
                .getString("ccrn");
        assertEquals(
                "Acme \uD83D\uDE9A Ltd",
                api.consignment(shipper.token(), ccrn)
                        .getJsonObject("consignor")
                        .getString("name"));
    }

    @Test
    void aNameOfInvisibleOrOtherSpacesIsNotGiven() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        for (String blank : List.of("\u00A0", "\u200B", "\u3000", " \u00A0\u2007 ", "\uFEFF")) {
            JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
            body.getJsonObject("consignee").put("name", blank);
            JsonObject problem = api.lodgeRaw(shipper.token(), body).problemNaming(400, "consignee.name");
            assertTrue(problem.encode().contains("\"required\""), problem.encode());
        }
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
    }

    @Test
    void aControlCharacterIsRefusedButALineBreakInAnAddressIsKept() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        for (String bad : List.of("Acme\u0007 Ltd", "Acme\u0000", "\u001b[31mAcme", "Acme\u0085Ltd")) {
            JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
            body.getJsonObject("consignor").put("name", bad);
            JsonObject problem = api.lodgeRaw(shipper.token(), body).problemNaming(400, "consignor.name");
            assertTrue(problem.encode().contains("control characters"), problem.encode());
        }
        assertTrue(api.myCcrns(shipper.token()).isEmpty());
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        body.getJsonObject("consignor").put("address", "Flat B, 8/F\r\n220 Texaco Road\tTsuen Wan");
        String ccrn = api.lodge(shipper.token(), body).getString("ccrn");
        assertEquals(
                "Flat B, 8/F\r\n220 Texaco Road\tTsuen Wan",
                api.consignment(shipper.token(), ccrn)
                        .getJsonObject("consignor")
                        .getString("address"));
    }

    /**
     * The API contract checks the body's shape before the rules of its values: every field missing
     * from the shape is named in one answer; a blank value (a rule of the value: blank is not given)
     * is named once the shape is whole, with the other value rules.
     */
    @Test
    void missingRequiredFieldsAreAllNamed() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(3));
        body.remove("direction");
        body.getJsonObject("consignor").remove("address");
        body.getJsonObject("consignee").put("name", "   ");
        JsonObject problem = api.lodgeRaw(shipper.token(), body).problem(400);
        assertEquals(
                List.of("consignor.address", "direction"),
                ApiResponse.fields(problem).stream().sorted().toList(),
                problem.encode());

        body.put("direction", "IMPORT");
        body.getJsonObject("consignor").put("address", "1 Huaqiang Road, Shenzhen");
        body.getJsonObject("packaged").put("packageCount", 0);
        problem = api.lodgeRaw(shipper.token(), body).problem(400);
        assertEquals(
                List.of("consignee.name", "packaged.packageCount"),
                ApiResponse.fields(problem).stream().sorted().toList(),
                problem.encode());
        assertEquals(
                "required",
                problem.getJsonArray("errors")
                        .getJsonObject(ApiResponse.fields(problem).indexOf("consignee.name"))
                        .getString("code"),
                problem.encode());
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
        api.postRaw("/api/v1/consignments", shipper.token(), "application/x-www-form-urlencoded", json)
                .problem(415);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json; charset=utf-8", json)
                .expect(201);
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
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today().plusDays(30)))
                .problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "application/json", "{oops")
                .problem(400);
        api.postRaw("/api/v1/consignments", shipper.token(), "text/plain", "{}").problem(415);
        // A refused amendment leaves the consignment at version 1 with its values.
        JsonObject badAmend =
                TradeApiClient.packaged("IMPORT", today().plusDays(3)).put("direction", "SOUTH");
        api.put("/api/v1/consignments/" + kept, shipper.token(), badAmend).problem(400);

        assertEquals(before, api.myCcrns(shipper.token()));
        JsonObject read = api.consignment(shipper.token(), kept);
        assertEquals(1, read.getInteger("version"));
        assertEquals("IMPORT", read.getString("direction"));
        JsonArray versions = api.get("/api/v1/consignments/" + kept + "/versions", shipper.token())
                .expect(200)
                .json()
                .getJsonArray("versions");
        assertEquals(1, versions.size());
    }
}
