package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The list calls the officer console and the trader portal are built on: the admin's registration
 * queue, a trucker's bundles, and a shipper's consignment search; and what of a bundle's risk
 * assessment each side may see.
 */
class PortalSupportApiTest extends EngineHarness {

    private static final String REGISTRATIONS = "/api/v1/admin/registrations";

    private TradeApiClient.Account supervisor;
    private TradeApiClient.Account officer;

    @BeforeAll
    void accounts() {
        supervisor = api.newAccount("SUPERVISOR");
        officer = api.newAccount("OFFICER");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonArray items, String field) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ids.add(items.getJsonObject(i).getString(field));
        }
        return ids;
    }

    private static JsonObject find(JsonArray items, String field, String value) {
        for (int i = 0; i < items.size(); i++) {
            if (value.equals(items.getJsonObject(i).getString(field))) {
                return items.getJsonObject(i);
            }
        }
        return null;
    }

    // ---- the admin's registration queue ----

    private JsonArray registrations(String query) {
        return api.get(REGISTRATIONS + query, api.adminToken())
                .expect(200)
                .json()
                .getJsonArray("registrations");
    }

    @Test
    void pendingRegistrationsAreListedOldestFirstWithTheirContactDetails() {
        String email = TradeApiClient.uniqueEmail("agent");
        String first = api.post(
                        "/api/v1/registrations",
                        null,
                        new JsonObject()
                                .put("role", "AGENT")
                                .put("name", "Kwai Chung Forwarding Ltd")
                                .put("email", email)
                                .put("phone", "+852 2345 6789")
                                .put("businessRegistrationNo", "12345678"))
                .expect(202)
                .json()
                .getString("registrationId");
        clock.advance(Duration.ofMinutes(5));
        String second = api.register("TRUCKER", TradeApiClient.uniqueEmail("trucker"), null)
                .expect(202)
                .json()
                .getString("registrationId");

        JsonArray pending = registrations("");
        List<String> ids = ids(pending, "registrationId");
        assertTrue(ids.indexOf(first) >= 0 && ids.indexOf(first) < ids.indexOf(second), "oldest first: " + ids);
        assertEquals(
                ids,
                registrations("?status=PENDING").stream()
                        .map(o -> ((JsonObject) o).getString("registrationId"))
                        .toList());

        JsonObject item = find(pending, "registrationId", first);
        assertEquals(first, item.getString("accountId"), "the registration id is the id approval takes");
        assertEquals("AGENT", item.getString("role"));
        assertEquals("Kwai Chung Forwarding Ltd", item.getString("name"));
        assertEquals(email, item.getString("email"));
        assertEquals("PENDING", item.getString("status"));
        assertEquals("+852 2345 6789", item.getString("phone"));
        assertEquals("12345678", item.getString("businessRegistrationNo"));
        assertNotNull(item.getString("registeredAt"));
        assertFalse(item.containsKey("passwordHash"));
        JsonObject bare = find(pending, "registrationId", second);
        assertFalse(bare.containsKey("phone"));
        assertFalse(bare.containsKey("businessRegistrationNo"));

        // Approved with the listed id, it leaves the queue and shows among the ACTIVE accounts.
        api.approve(first).expect(200);
        assertFalse(ids(registrations(""), "registrationId").contains(first));
        assertTrue(ids(registrations("?status=ACTIVE"), "registrationId").contains(first));
        assertEquals(
                "ACTIVE",
                find(registrations("?status=active"), "registrationId", first).getString("status"));
    }

    @Test
    void rejectedAndSuspendedAccountsAreListedByStatus() {
        String rejected = api.register("SHIPPER", TradeApiClient.uniqueEmail("shipper"), null)
                .expect(202)
                .json()
                .getString("registrationId");
        api.post(REGISTRATIONS + "/" + rejected + "/reject", api.adminToken(), new JsonObject())
                .expect(200);
        TradeApiClient.Account suspended = api.newAccount("SHIPPER");
        api.post(
                        "/api/v1/admin/accounts/" + suspended.id() + "/suspend",
                        api.adminToken(),
                        new JsonObject().put("reason", "test of a suspended trucker"))
                .expect(200);

        JsonObject listed = find(registrations("?status=REJECTED"), "registrationId", rejected);
        assertNotNull(listed);
        assertNotNull(listed.getString("decidedAt"));
        assertNotNull(find(registrations("?status=SUSPENDED"), "accountId", suspended.id()));
        assertNull(find(registrations(""), "registrationId", rejected));
        assertNull(find(registrations("?status=ACTIVE"), "accountId", suspended.id()));
    }

    @Test
    void aBadStatusIsAClientErrorNamingStatus() {
        api.get(REGISTRATIONS + "?status=APPROVED", api.adminToken()).problemNaming(400, "status");
        api.get(REGISTRATIONS + "?status=" + query("PENDING\u0007"), api.adminToken())
                .problemNaming(400, "status");
        // A form's "all" choice sends it blank: the default queue.
        api.get(REGISTRATIONS + "?status=", api.adminToken()).expect(200);
    }

    @Test
    void onlyTheAdminSeesTheRegistrationQueue() {
        api.get(REGISTRATIONS, null).problem(401);
        api.get(REGISTRATIONS, supervisor.token()).problem(403);
        api.get(REGISTRATIONS, officer.token()).problem(403);
        api.get(REGISTRATIONS, api.newAccount("SHIPPER").token()).problem(403);
    }

    // ---- a trucker's bundles ----

    @Test
    void aTruckerListsOwnBundlesNewestFirstAndByStatus() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        String laden = api.newVehicle(trucker.token());
        String empty = api.newVehicle(trucker.token());

        String unbundled = api.bundle(trucker.token(), laden, "IMPORT", ccrn).getString("bundleId");
        api.delete("/api/v1/bundles/" + unbundled, trucker.token()).expect(200);
        clock.advance(Duration.ofMinutes(1));
        String again = api.bundle(trucker.token(), laden, "IMPORT", ccrn).getString("bundleId");
        clock.advance(Duration.ofMinutes(1));
        String active = api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", empty)
                                .put("direction", "EXPORT")
                                .put("empty", true))
                .expect(201)
                .json()
                .getString("bundleId");

        JsonArray all =
                api.get("/api/v1/bundles", trucker.token()).expect(200).json().getJsonArray("bundles");
        assertEquals(List.of(active, again, unbundled), ids(all, "bundleId"));
        JsonObject newest = all.getJsonObject(0);
        assertEquals("ACTIVE", newest.getString("status"));
        assertEquals(empty, newest.getString("vehicleMark"));
        assertEquals("EXPORT", newest.getString("direction"));
        assertTrue(newest.getBoolean("empty"));
        assertNotNull(newest.getString("earliestCrossingAt"));
        assertEquals(List.of(ccrn), all.getJsonObject(1).getJsonArray("ccrns").getList());
        for (int i = 0; i < all.size(); i++) {
            assertFalse(all.getJsonObject(i).containsKey("riskHits"), "the trucker's list never shows risk hits");
        }

        assertEquals(
                List.of(active, again),
                ids(
                        api.get("/api/v1/bundles?status=ACTIVE", trucker.token())
                                .expect(200)
                                .json()
                                .getJsonArray("bundles"),
                        "bundleId"));
        assertEquals(
                List.of(unbundled),
                ids(
                        api.get("/api/v1/bundles?status=UNBUNDLED", trucker.token())
                                .expect(200)
                                .json()
                                .getJsonArray("bundles"),
                        "bundleId"));
        assertTrue(api.get("/api/v1/bundles?status=USED", trucker.token())
                .expect(200)
                .json()
                .getJsonArray("bundles")
                .isEmpty());
        api.get("/api/v1/bundles?status=CROSSED", trucker.token()).problemNaming(400, "status");

        // Another trucker's list does not show them; nobody but truckers has such a list.
        TradeApiClient.Account other = api.newAccount("TRUCKER");
        assertTrue(api.get("/api/v1/bundles", other.token())
                .expect(200)
                .json()
                .getJsonArray("bundles")
                .isEmpty());
        api.get("/api/v1/bundles", shipper.token()).problem(403);
        api.get("/api/v1/bundles", officer.token()).problem(403);
        api.get("/api/v1/bundles", null).problem(401);
    }

    @Test
    void officersSeeABundlesRiskHitsAndTheTruckerDoesNot() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String watched = api.newVehicle(trucker.token());
        String clean = api.newVehicle(trucker.token());
        api.post(
                        "/api/v1/risk/watchlist",
                        supervisor.token(),
                        new JsonObject().put("kind", "VEHICLE").put("value", watched))
                .expect(201);
        String hit = api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", watched)
                                .put("direction", "IMPORT")
                                .put("empty", true))
                .expect(201)
                .json()
                .getString("bundleId");
        String quiet = api.post(
                        "/api/v1/bundles",
                        trucker.token(),
                        new JsonObject()
                                .put("vehicleMark", clean)
                                .put("direction", "IMPORT")
                                .put("empty", true))
                .expect(201)
                .json()
                .getString("bundleId");

        for (String token : List.of(officer.token(), supervisor.token(), api.adminToken())) {
            JsonObject seen =
                    api.get("/api/v1/bundles/" + hit, token).expect(200).json();
            assertEquals(List.of("WATCHLIST"), seen.getJsonArray("riskHits").getList());
            assertEquals(hit, seen.getString("bundleId"));
            assertEquals(
                    List.of(),
                    api.get("/api/v1/bundles/" + quiet, token)
                            .expect(200)
                            .json()
                            .getJsonArray("riskHits")
                            .getList());
        }
        ApiResponse own = api.get("/api/v1/bundles/" + hit, trucker.token()).expect(200);
        assertFalse(own.json().containsKey("riskHits"), "a watched trucker must not learn it: " + own.body());
        assertFalse(own.body().contains("WATCHLIST"));
        for (Object item :
                api.get("/api/v1/bundles", trucker.token()).expect(200).json().getJsonArray("bundles")) {
            assertFalse(((JsonObject) item).containsKey("riskHits"));
        }
    }

    // ---- a shipper's consignment search ----

    private String lodge(String token, String consignor, String consignee) {
        JsonObject body = TradeApiClient.packaged("IMPORT", today().plusDays(2));
        body.getJsonObject("consignor").put("name", consignor);
        body.getJsonObject("consignee").put("name", consignee);
        String ccrn = api.lodge(token, body).getString("ccrn");
        // Lodged a minute apart, so that "newest first" has one answer.
        clock.advance(Duration.ofMinutes(1));
        return ccrn;
    }

    private List<String> search(String token, String query) {
        return ids(
                api.get("/api/v1/consignments" + query, token)
                        .expect(200)
                        .json()
                        .getJsonArray("consignments"),
                "ccrn");
    }

    @Test
    void listItemsCarryThePartyNamesBesidesEverythingElse() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = lodge(shipper.token(), "Dongguan Textile Mill 東莞紡織廠", "Cheung Sha Wan Garments Ltd");
        JsonObject item = api.get("/api/v1/consignments", shipper.token())
                .expect(200)
                .json()
                .getJsonArray("consignments")
                .getJsonObject(0);
        assertEquals(ccrn, item.getString("ccrn"));
        assertEquals("Dongguan Textile Mill 東莞紡織廠", item.getString("consignorName"));
        assertEquals("Cheung Sha Wan Garments Ltd", item.getString("consigneeName"));
        for (String field : List.of(
                "status",
                "version",
                "lodgedAt",
                "updatedAt",
                "direction",
                "expectedDate",
                "consignor",
                "consignee",
                "packaged")) {
            assertTrue(item.containsKey(field), "list items keep " + field + ": " + item);
        }
        assertEquals(
                "Dongguan Textile Mill 東莞紡織廠", item.getJsonObject("consignor").getString("name"));
    }

    @Test
    void searchFindsTextInTheCcrnOrEitherPartyIgnoringCase() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String kitchen = lodge(shipper.token(), "Tsuen Wan Kitchenware " + tag + " Ltd", "Mong Kok 百貨 Co");
        String textile = lodge(shipper.token(), "Foshan Ceramics Co", "Yau Tong Tiles " + tag + " Ltd");
        String plain = lodge(shipper.token(), "Zhuhai Paper Co", "Kwun Tong Stationers Ltd");

        assertEquals(List.of(kitchen), search(shipper.token(), "?q=" + query("KITCHENWARE")));
        assertEquals(List.of(kitchen), search(shipper.token(), "?q=" + query("百貨")));
        assertEquals(List.of(textile), search(shipper.token(), "?q=" + query("yau tong")));
        assertEquals(
                List.of(textile, kitchen), search(shipper.token(), "?q=" + query(tag.toUpperCase())), "newest first");
        assertEquals(List.of(), search(shipper.token(), "?q=" + query("nobody of that name")));
        assertEquals(3, search(shipper.token(), "?q=").size(), "a blank search is no search");

        // A part of the CCRN, or the whole of it as printed in groups.
        assertTrue(search(shipper.token(), "?q=" + plain.substring(4, 12)).contains(plain));
        String grouped = plain.substring(0, 4) + " " + plain.substring(4, 8) + "-" + plain.substring(8, 12) + " "
                + plain.substring(12);
        assertEquals(List.of(plain), search(shipper.token(), "?q=" + query(grouped)));

        // Another shipper's search never finds them.
        TradeApiClient.Account other = api.newAccount("AGENT");
        assertEquals(List.of(), search(other.token(), "?q=" + query(tag)));
        assertEquals(List.of(), search(other.token(), "?q=" + plain));
    }

    @Test
    void statusFilterUsesTheStatusInForceIncludingExpiry() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String lapsing = api.lodgeCcrn(shipper.token(), "IMPORT", today());
        clock.advance(Duration.ofMinutes(1));
        String lodged = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(10));
        String cancelled = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(10));
        api.delete("/api/v1/consignments/" + cancelled, shipper.token()).expect(200);
        String bundled = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(10));
        api.bundle(trucker.token(), api.newVehicle(trucker.token()), "EXPORT", bundled);

        assertEquals(List.of(lodged, lapsing), search(shipper.token(), "?status=LODGED"));
        // Two days on, the one due today has expired though nothing has written that down.
        clock.advance(Duration.ofDays(2));
        assertEquals(List.of(lodged), search(shipper.token(), "?status=LODGED"));
        assertEquals(List.of(lapsing), search(shipper.token(), "?status=EXPIRED"));
        assertEquals(List.of(cancelled), search(shipper.token(), "?status=CANCELLED"));
        assertEquals(List.of(bundled), search(shipper.token(), "?status=bundled"));
        assertEquals(List.of(), search(shipper.token(), "?status=CROSSED"));
        assertEquals(List.of(bundled), search(shipper.token(), "?status=BUNDLED&q=" + bundled));
        assertEquals(List.of(), search(shipper.token(), "?status=LODGED&q=" + bundled));
        assertEquals(4, search(shipper.token(), "?status=").size());
    }

    @Test
    void badSearchParametersAreClientErrorsNamingThem() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(1));
        JsonObject problem =
                api.get("/api/v1/consignments?status=SHIPPED", shipper.token()).problemNaming(400, "status");
        assertTrue(problem.encode().contains("EXPIRED"), "the message lists the statuses: " + problem);
        api.get("/api/v1/consignments?q=" + "x".repeat(201), shipper.token()).problemNaming(400, "q");
        api.get("/api/v1/consignments?q=" + query("a\u0000b"), shipper.token()).problemNaming(400, "q");
        // Not validly percent-encoded: refused as the client's mistake, not a server failure.
        int status = RawHttp.getStatus(engine.port(), "/api/v1/consignments?q=%zz", shipper.token());
        assertEquals(400, status);
        api.get("/api/v1/consignments?q=anything", api.newAccount("TRUCKER").token())
                .problem(403);
    }
}
