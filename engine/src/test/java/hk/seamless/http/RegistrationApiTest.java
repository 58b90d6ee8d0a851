package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration, approval, rejection, suspension, tokens and portal sessions. */
class RegistrationApiTest extends EngineHarness {

    private static final String PASSWORD = "correct horse battery staple";
    /** A suspension says why: the reason goes into the journal with who and when. */
    private static final JsonObject REASON = new JsonObject().put("reason", "licence under review");

    @Test
    void registrationIsPendingAndApprovalGivesTheTokenOnce() {
        String email = TradeApiClient.uniqueEmail("shipper");
        ApiResponse registered = api.register("SHIPPER", email, null).expect(202);
        JsonObject registration = registered.json();
        assertEquals("PENDING", registration.getString("status"));
        String id = registration.getString("registrationId");
        assertNotNull(id);

        JsonObject approval = api.approve(id).expect(200).json();
        assertEquals(id, approval.getString("accountId"));
        assertEquals("SHIPPER", approval.getString("role"));
        String token = approval.getString("token");
        assertNotNull(token);
        assertFalse(token.isBlank());

        // The token works at once.
        JsonObject me = api.get("/api/v1/accounts/me", token).expect(200).json();
        assertEquals(id, me.getString("accountId"));
        assertEquals("ACTIVE", me.getString("status"));
        assertEquals(email, me.getString("email"));

        // Shown once: a second approval is a conflict and carries no token.
        ApiResponse again = api.approve(id);
        JsonObject problem = again.problem(409);
        assertNull(problem.getString("token"));
        assertFalse(again.body().contains(token), "the token must never be shown a second time");
    }

    @Test
    void rejectedRegistrationGetsNoToken() {
        String id = api.register("TRUCKER", TradeApiClient.uniqueEmail("trucker"), null)
                .expect(202)
                .json()
                .getString("registrationId");
        JsonObject rejected = api.post(
                        "/api/v1/admin/registrations/" + id + "/reject", api.adminToken(), new JsonObject())
                .expect(200)
                .json();
        assertEquals("REJECTED", rejected.getString("status"));
        api.approve(id).problem(409);
        api.post("/api/v1/admin/registrations/" + id + "/reject", api.adminToken(), new JsonObject())
                .problem(409);
    }

    @Test
    void rejectedApplicantMayRegisterAgainWithTheSameAddress() {
        String email = TradeApiClient.uniqueEmail("again");
        String first = api.register("SHIPPER", email, null).expect(202).json().getString("registrationId");
        api.post("/api/v1/admin/registrations/" + first + "/reject", api.adminToken(), new JsonObject())
                .expect(200);
        String second = api.register("SHIPPER", email, null).expect(202).json().getString("registrationId");
        assertNotEquals(first, second);
        assertNotNull(api.approve(second).expect(200).json().getString("token"));
    }

    @Test
    void adminCannotBeSuspended() {
        api.post("/api/v1/admin/accounts/admin/suspend", api.adminToken(), REASON)
                .problem(409);
        api.get("/api/v1/accounts/me", api.adminToken()).expect(200);
    }

    @Test
    void unknownRegistrationIsNotFound() {
        api.approve("R000000000000000000000000").problem(404);
    }

