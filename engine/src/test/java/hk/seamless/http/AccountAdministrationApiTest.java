package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * The admin's hold on accounts and credentials: staff made only by the admin, the account list,
 * suspension and reinstatement with a reason, API and device tokens rotated and revoked, the
 * random-selection rates shown to staff only.
 */
class AccountAdministrationApiTest extends EngineHarness {

    private static final String PASSWORD = "harbour lights at dusk";

    private static JsonObject reason(String why) {
        return new JsonObject().put("reason", why);
    }

    @Test
    void staffComeOnlyFromTheAdmin() {
        for (String role : new String[] {"OFFICER", "SUPERVISOR"}) {
            JsonObject problem = api.register(role, TradeApiClient.uniqueEmail("self-" + role.toLowerCase()), PASSWORD)
                    .problemNaming(400, "role");
            assertTrue(problem.encode().contains("created by an admin"), problem.encode());
        }
        String email = TradeApiClient.uniqueEmail("officer");
        ApiResponse created = api.createStaff("OFFICER", email, PASSWORD).expect(201);
        JsonObject body = created.json();
        assertEquals("OFFICER", body.getString("role"));
        assertEquals("ACTIVE", body.getString("status"));
        assertNotNull(created.header("Location"));
        String token = body.getString("token");
        assertEquals(
                "OFFICER",
                api.get("/api/v1/accounts/me", token).expect(200).json().getString("role"));
        api.post("/api/v1/sessions", null, new JsonObject().put("email", email).put("password", PASSWORD))
                .expect(200);

        // Only the admin, only staff roles, a password required, an address once.
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        api.post(
                        "/api/v1/admin/accounts",
                        shipper.token(),
                        new JsonObject()
                                .put("role", "OFFICER")
                                .put("name", "X")
                                .put("email", TradeApiClient.uniqueEmail("x"))
                                .put("password", PASSWORD))
                .problem(403);
        api.createStaff("SHIPPER", TradeApiClient.uniqueEmail("trader"), PASSWORD)
                .problemNaming(400, "role");
        api.post(
                        "/api/v1/admin/accounts",
                        api.adminToken(),
                        new JsonObject()
                                .put("role", "OFFICER")
                                .put("name", "No Password")
                                .put("email", TradeApiClient.uniqueEmail("nopw")))
                .problemNaming(400, "password");
        api.createStaff("SUPERVISOR", email, PASSWORD).problemNaming(409, "email");
    }

    @Test
    void theListShowsAccountsByRoleAndStatusAndASuspensionIsReinstatedWithItsReason() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        api.post("/api/v1/admin/accounts/" + trucker.id() + "/suspend", api.adminToken(), new JsonObject())
                .problemNaming(400, "reason");
        JsonObject suspended = api.post(
                        "/api/v1/admin/accounts/" + trucker.id() + "/suspend",
                        api.adminToken(),
                        reason("vehicle permits lapsed"))
                .expect(200)
                .json();
        assertEquals("SUSPENDED", suspended.getString("status"));
        assertEquals("vehicle permits lapsed", suspended.getString("statusReason"));
        assertEquals("admin", suspended.getString("decidedBy"));
        api.get("/api/v1/accounts/me", trucker.token()).problem(403);

        JsonArray listed = api.get("/api/v1/admin/accounts?role=TRUCKER&status=SUSPENDED", api.adminToken())
                .expect(200)
                .json()
                .getJsonArray("accounts");
        assertTrue(
                listed.stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(a -> a.getString("accountId").equals(trucker.id())
                                && "vehicle permits lapsed".equals(a.getString("statusReason"))),
                listed.encode());
        assertTrue(
                listed.stream()
                        .map(JsonObject.class::cast)
                        .allMatch(a -> a.getString("role").equals("TRUCKER")
                                && a.getString("status").equals("SUSPENDED")),
                listed.encode());
        JsonArray officers = api.get("/api/v1/admin/accounts?role=OFFICER", api.adminToken())
                .expect(200)
                .json()
                .getJsonArray("accounts");
        assertFalse(officers.encode().contains(trucker.id()));
        api.get("/api/v1/admin/accounts?status=ASLEEP", api.adminToken()).problemNaming(400, "status");
        api.get("/api/v1/admin/accounts", trucker.token()).problem(403);

