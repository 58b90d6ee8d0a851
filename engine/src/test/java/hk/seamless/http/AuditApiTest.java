package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/audit}: who did what, when and from where, across the registry and the lanes,
 * newest first, for supervisors and the administrator only.
 */
class AuditApiTest extends LaneHarness {

    private JsonArray audit(String query) {
        return api.get("/api/v1/audit?" + query, supervisor.token())
                .expect(200)
                .json()
                .getJsonArray("entries");
    }

    private static List<String> actions(JsonArray entries) {
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(((JsonObject) e).getString("action")));
        return actions;
    }

    @Test
    void aConsignmentsWholeStoryFromLodgementToTheLaneIsThereNewestFirst() {
        Rig rig = rig("IMPORT");
        Truck truck = newTruck();
        String ccrn = lodge("IMPORT");
        String bundleId =
                api.bundle(trucker.token(), truck.mark(), "IMPORT", ccrn).getString("bundleId");
        clock.advance(PAST_LEAD);
        JsonObject decision = arrive(rig, truck);
        assertDecision(decision, "RELEASE", "PROCEED");
        eventually(
                "/api/v1/consignments/" + ccrn,
                shipper.token(),
                c -> "CROSSED".equals(c.getString("status")),
                "CROSSED");

        JsonArray entries = audit("ccrn=" + ccrn);
        List<String> actions = actions(entries);
        for (String expected : List.of("CONSIGNMENT_LODGED", "BUNDLED", "DECIDED", "CROSSED")) {
            assertTrue(actions.contains(expected), expected + " in " + actions);
        }
        assertTrue(actions.indexOf("CROSSED") < actions.indexOf("BUNDLED"), "newest first: " + actions);
        Instant previous = Instant.MAX;
        for (Object o : entries) {
            Instant at = java.time.OffsetDateTime.parse(((JsonObject) o).getString("at"))
                    .toInstant();
            assertFalse(at.isAfter(previous), "newest first: " + entries.encodePrettily());
            previous = at;
        }
        JsonObject lodged = entries.stream()
                .map(JsonObject.class::cast)
                .filter(e -> "CONSIGNMENT_LODGED".equals(e.getString("action")))
                .findFirst()
                .orElseThrow();
        assertEquals(shipper.id(), lodged.getString("who"));
        assertTrue(lodged.getString("from").startsWith("http "), "from where: " + lodged);
        assertEquals("registry", lodged.getString("log"));
        JsonObject decided = entries.stream()
                .map(JsonObject.class::cast)
                .filter(e -> "DECIDED".equals(e.getString("action")))
                .findFirst()
                .orElseThrow();
        assertEquals("lane", decided.getString("log"));
        assertEquals(decision.getString("arrivalId"), decided.getString("subject"));
        assertTrue(decided.getString("detail").startsWith("RELEASE"), decided.encode());

        // the same story by the bundle, the vehicle, the arrival and the lane
        assertTrue(actions(audit("bundle=" + bundleId)).containsAll(List.of("BUNDLED", "DECIDED", "CROSSED")));
        assertTrue(actions(audit("vehicle=" + truck.mark()))
                .containsAll(List.of("VEHICLE_REGISTERED", "BUNDLED", "DECIDED")));
        assertTrue(actions(audit("arrival=" + decision.getString("arrivalId")))
                .containsAll(List.of("DECIDED", "CROSSED")));
        assertTrue(actions(audit("lane=" + rig.lane() + "&ccrn=" + ccrn)).contains("DECIDED"));
        assertFalse(
                actions(audit("account=" + shipper.id() + "&bundle=" + bundleId))
                        .contains("DECIDED"),
                "filters combine: the lane's decision does not name the shipper");
    }

    @Test
    void aTimeRangeAndPagesBringEveryEntryOnceAndNothingOutsideTheRange() {
        String first = lodge("EXPORT");
        Instant from = clock.instant();
        clock.advance(java.time.Duration.ofMinutes(1));
        Set<String> lodgedInRange = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            lodgedInRange.add(lodge("EXPORT"));
        }
        clock.advance(java.time.Duration.ofMinutes(1));
        Instant to = clock.instant();
        clock.advance(java.time.Duration.ofMinutes(1));
        String after = lodge("EXPORT");

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = api.get(
                            "/api/v1/audit?account=" + shipper.id() + "&from=" + from.plusSeconds(30) + "&to=" + to
                                    + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                            supervisor.token())
                    .expect(200)
                    .json();
            for (Object o : page.getJsonArray("entries")) {
                JsonObject e = (JsonObject) o;
                if ("CONSIGNMENT_LODGED".equals(e.getString("action"))) {
                    assertTrue(seen.add(e.getString("subject")), "no entry twice: " + e);
                }
            }
            cursor = page.getString("next");
            assertTrue(++pages < 20, "paging ends");
        } while (cursor != null);
        assertEquals(lodgedInRange, seen);
        assertFalse(seen.contains(first));
        assertFalse(seen.contains(after));
    }

    @Test
    void onlySupervisorsAndTheAdministratorReadIt() {
        api.get("/api/v1/audit", api.adminToken()).expect(200);
        api.get("/api/v1/audit", officer.token()).expect(403);
        api.get("/api/v1/audit", shipper.token()).expect(403);
        api.get("/api/v1/audit", trucker.token()).expect(403);
        api.get("/api/v1/audit", null).expect(401);
    }

    @Test
    void aBadFilterIsA400NamingIt() {
        String token = supervisor.token();
        api.get("/api/v1/audit?ccrn=1234", token).problemNaming(400, "ccrn");
        api.get("/api/v1/audit?vehicle=" + "%21%21", token).problemNaming(400, "vehicle");
        api.get("/api/v1/audit?from=yesterday", token).problemNaming(400, "from");
        api.get("/api/v1/audit?to=2026-13-01", token).problemNaming(400, "to");
        api.get("/api/v1/audit?from=2026-12-02&to=2026-12-01", token).problemNaming(400, "to");
        // Times a log's epoch milliseconds cannot hold, and years ISO-8601 does not write with four digits.
        api.get("/api/v1/audit?from=%2B292278995-01-01T00:00:00Z", token).problemNaming(400, "from");
        api.get("/api/v1/audit?to=-999999999-01-01T00:00:00Z", token).problemNaming(400, "to");
        api.get("/api/v1/audit?from=-999999999-01-01", token).problemNaming(400, "from");
        api.get("/api/v1/audit?to=%2B10000-01-01", token).problemNaming(400, "to");
        api.get("/api/v1/audit?from=0000-01-01&to=9999-12-31T23:59:59-14:00", token)
                .expect(200);
        api.get("/api/v1/audit?lane=NOWHERE-1", token).problemNaming(400, "lane");
        api.get("/api/v1/audit?from=2026-12-01&from=2026-12-02", token).problemNaming(400, "from");
        api.get("/api/v1/audit?limit=0", token).problemNaming(400, "limit");
        api.get("/api/v1/audit?limit=many", token).problemNaming(400, "limit");
        api.get("/api/v1/audit?cursor=registry.x", token).problemNaming(400, "cursor");
        api.get("/api/v1/audit?colour=red", token).problemNaming(400, "colour");
        JsonObject both = api.get("/api/v1/audit?ccrn=1&limit=0", token).problem(400);
        assertTrue(
                ApiResponse.fields(both).containsAll(List.of("ccrn", "limit")), "every bad filter is named: " + both);
    }
}
