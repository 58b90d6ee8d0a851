package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Health, metrics, settings, and what the router says about routes that do not exist. */
class SystemApiTest extends EngineHarness {

    @Test
    void healthNeedsNoAuth() {
        ApiResponse health = api.get("/health", null).expect(200);
        assertEquals("UP", health.json().getString("status"));
        assertEquals(0, health.json().getJsonArray("storesFilling").size(), "no store is near full: " + health.body());
        assertEquals(null, health.json().getValue("storeFull"));
    }

    @Test
    void metricsArePrometheusText() {
        api.get("/health", null).expect(200);
        ApiResponse metrics = api.get("/metrics", null).expect(200);
        assertTrue(metrics.contentType().startsWith("text/plain"), metrics.contentType());
        assertTrue(metrics.body().contains("seamless_store_entries"), "store gauges missing");
        assertTrue(
                metrics.body().contains("seamless_store_fill_ratio{store=\"accounts\"}"), "store fill gauges missing");
        assertTrue(metrics.body().contains("seamless_registry_refused_writes"), "refused writes gauge missing");
        assertTrue(metrics.body().contains("# TYPE seamless_store_entries gauge"), "not Prometheus exposition format");
        assertTrue(
                metrics.body()
                        .lines()
                        .anyMatch(l -> l.startsWith("seamless_store_entries{") && l.contains("store=\"consignments\"")),
                "a gauge per store");
    }

    @Test
    void storeGaugeCountsConsignments() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        double before = consignmentGauge();
        api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
        api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
        assertEquals(before + 2, consignmentGauge(), 0.0001);
    }

    private double consignmentGauge() {
        String line = api.get("/metrics", null)
                .expect(200)
                .body()
                .lines()
                .filter(l -> l.startsWith("seamless_store_entries{") && l.contains("store=\"consignments\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no consignments gauge"));
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void settingsNeedAuthAndListTheControlPoints() {
        api.get("/api/v1/settings", null).problem(401);
        api.get("/api/v1/settings", "sl_bogus").problem(401);
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        JsonObject settings =
                api.get("/api/v1/settings", trucker.token()).expect(200).json();
        assertEquals("PT30M", settings.getString("bundlingLead"));
        assertEquals("P14D", settings.getString("lodgementWindow"));
        JsonArray controlPoints = settings.getJsonArray("controlPoints");
        assertNotNull(controlPoints, settings.encode());
        assertEquals(6, controlPoints.size(), settings.encode());
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < controlPoints.size(); i++) {
            JsonObject cp = controlPoints.getJsonObject(i);
            codes.add(cp.getString("code"));
            assertFalse(cp.getString("name", "").isBlank(), cp.encode());
            JsonArray lanes = cp.getJsonArray("lanes");
            assertNotNull(lanes, cp.encode());
            assertFalse(lanes.isEmpty(), cp.encode());
            boolean in = false;
            boolean out = false;
            for (int j = 0; j < lanes.size(); j++) {
                JsonObject lane = lanes.getJsonObject(j);
                assertTrue(lane.getString("id").startsWith(cp.getString("code") + "-"), lane.encode());
                in |= "IMPORT".equals(lane.getString("direction"));
                out |= "EXPORT".equals(lane.getString("direction"));
            }
            assertTrue(in && out, "lanes both ways at " + cp.getString("code"));
        }
        assertEquals(Set.of("LMC", "MKT", "STK", "SBC", "HZM", "HYW"), codes);
        for (String role : List.of("SHIPPER", "OFFICER")) {
            api.get("/api/v1/settings", api.newAccount(role).token()).expect(200);
        }
    }

    @Test
    void unknownRouteIs404ProblemJson() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.get("/api/v1/no-such-thing", shipper.token()).problem(404);
        api.get("/api/v2/consignments", null).problem(404);
        api.get("/nothing-here", null).problem(404);
        api.post("/api/v1/teleport", shipper.token(), new JsonObject()).problem(404);
    }

    @Test
    void wrongMethodIsAClientErrorProblem() {
        ApiResponse response =
                api.send("PATCH", "/api/v1/consignments", null, "application/json", TradeApiClient.bytes("{}"));
        assertTrue(response.status() == 404 || response.status() == 405, response.describe());
        response.problem(response.status());
    }
}