        JsonObject back = api.post(
                        "/api/v1/admin/accounts/" + trucker.id() + "/reinstate",
                        api.adminToken(),
                        reason("permits renewed"))
                .expect(200)
                .json();
        assertEquals("ACTIVE", back.getString("status"));
        api.get("/api/v1/accounts/me", trucker.token()).expect(200);
        api.post("/api/v1/admin/accounts/" + trucker.id() + "/reinstate", api.adminToken(), reason("again"))
                .problem(409);
        api.post("/api/v1/admin/accounts/R000000000000000000000000/reinstate", api.adminToken(), reason("x"))
                .problem(404);

        // The audit trail (the journal) says who did it, when, and why.
        String journal = journalText();
        assertTrue(
                journal.contains("{\"action\":\"ACCOUNT_SUSPENDED\",\"subject\":\"" + trucker.id()
                        + "\",\"detail\":\"TRUCKER: vehicle permits lapsed\"}"),
                "suspension with its reason in the journal");
        assertTrue(
                journal.contains("{\"action\":\"ACCOUNT_REINSTATED\",\"subject\":\"" + trucker.id()
                        + "\",\"detail\":\"TRUCKER: permits renewed\"}"),
                "reinstatement with its reason in the journal");
    }

    private String journalText() {
        return hk.seamless.log.LogText.registry(engine.config().server().dataDir());
    }

    @Test
    void aRotatedApiTokenReplacesTheOldOneAndARevokedOneStopsWorking() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String path = "/api/v1/admin/accounts/" + shipper.id() + "/tokens";
        api.post(path, api.adminToken(), new JsonObject()).problemNaming(400, "reason");
        String rotated = api.post(path, api.adminToken(), reason("token seen in a shared spreadsheet"))
                .expect(200)
                .json()
                .getString("token");
        assertNotEquals(shipper.token(), rotated);
        api.get("/api/v1/accounts/me", shipper.token()).problem(401);
        api.get("/api/v1/accounts/me", rotated).expect(200);

        JsonObject revoked = api.send(
                        "DELETE",
                        path,
                        api.adminToken(),
                        "application/json",
                        TradeApiClient.bytes(reason("contract ended").encode()))
                .expect(200)
                .json();
        assertEquals(1, revoked.getInteger("revoked"));
        api.get("/api/v1/accounts/me", rotated).problem(401);
        assertTrue(
                journalText()
                        .contains("\"action\":\"TOKEN_ROTATED\",\"subject\":\"" + shipper.id()
                                + "\",\"detail\":\"1 revoked: token seen in a shared spreadsheet\""),
                "the rotation is in the journal");
        // A registration still pending has no token to rotate.
        String pending = api.register("AGENT", TradeApiClient.uniqueEmail("pending"), null)
                .expect(202)
                .json()
                .getString("registrationId");
        api.post("/api/v1/admin/accounts/" + pending + "/tokens", api.adminToken(), reason("x"))
                .problem(409);
    }

    @Test
    void deviceTokensAreRotatedAndDevicesRevoked() {
        LaneTestClient lane = new LaneTestClient(engine.port(), api);
        String old = lane.registerDevice("LMC-S-01", "CAMERA");
        assertTrue(lane.plateRead("LMC-S-01", old, "FU1234", 93.1).status() < 300);
        JsonArray devices = api.get("/api/v1/admin/devices", api.adminToken())
                .expect(200)
                .json()
                .getJsonArray("devices");
        JsonObject listed = devices.stream()
                .map(JsonObject.class::cast)
                .filter(d -> "LMC-S-01".equals(d.getString("lane"))
                        && "CAMERA".equals(d.getString("kind"))
                        && "ACTIVE".equals(d.getString("status")))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertFalse(devices.encode().contains("token"), "a device list never shows a token: " + devices.encode());
        String id = listed.getString("deviceId");

        JsonObject rotated = api.post(
                        "/api/v1/admin/devices/" + id + "/token", api.adminToken(), reason("camera replaced"))
                .expect(200)
                .json();
        String fresh = rotated.getString("token");
        assertNotEquals(old, fresh);
        lane.plateRead("LMC-S-01", old, "FU1234", 93.1).problem(401);
        assertTrue(lane.plateRead("LMC-S-01", fresh, "FU1234", 93.1).status() < 300);

        JsonObject revoked = api.send(
                        "DELETE",
                        "/api/v1/admin/devices/" + id,
                        api.adminToken(),
                        "application/json",
                        TradeApiClient.bytes(reason("camera stolen").encode()))
                .expect(200)
                .json();
        assertEquals("REVOKED", revoked.getString("status"));
        assertEquals("camera stolen", revoked.getString("revokeReason"));
        lane.plateRead("LMC-S-01", fresh, "FU1234", 93.1).problem(401);
        api.post("/api/v1/admin/devices/" + id + "/token", api.adminToken(), reason("again"))
                .problem(409);

        // A gate connected with its token is cut off when the token is revoked: a socket does not outlive it.
        String gateToken = lane.registerDevice("LMC-S-01", "GATE");
        String gateId =
                api.get("/api/v1/admin/devices", api.adminToken()).expect(200).json().getJsonArray("devices").stream()
                        .map(JsonObject.class::cast)
                        .filter(d -> "GATE".equals(d.getString("kind"))
                                && "LMC-S-01".equals(d.getString("lane"))
                                && "ACTIVE".equals(d.getString("status")))
                        .findFirst()
                        .orElseThrow()
                        .getString("deviceId");
        try (LaneTestClient.Socket gate = lane.gate("LMC-S-01", gateToken)) {
            api.send(
                            "DELETE",
                            "/api/v1/admin/devices/" + gateId,
                            api.adminToken(),
                            "application/json",
                            TradeApiClient.bytes(
                                    reason("gate controller replaced").encode()))
                    .expect(200);
            assertEquals(1008, gate.awaitClosed(java.time.Duration.ofSeconds(10)));
        }
        api.post("/api/v1/admin/devices/D000000000000000000000000/token", api.adminToken(), reason("x"))
                .problem(404);
        assertTrue(
                journalText()
                        .contains("\"action\":\"DEVICE_REVOKED\",\"subject\":\"" + id
                                + "\",\"detail\":\"CAMERA on LMC-S-01: camera stolen\""),
                "the revocation and its reason are in the journal");
    }

    @Test
    void randomInspectionRatesAreForStaffOnly() {
        TradeApiClient.Account supervisor = api.newAccount("SUPERVISOR");
        api.put("/api/v1/risk/random-rates/MKT", supervisor.token(), new JsonObject().put("rate", 0.0))
                .expect(200);
        for (String role : new String[] {"SHIPPER", "AGENT", "TRUCKER"}) {
            JsonObject settings = api.get(
                            "/api/v1/settings", api.newAccount(role).token())
                    .expect(200)
                    .json();
            assertFalse(
                    settings.encode().contains("randomInspectionRate"), role + " sees a rate: " + settings.encode());
            assertFalse(settings.getJsonArray("controlPoints").isEmpty(), "the lanes are still there");
        }
        for (String token :
                new String[] {supervisor.token(), api.newAccount("OFFICER").token(), api.adminToken()}) {
            JsonObject settings = api.get("/api/v1/settings", token).expect(200).json();
            JsonObject mkt = settings.getJsonArray("controlPoints").stream()
                    .map(JsonObject.class::cast)
                    .filter(cp -> "MKT".equals(cp.getString("code")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(0.0, mkt.getDouble("randomInspectionRate"), 1e-9);
            assertNotNull(settings.getDouble("randomInspectionRate"));
        }
    }
}
