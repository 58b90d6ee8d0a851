package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * HTTP's own methods as RFC 9110 has them: HEAD is GET without the body wherever GET is served (and
 * asks for the same credentials); OPTIONS says which methods a resource takes; a 405 says so too in
 * its Allow header.
 */
class HttpMethodsTest extends EngineHarness {

    @Test
    void headIsAGetWithoutItsBody() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
        for (String path : new String[] {"/api/v1/settings", "/api/v1/consignments/" + ccrn, "/api/v1/accounts/me"}) {
            ApiResponse get = api.get(path, shipper.token()).expect(200);
            ApiResponse head =
                    api.send("HEAD", path, shipper.token(), null, null).expect(200);
            assertEquals("", head.body(), path);
            assertEquals(get.contentType(), head.contentType(), path);
        }
        api.send("HEAD", "/api/v1/consignments/" + ccrn, null, null, null).expect(401);
        api.send(
                        "HEAD",
                        "/api/v1/consignments/" + ccrn,
                        api.newAccount("SHIPPER").token(),
                        null,
                        null)
                .expect(404);
        api.send("HEAD", "/health", null, null, null).expect(200);
    }

    @Test
    void optionsListsTheMethodsOfTheResource() {
        assertEquals(
                "DELETE, GET, HEAD, OPTIONS, PUT",
                api.send("OPTIONS", "/api/v1/consignments/2612345678901234", null, null, null)
                        .expect(204)
                        .header("Allow"));
        assertEquals(
                "GET, HEAD, OPTIONS, POST",
                api.send("OPTIONS", "/api/v1/consignments", null, null, null)
                        .expect(204)
                        .header("Allow"));
        assertEquals(
                "OPTIONS, POST",
                api.send("OPTIONS", "/api/v1/registrations", null, null, null)
                        .expect(204)
                        .header("Allow"));
        api.send("OPTIONS", "/api/v1/no-such-thing", null, null, null).problem(404);
    }

    @Test
    void aWrongMethodIsA405ThatSaysWhichAreRight() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        ApiResponse refused = api.post("/api/v1/settings", shipper.token(), new JsonObject());
        refused.problem(405);
        assertEquals("GET, HEAD, OPTIONS", refused.header("Allow"), refused.describe());
        ApiResponse patch =
                api.send("PATCH", "/api/v1/settings", shipper.token(), "application/json", new byte[] {'{', '}'});
        patch.problem(405);
        assertEquals("GET, HEAD, OPTIONS", patch.header("Allow"), patch.describe());
        ApiResponse delete = api.delete("/api/v1/registrations", shipper.token());
        delete.problem(405);
        assertTrue(delete.header("Allow").contains("POST"), delete.describe());
    }
}
