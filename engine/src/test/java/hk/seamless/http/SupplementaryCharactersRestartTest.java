package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hong Kong names use HKSCS characters beyond the Basic Multilingual Plane (𨋢, "lift"; 𠝹): a name
 * holding one is lodged, listed, watch-listed and read back like any other, before and after a
 * restart. (A restart once failed on such a name: the maps' own reader refused the bytes.)
 */
class SupplementaryCharactersRestartTest {

    private static final String CONSIGNOR = "𨋢記運輸有限公司";
    private static final String ADDRESS = "香港新界葵涌𠝹道 8 號";

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(EngineHarness.START);
    private RestartableEngine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aNameBeyondTheBasicPlaneIsReadBackEverywhereAndSurvivesARestart() {
        engine = new RestartableEngine(dataDir, clock);
        TradeApiClient api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
        String registrationId = api.post(
                        "/api/v1/registrations",
                        null,
                        new JsonObject()
                                .put("role", "SHIPPER")
                                .put("name", CONSIGNOR)
                                .put("email", TradeApiClient.uniqueEmail("lift")))
                .expect(202)
                .json()
                .getString("registrationId");
        JsonObject body =
                TradeApiClient.packaged("IMPORT", clock.hongKongToday().plusDays(3));
        body.getJsonObject("consignor").put("name", CONSIGNOR).put("address", ADDRESS);
        String ccrn = api.lodge(shipper.token(), body).getString("ccrn");
        api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "PARTY").put("value", CONSIGNOR))
                .expect(201);

        assertReadBack(api, shipper, supervisor, ccrn, registrationId);

        engine.stop();
        engine.start();
        api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        assertReadBack(api, shipper, supervisor, ccrn, registrationId);
        // and the store takes more of them after the restart
        api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "PARTY").put("value", "𠝹 Holdings"))
                .expect(201);
    }

    private static void assertReadBack(
            TradeApiClient api,
            TradeApiClient.Account shipper,
            TradeApiClient.Account supervisor,
            String ccrn,
            String registrationId) {
        JsonObject read = api.get("/api/v1/consignments/" + ccrn, shipper.token())
                .expect(200)
                .json();
        assertEquals(CONSIGNOR, read.getJsonObject("consignor").getString("name"));
        assertEquals(ADDRESS, read.getJsonObject("consignor").getString("address"));
        assertEquals(java.util.List.of(ccrn), api.myCcrns(shipper.token()));
        JsonArray pending = api.get("/api/v1/admin/registrations?status=PENDING", api.adminToken())
                .expect(200)
                .json()
                .getJsonArray("registrations");
        assertTrue(pending.encode().contains(registrationId), pending.encode());
        assertTrue(pending.encode().contains(CONSIGNOR), "the name as it was given");
        JsonArray watched = api.get("/api/v1/risk/watchlist", supervisor.token())
                .expect(200)
                .json()
                .getJsonArray("entries");
        assertTrue(watched.encode().contains(CONSIGNOR), watched.encode());
    }
}
