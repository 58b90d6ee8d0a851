package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Risk settings over HTTP: supervisors keep the watch list and the random rates; officers read them. */
class RiskApiTest extends EngineHarness {

    private static final String WATCHLIST = "/api/v1/risk/watchlist";
    private static final String RATES = "/api/v1/risk/random-rates";

    private TradeApiClient.Account supervisor;
    private TradeApiClient.Account officer;

    @BeforeAll
    void accounts() {
        supervisor = api.newAccount("SUPERVISOR");
        officer = api.newAccount("OFFICER");
    }

    private static JsonObject entry(String kind, String value) {
        return new JsonObject().put("kind", kind).put("value", value);
    }

    private static String uniqueParty() {
        return "Risk Test Trading " + UUID.randomUUID().toString().substring(0, 8) + " Co., Ltd.";
    }

    private List<String> listedIds(String token) {
        JsonArray entries = api.get(WATCHLIST, token).expect(200).json().getJsonArray("entries");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ids.add(entries.getJsonObject(i).getString("entryId"));
        }
        return ids;
    }

    // ---- watch list ----

    @Test
    void aSupervisorAddsAVehicleOfficersSeeItAndItCanBeRemoved() {
        String mark = TradeApiClient.uniqueMark();
        String typed = mark.substring(0, 2).toLowerCase() + "-" + mark.substring(2);
        ApiResponse created = api.post(WATCHLIST, supervisor.token(), entry("VEHICLE", " " + typed + " "))
                .expect(201);
        JsonObject body = created.json();
        String id = body.getString("entryId");
        assertNotNull(id);
        assertEquals("VEHICLE", body.getString("kind"));
        assertEquals(mark, body.getString("value"));
        assertEquals(typed, body.getString("display"));
        assertNotNull(body.getString("addedAt"));
        assertEquals(WATCHLIST + "/" + id, created.header("Location"));

        assertTrue(listedIds(officer.token()).contains(id));
        assertTrue(listedIds(supervisor.token()).contains(id));
        assertEquals(
                mark,
                api.get(WATCHLIST + "/" + id, officer.token())
                        .expect(200)
                        .json()
                        .getString("value"));

        JsonObject removed =
                api.delete(WATCHLIST + "/" + id, supervisor.token()).expect(200).json();
        assertEquals(id, removed.getString("entryId"));
        assertEquals(Boolean.TRUE, removed.getBoolean("removed"));
        assertFalse(listedIds(officer.token()).contains(id));
        api.delete(WATCHLIST + "/" + id, supervisor.token()).problem(404);
        api.get(WATCHLIST + "/" + id, officer.token()).problem(404);
    }

    @Test
    void aPartyIsComparedByItsCanonicalName() {
        String name = uniqueParty();
        String id = api.post(WATCHLIST, supervisor.token(), entry("PARTY", name))
                .expect(201)
                .json()
                .getString("entryId");
        String shouted = name.toUpperCase().replace(",", "").replace(".", "");
        JsonObject conflict = api.post(WATCHLIST, supervisor.token(), entry("PARTY", "  " + shouted + " "))
                .problem(409);
        assertTrue(conflict.getString("detail").contains(id), conflict.encode());
        // The same text as a vehicle is another entry, if it is a mark at all: this one is not.
        api.post(WATCHLIST, supervisor.token(), entry("VEHICLE", name)).problemNaming(400, "value");
    }

    @Test
    void aDuplicateVehicleIsAConflictNamingTheEntry() {
        String mark = TradeApiClient.uniqueMark();
        String id = api.post(WATCHLIST, supervisor.token(), entry("VEHICLE", mark))
                .expect(201)
                .json()
                .getString("entryId");
        String spaced = mark.substring(0, 2) + " " + mark.substring(2);
        JsonObject problem = api.post(WATCHLIST, supervisor.token(), entry("VEHICLE", spaced.toLowerCase()))
                .problem(409);
        assertTrue(problem.getString("detail").contains(id), problem.encode());
    }

    @Test
    void badEntriesAre400NamingTheField() {
        api.post(WATCHLIST, supervisor.token(), new JsonObject().put("value", "AB1"))
                .problemNaming(400, "kind");
        api.post(WATCHLIST, supervisor.token(), new JsonObject().put("kind", "PARTY"))
                .problemNaming(400, "value");
        api.post(WATCHLIST, supervisor.token(), entry("CONTAINER", "AB1")).problemNaming(400, "kind");
        api.post(WATCHLIST, supervisor.token(), entry("VEHICLE", "AO1234")).problemNaming(400, "value");
        api.post(WATCHLIST, supervisor.token(), entry("PARTY", "x".repeat(201))).problemNaming(400, "value");
        api.post(WATCHLIST, supervisor.token(), entry("PARTY", "...")).problemNaming(400, "value");
        api.post(WATCHLIST, supervisor.token(), entry("PARTY", "Acme").put("reason", "tip-off"))
                .problemNaming(400, "reason");
        api.postRaw(WATCHLIST, supervisor.token(), "application/json", "[1]").problem(400);
    }

    @Test
    void onlySupervisorsChangeTheWatchListAndOnlyOfficersAndSupervisorsReadIt() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        api.post(WATCHLIST, officer.token(), entry("PARTY", uniqueParty())).problem(403);
        api.post(WATCHLIST, trucker.token(), entry("PARTY", uniqueParty())).problem(403);
        api.post(WATCHLIST, api.adminToken(), entry("PARTY", uniqueParty())).problem(403);
        api.post(WATCHLIST, null, entry("PARTY", uniqueParty())).problem(401);
        api.get(WATCHLIST, trucker.token()).problem(403);
        api.get(WATCHLIST, null).problem(401);

        String id = api.post(WATCHLIST, supervisor.token(), entry("PARTY", uniqueParty()))
                .expect(201)
                .json()
                .getString("entryId");
        api.delete(WATCHLIST + "/" + id, officer.token()).problem(403);
        assertTrue(listedIds(officer.token()).contains(id));
    }

    @Test
    void anIdempotentAddGivesTheSameEntryOnce() {
        String key = UUID.randomUUID().toString();
        JsonObject body = entry("PARTY", uniqueParty());
        ApiResponse first = api.post(WATCHLIST, supervisor.token(), body, IdempotentWrites.HEADER, key)
                .expect(201);
        ApiResponse second = api.post(WATCHLIST, supervisor.token(), body, IdempotentWrites.HEADER, key)
                .expect(201);
        assertEquals(first.body(), second.body());
        api.post(WATCHLIST, supervisor.token(), entry("PARTY", uniqueParty()), IdempotentWrites.HEADER, key)
                .problemNaming(422, IdempotentWrites.HEADER);
    }

    // ---- random rates ----

    @Test
    void ratesStartAtTheConfiguredDefaultAndASupervisorChangesOne() {
        JsonObject rates = api.get(RATES, officer.token()).expect(200).json().getJsonObject("rates");
        assertEquals(0.03, rates.getDouble("MKT"));
        assertEquals(6, rates.size(), rates.encode());

        JsonObject set = api.put(RATES + "/STK", supervisor.token(), new JsonObject().put("rate", 0.2))
                .expect(200)
                .json();
        assertEquals("STK", set.getString("controlPoint"));
        assertEquals(0.2, set.getDouble("rate"));
        assertEquals(
                0.2,
                api.get(RATES, supervisor.token())
                        .expect(200)
                        .json()
                        .getJsonObject("rates")
                        .getDouble("STK"));

        api.put(RATES + "/STK", supervisor.token(), new JsonObject().put("rate", 0))
                .expect(200);
        assertEquals(
                0.0,
                api.get(RATES, officer.token())
                        .expect(200)
                        .json()
                        .getJsonObject("rates")
                        .getDouble("STK"));
    }

    @Test
    void aBadRateIs400NamingRate() {
        for (Object bad : new Object[] {1.5, -0.1, "0.1", true}) {
            api.put(RATES + "/HZM", supervisor.token(), new JsonObject().put("rate", bad))
                    .problemNaming(400, "rate");
        }
        api.put(RATES + "/HZM", supervisor.token(), new JsonObject()).problemNaming(400, "rate");
        assertEquals(
                0.03,
                api.get(RATES, officer.token())
                        .expect(200)
                        .json()
                        .getJsonObject("rates")
                        .getDouble("HZM"));
    }

    @Test
    void anUnknownControlPointIs404() {
        api.put(RATES + "/XYZ", supervisor.token(), new JsonObject().put("rate", 0.1))
                .problem(404);
    }

    @Test
    void onlySupervisorsSetRates() {
        api.put(RATES + "/SBC", officer.token(), new JsonObject().put("rate", 0.5))
                .problem(403);
        api.put(RATES + "/SBC", api.adminToken(), new JsonObject().put("rate", 0.5))
                .problem(403);
        api.put(RATES + "/SBC", null, new JsonObject().put("rate", 0.5)).problem(401);
        api.get(RATES, api.newAccount("SHIPPER").token()).problem(403);
        assertEquals(
                0.03,
                api.get(RATES, officer.token())
                        .expect(200)
                        .json()
                        .getJsonObject("rates")
                        .getDouble("SBC"));
    }
}
