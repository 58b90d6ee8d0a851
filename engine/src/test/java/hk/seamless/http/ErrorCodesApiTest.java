package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Every refused field carries a stable machine code (interfaces.md: errors [{field, code,
 * message}]), so that pages and trade systems translate or act on it without reading English.
 */
class ErrorCodesApiTest extends EngineHarness {

    private static String code(JsonObject problem, String field) {
        JsonArray errors = problem.getJsonArray("errors");
        for (int i = 0; i < errors.size(); i++) {
            if (field.equals(errors.getJsonObject(i).getString("field"))) {
                return errors.getJsonObject(i).getString("code");
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem.encode());
    }

    @Test
    void theMainRulesHaveTheirOwnCodesAndTheRestAGenericOne() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        assertEquals(
                "ccrn_check_digit",
                code(
                        api.get("/api/v1/consignments/2612345678901230", shipper.token())
                                .problemNaming(400, "ccrn"),
                        "ccrn"));
        assertEquals(
                "ccrn_format",
                code(api.get("/api/v1/consignments/12345", shipper.token()).problemNaming(400, "ccrn"), "ccrn"));
        assertEquals(
                "expected_date_past",
                code(
                        api.post(
                                        "/api/v1/consignments",
                                        shipper.token(),
                                        TradeApiClient.packaged("IMPORT", today().minusDays(1)))
                                .problemNaming(400, "expectedDate"),
                        "expectedDate"));
        assertEquals(
                "expected_date_too_far_ahead",
                code(
                        api.post(
                                        "/api/v1/consignments",
                                        shipper.token(),
                                        TradeApiClient.packaged("IMPORT", today().plusDays(30)))
                                .problemNaming(400, "expectedDate"),
                        "expectedDate"));
        JsonObject noConsignee = TradeApiClient.packaged("IMPORT", today().plusDays(1));
        noConsignee.getJsonObject("consignee").remove("name");
        assertEquals(
                "required",
                code(
                        api.post("/api/v1/consignments", shipper.token(), noConsignee)
                                .problemNaming(400, "consignee.name"),
                        "consignee.name"));
        assertEquals(
                "vehicle_mark_invalid",
                code(
                        api.post(
                                        "/api/v1/vehicles",
                                        trucker.token(),
                                        new JsonObject().put("registrationMark", "IO 1234"))
                                .problemNaming(400, "registrationMark"),
                        "registrationMark"));
    }
}