    @Test
    void onlyAnAdminApproves() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String id = api.register("SHIPPER", TradeApiClient.uniqueEmail("pending"), null)
                .expect(202)
                .json()
                .getString("registrationId");
        api.post("/api/v1/admin/registrations/" + id + "/approve", shipper.token(), new JsonObject())
                .problem(403);
        api.post("/api/v1/admin/registrations/" + id + "/reject", shipper.token(), new JsonObject())
                .problem(403);
        api.post("/api/v1/admin/accounts/" + shipper.id() + "/suspend", shipper.token(), new JsonObject())
                .problem(403);
        // Still pending: the refused call changed nothing, so the admin can approve it now.
        assertNotNull(api.approve(id).expect(200).json().getString("token"));
    }

    @Test
    void missingOrBadTokenIs401ProblemJson() {
        ApiResponse missing = api.get("/api/v1/accounts/me", null);
        missing.problem(401);
        assertNotNull(missing.header("WWW-Authenticate"), "a 401 should say how to authenticate");
        api.get("/api/v1/accounts/me", "sl_this-is-not-a-token").problem(401);
        api.send("GET", "/api/v1/accounts/me", null, null, null, "Authorization", "Basic dXNlcjpwYXNz")
                .problem(401);
        api.lodgeRaw(null, TradeApiClient.packaged("IMPORT", today().plusDays(3)))
                .problem(401);
        api.send("POST", "/api/v1/admin/registrations/R0/approve", null, "application/json", TradeApiClient.bytes("{}"))
                .problem(401);
        api.send(
                        "POST",
                        "/api/v1/admin/registrations/R0/approve",
                        "wrong-admin-token",
                        "application/json",
                        TradeApiClient.bytes("{}"))
                .problem(401);
    }

    @Test
    void pendingRegistrationCannotLogIn() {
        String email = TradeApiClient.uniqueEmail("pending");
        api.register("SHIPPER", email, PASSWORD).expect(202);
        ApiResponse login = api.post(
                "/api/v1/sessions", null, new JsonObject().put("email", email).put("password", PASSWORD));
        assertTrue(login.status() == 401 || login.status() == 403, login.describe());
        assertNull(login.header("Set-Cookie"), "no session for a pending account");
    }

    @Test
    void suspendedAccountIsRefusedAtOnce() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "IMPORT", today().plusDays(2));
        api.get("/api/v1/accounts/me", shipper.token()).expect(200);

        JsonObject suspended = api.post("/api/v1/admin/accounts/" + shipper.id() + "/suspend", api.adminToken(), REASON)
                .expect(200)
                .json();
        assertEquals("SUSPENDED", suspended.getString("status"));

        api.get("/api/v1/accounts/me", shipper.token()).problem(403);
        api.get("/api/v1/consignments/" + ccrn, shipper.token()).problem(403);
        api.lodgeRaw(shipper.token(), TradeApiClient.packaged("IMPORT", today().plusDays(2)))
                .problem(403);
        api.delete("/api/v1/consignments/" + ccrn, shipper.token()).problem(403);
        // Its consignment was not touched by the refused cancel.
        TradeApiClient.Account officer = api.newAccount("OFFICER");
        assertEquals("LODGED", api.consignment(officer.token(), ccrn).getString("status"));
        // Suspending twice is a conflict, not a success.
        api.post("/api/v1/admin/accounts/" + shipper.id() + "/suspend", api.adminToken(), REASON)
                .problem(409);
    }

    @Test
    void suspendedAccountSessionIsRefusedToo() {
        String email = TradeApiClient.uniqueEmail("agent");
        String id = api.register("AGENT", email, PASSWORD).expect(202).json().getString("registrationId");
        api.approve(id).expect(200);
        String cookie = sessionCookie(login(email, PASSWORD).expect(200));
        api.send("GET", "/api/v1/accounts/me", null, null, null, "Cookie", cookie)
                .expect(200);
        api.post("/api/v1/admin/accounts/" + id + "/suspend", api.adminToken(), REASON)
                .expect(200);
        api.send("GET", "/api/v1/accounts/me", null, null, null, "Cookie", cookie)
                .problem(403);
        ApiResponse again = login(email, PASSWORD);
        assertTrue(again.status() == 401 || again.status() == 403, again.describe());
    }

    @Test
    void duplicateEmailIsConflict() {
        String email = TradeApiClient.uniqueEmail("dup");
        api.register("SHIPPER", email, null).expect(202);
        api.register("AGENT", email, null).problemNaming(409, "email");
        // E-mail addresses compare without regard to case.
        api.register("SHIPPER", email.toUpperCase(), null).problem(409);
    }

    @Test
    void invalidRegistrationNamesTheField() {
        // A trailing dot names the same domain: it would make a second account of one address.
        for (String email : List.of("not-an-address", "kim@ex.example.")) {
            api.post(
                            "/api/v1/registrations",
                            null,
                            new JsonObject()
                                    .put("role", "SHIPPER")
                                    .put("name", "X Ltd")
                                    .put("email", email))
                    .problemNaming(400, "email");
        }
        api.post(
                        "/api/v1/registrations",
                        null,
                        new JsonObject()
                                .put("role", "ADMIN")
                                .put("name", "X Ltd")
                                .put("email", TradeApiClient.uniqueEmail("admin")))
                .problemNaming(400, "role");
        api.post(
                        "/api/v1/registrations",
                        null,
                        new JsonObject()
                                .put("role", "SHIPPER")
                                .put("name", "X Ltd")
                                .put("email", TradeApiClient.uniqueEmail("short"))
                                .put("password", "short"))
                .problemNaming(400, "password");
    }

    @Test
    void passwordLoginGivesASessionCookieThatWorksAndLogoutEndsIt() {
        String email = TradeApiClient.uniqueEmail("portal");
        String id = api.register("SHIPPER", email, PASSWORD).expect(202).json().getString("registrationId");
        api.approve(id).expect(200);

        api.post("/api/v1/sessions", null, new JsonObject().put("email", email).put("password", PASSWORD + "x"))
                .problem(401);
        api.post(
                        "/api/v1/sessions",
                        null,
                        new JsonObject()
                                .put("email", TradeApiClient.uniqueEmail("nobody"))
                                .put("password", PASSWORD))
                .problem(401);

        // E-mail addresses are matched without regard to case.
        ApiResponse login = login(email.toUpperCase(), PASSWORD).expect(200);
        assertEquals(id, login.json().getString("accountId"));
        String setCookie = login.header("Set-Cookie");
        assertNotNull(setCookie, "login must set a session cookie");
        assertTrue(setCookie.toLowerCase().contains("httponly"), "session cookie should be HttpOnly: " + setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
        assertFalse(setCookie.toLowerCase().contains("secure"), "plain HTTP: a Secure cookie would never come back");
        // Behind a TLS-terminating proxy the cookie is Secure: never sent over plain HTTP.
        String viaProxy = api.send(
                        "POST",
                        "/api/v1/sessions",
                        null,
                        "application/json",
                        TradeApiClient.bytes(new JsonObject()
                                .put("email", email)
                                .put("password", PASSWORD)
                                .encode()),
                        "X-Forwarded-Proto",
                        "https")
                .expect(200)
                .header("Set-Cookie");
        assertTrue(viaProxy.toLowerCase().contains("; secure"), viaProxy);
        String cookie = sessionCookie(login);

        JsonObject me = api.send("GET", "/api/v1/accounts/me", null, null, null, "Cookie", cookie)
                .expect(200)
                .json();
        assertEquals(id, me.getString("accountId"));
        assertEquals("SHIPPER", me.getString("role"));
        // The session acts for the account: it can lodge, from the engine's own pages (their Origin).
        String origin = "http://127.0.0.1:" + engine.port();
        api.send(
                        "POST",
                        "/api/v1/consignments",
                        null,
                        "application/json",
                        TradeApiClient.bytes(TradeApiClient.packaged("EXPORT", today().plusDays(1))
                                .encode()),
                        "Cookie",
                        cookie,
                        "Origin",
                        origin)
                .expect(201);

        api.send("DELETE", "/api/v1/sessions/current", null, null, null, "Cookie", cookie, "Origin", origin)
                .expect(204);
        api.send("GET", "/api/v1/accounts/me", null, null, null, "Cookie", cookie)
                .problem(401);
    }

    @Test
    void sessionExpires() {
        String email = TradeApiClient.uniqueEmail("expiry");
        String id = api.register("TRUCKER", email, PASSWORD).expect(202).json().getString("registrationId");
        api.approve(id).expect(200);
        String cookie = sessionCookie(login(email, PASSWORD).expect(200));
        clock.advance(Duration.ofHours(11));
        api.send("GET", "/api/v1/accounts/me", null, null, null, "Cookie", cookie)
                .expect(200);
        clock.advance(Duration.ofHours(2));
        api.send("GET", "/api/v1/accounts/me", null, null, null, "Cookie", cookie)
                .problem(401);
    }

    @Test
    void tokensAreDistinctPerAccount() {
        TradeApiClient.Account a = api.newAccount("SHIPPER");
        TradeApiClient.Account b = api.newAccount("SHIPPER");
        assertNotEquals(a.token(), b.token());
        assertNotEquals(a.id(), b.id());
        assertEquals(
                b.id(),
                api.get("/api/v1/accounts/me", b.token()).expect(200).json().getString("accountId"));
    }

    private ApiResponse login(String email, String password) {
        return api.post(
                "/api/v1/sessions", null, new JsonObject().put("email", email).put("password", password));
    }

    /** "name=value" of the Set-Cookie header, ready for a Cookie header. */
    private static String sessionCookie(ApiResponse login) {
        String setCookie = login.header("Set-Cookie");
        assertNotNull(setCookie, login.describe());
        String pair = setCookie.split(";", 2)[0].trim();
        assertTrue(pair.startsWith("seamless_session=") && pair.length() > "seamless_session=".length(), setCookie);
        return pair;
    }
}
