package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin desk in a real Chromium: opened with the admin token only (a wrong one is refused),
 * a pending registration approved (its API token shown once, and the new agent then signs in with
 * their password), another rejected, a lane device registered (its token works at the lane's
 * gate), and staff accounts created from the desk (a supervisor who then signs in to the console
 * and keeps the risk settings; an officer whose first answer was lost, created once all the same).
 * The accounts list suspends, reinstates and rotates tokens, the devices list rotates and revokes:
 * each with a reason (AccountsDeskBrowserTest).
 */
class AdminBrowserTest extends EngineHarness {

    private static final String PASSWORD = "admin-desk-officer-1";

    private static final String STAFF_PASSWORD = "risk-desk-supervisor-1";

    /**
     * Records the page's calls to the engine (path, method, Idempotency-Key) in
     * {@code window.seamlessCalls}; with {@code loseFirstAnswer} the first staff account reaches the
     * engine but its answer never comes back, as when the network drops on the way back.
     */
    private static void recordCalls(Browser browser, boolean loseFirstAnswer) {
        browser.script("""
                let lose = arguments[0];
                window.seamlessCalls = [];
                window.seamlessFetch = window.seamlessFetch || window.fetch;
                const real = window.seamlessFetch;
                window.fetch = async (path, init = {}) => {
                  const headers = init.headers || {};
                  window.seamlessCalls.push({ path: String(path), method: init.method || 'GET', key: headers['Idempotency-Key'] || null });
                  const answer = await real(path, init);
                  if (lose && String(path) === '/api/v1/admin/accounts' && init.method === 'POST') {
                    lose = false;
                    throw new TypeError('Failed to fetch');
                  }
                  return answer;
                };""", loseFirstAnswer);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> calls(Browser browser) {
        return (List<Map<String, Object>>) browser.script("return window.seamlessCalls");
    }

    /** The ACTIVE accounts with this e-mail address, as the engine lists them. */
    private JsonArray active(String email) {
        JsonArray all = api.get("/api/v1/admin/registrations?status=ACTIVE", api.adminToken())
                .expect(200)
                .json()
                .getJsonArray("registrations");
        JsonArray found = new JsonArray();
        all.stream()
                .map(JsonObject.class::cast)
                .filter(r -> email.equals(r.getString("email")))
                .forEach(found::add);
        return found;
    }

    private static String rowCss(String registrationId) {
        return "tr[data-registration='" + registrationId + "']";
    }

    private static WebElement within(WebElement scope, String buttonText) {
        return scope.findElement(By.xpath(".//button[normalize-space(.)=" + Browser.literal(buttonText) + "]"));
    }

    @Test
    void theAdminApprovesAndRejectsRegistrationsAndRegistersADevice() {
        String email = TradeApiClient.uniqueEmail("desk-agent");
        String approveId =
                api.register("AGENT", email, PASSWORD).expect(202).json().getString("registrationId");
        String rejectEmail = TradeApiClient.uniqueEmail("desk-shipper");
        String rejectId = api.register("SHIPPER", rejectEmail, "shipper-pass-123")
                .expect(202)
                .json()
                .getString("registrationId");

        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.type("Admin token", "not-the-admin-token").click("Open the desk");
            browser.awaitText("#admin-token-error", "This is not the admin token.");
            assertEquals("password", browser.field("Admin token").getAttribute("type"), "the token is typed unseen");
            browser.screenshot("admin-token-refused");

            browser.type("Admin token", api.adminToken()).click("Open the desk");
            browser.awaitText(rowCss(approveId), email);
            browser.awaitText(rowCss(approveId), "Agent");
            browser.awaitText(rowCss(rejectId), rejectEmail);
            browser.screenshot("admin-registrations");

            within(browser.shown(rowCss(approveId)), "Approve").click();
            WebElement approval = browser.awaitText("#approval", "Approved: Agent Test Ltd (Agent)");
            browser.awaitText("#approval", "system-to-system");
            browser.awaitText("#approval", "password");
            String token = approval.findElement(By.cssSelector("code.secret"))
                    .getText()
                    .strip();
            assertTrue(token.length() >= 20, "the API token is shown in full: " + token);
            JsonObject me = api.get("/api/v1/accounts/me", token).expect(200).json();
            assertEquals("AGENT", me.getString("role"));
            assertEquals(email, me.getString("email"));
            browser.await(
                    d -> d.findElements(By.cssSelector(rowCss(approveId))).isEmpty() ? Boolean.TRUE : null,
                    "the approved registration to leave the queue");
            browser.screenshot("admin-approved");

            within(browser.shown(rowCss(rejectId)), "Reject").click();
            within(browser.shown(rowCss(rejectId)), "Yes, reject").click();
            browser.awaitText("#registrations-done", "Rejected the registration of Shipper Test Ltd.");
            JsonObject rejected = api.get("/api/v1/admin/registrations?status=REJECTED", api.adminToken())
                    .expect(200)
                    .json();
            assertTrue(rejected.encode().contains(rejectId), rejected.encode());

            browser.select("Lane", "MKT-N-02 (export)");
            browser.select("Device kind", "Gate controller");
            browser.click("Register device");
            WebElement device = browser.awaitText("#device-result", "Registered: Gate controller at lane MKT-N-02");
            String deviceToken =
                    device.findElement(By.cssSelector("code.secret")).getText().strip();
            try (LaneTestClient.Socket gate = new LaneTestClient(engine.port(), api).gate("MKT-N-02", deviceToken)) {
                assertTrue(gate.seen().isEmpty(), "the gate connects with the token the desk showed");
            }
            browser.screenshot("admin-device");

            browser.click("繁體中文");
            browser.awaitText("#devices h2", "登記車道裝置");
            browser.awaitText("#device-result", "閘口控制器");
            browser.awaitText(".masthead", "管理員權杖");
            browser.screenshot("admin-zh");

            assertEquals(List.of(), browser.scriptErrors());
            // The approved agent signs in with the password of the registration.
            api.post(
                            "/api/v1/sessions",
                            null,
                            new JsonObject().put("email", email).put("password", PASSWORD))
                    .expect(200);
        }
    }

    @Test
    void theTokenIsKeptForTheTabOnlyAndLockingForgetsIt() {
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.type("Admin token", api.adminToken()).click("Open the desk");
            browser.awaitText("#devices", "Register a lane device");
            browser.go("/admin/");
            browser.awaitText("#devices", "Register a lane device");
            assertEquals(api.adminToken(), browser.script("return sessionStorage.getItem('seamless.adminToken')"));
            assertEquals(null, browser.script("return localStorage.getItem('seamless.adminToken')"));
            browser.click("Sign out");
            browser.field("Admin token");
            assertEquals(null, browser.script("return sessionStorage.getItem('seamless.adminToken')"));
            assertEquals(List.of(), browser.scriptErrors());
        }
    }

    @Test
    void theAdminCreatesASupervisorWhoThenKeepsTheRiskSettings() {
        String taken = TradeApiClient.uniqueEmail("desk-taken");
        api.register("SHIPPER", taken, "shipper-pass-123").expect(202);
        String email = TradeApiClient.uniqueEmail("desk-supervisor");
        String name = "Chan Tai Man";

        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.type("Admin token", api.adminToken()).click("Open the desk");
            browser.awaitText("#staff h2", "Create a staff account");
            assertEquals(
                    List.of("", "OFFICER", "SUPERVISOR"),
                    browser.field("Role").findElements(By.tagName("option")).stream()
                            .map(o -> o.getAttribute("value"))
                            .toList(),
                    "the desk offers the two staff roles and no trader role");

            // A confirmation that differs is caught beside its field, and nothing is sent.
            recordCalls(browser, false);
            browser.select("Role", "Supervisor");
            browser.type("Name", name);
            browser.type("E-mail address", taken);
            browser.type("Telephone", "+852 2345 6789");
            browser.type("Initial password", STAFF_PASSWORD);
            browser.type("Confirm the password", STAFF_PASSWORD + "x");
            browser.click("Create account");
            browser.awaitText("#staff-password2-error", "The two passwords are not the same.");
            assertEquals("true", browser.field("Confirm the password").getAttribute("aria-invalid"));
            assertEquals(
                    browser.field("Confirm the password"),
                    browser.driver().switchTo().activeElement(),
                    "the focus goes to the field at fault");
            assertEquals(List.of(), calls(browser), "nothing reaches the engine while the form has a slip");

            // Only the engine knows the address is taken: it says so, and the desk puts it beside the e-mail field.
            browser.type("Confirm the password", STAFF_PASSWORD);
            browser.click("Create account");
            browser.awaitText("#staff-email-error", "An account with this e-mail address is already registered.");
            assertEquals("true", browser.field("E-mail address").getAttribute("aria-invalid"));
            assertEquals(
                    null,
                    browser.field("Confirm the password").getAttribute("aria-invalid"),
                    "the earlier slip is cleared");
            assertEquals(
                    browser.field("E-mail address"), browser.driver().switchTo().activeElement());
            browser.screenshot("admin-staff-taken");

            // A double press sends one account, with an Idempotency-Key.
            browser.script("window.seamlessCalls.length = 0");
            browser.type("E-mail address", email);
            browser.script(
                    "const form = document.getElementById('staff-form'); form.requestSubmit(); form.requestSubmit();");
            WebElement result = browser.awaitText("#staff-result", "Account created: " + name + " (Supervisor)");
            browser.awaitText(
                    "#staff-result",
                    name + " can now sign in to the lane console at /console/ with this e-mail and password.");
            browser.awaitText("#staff-result", email);
            assertFalse(browser.pageText().contains(STAFF_PASSWORD), "the password is not shown again");
            for (String id : List.of("staff-name", "staff-email", "staff-phone", "staff-password", "staff-password2")) {
                assertEquals("", browser.driver().findElement(By.id(id)).getAttribute("value"), id + " is cleared");
            }
            List<Map<String, Object>> sent = calls(browser);
            assertEquals(
                    1,
                    sent.stream()
                            .filter(c ->
                                    "/api/v1/admin/accounts".equals(c.get("path")) && "POST".equals(c.get("method")))
                            .count(),
                    "one account for a double press: " + sent);
            assertEquals(
                    0,
                    sent.stream()
                            .filter(c -> ((String) c.get("path")).startsWith("/api/v1/registrations"))
                            .count(),
                    "staff never go through the public registration: " + sent);
            sent.stream()
                    .filter(c -> "POST".equals(c.get("method")))
                    .forEach(c -> assertTrue(
                            c.get("key") instanceof String key && !key.isBlank(), "an Idempotency-Key on " + c));
            JsonArray accounts = active(email);
            assertEquals(1, accounts.size(), accounts.encode());
            assertEquals("SUPERVISOR", accounts.getJsonObject(0).getString("role"));
            assertEquals(name, accounts.getJsonObject(0).getString("name"));
            assertEquals("+852 2345 6789", accounts.getJsonObject(0).getString("phone"));
            browser.script("document.getElementById('staff').scrollIntoView()");
            browser.screenshot("admin-staff");

            browser.click("繁體中文");
            browser.awaitText("#staff h2", "建立職員帳戶");
            browser.awaitText("#staff-result", "已建立帳戶：" + name + "（督察）");
            browser.awaitText("#staff-result", "現可使用此電郵地址及密碼");
            browser.script("document.getElementById('staff').scrollIntoView()");
            browser.screenshot("admin-staff-zh");
            browser.click("English");
            browser.awaitText("#staff-result", "Account created");

            // The supervisor follows the link and signs in to the console with that e-mail and password.
            WebElement link = result.findElement(By.linkText("/console/"));
            assertTrue(link.getAttribute("href").endsWith("/console/"), link.getAttribute("href"));
            link.click();
            browser.type("E-mail", email).type("Password", STAFF_PASSWORD).click("Sign in");
            browser.awaitText("#connection", "Live");
            browser.awaitText(".masthead", name + " (Supervisor)");
            browser.click("Risk settings");
            browser.awaitText("#risk-view h1", "Risk settings");
            browser.awaitText("#rates-rows", "Man Kam To");
            browser.shown("#watchlist-form");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }

    @Test
    void aStaffAccountWhoseAnswerWasLostIsMadeOnceWhenPressedAgain() {
        String email = TradeApiClient.uniqueEmail("desk-officer-lost");
        String name = "Wong Siu Ming";
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.type("Admin token", api.adminToken()).click("Open the desk");
            browser.awaitText("#staff h2", "Create a staff account");
            recordCalls(browser, true);
            browser.select("Role", "Officer");
            browser.type("Name", name);
            browser.type("E-mail address", email);
            browser.type("Initial password", PASSWORD);
            browser.type("Confirm the password", PASSWORD);
            browser.click("Create account");
            browser.awaitText("#staff-form .form-errors", "Cannot reach the engine.");
            // Pressed again with the same form: the same key, which the engine recognises.
            browser.click("Create account");
            browser.awaitText("#staff-result", "Account created: " + name + " (Officer)");
            assertFalse(browser.pageText().contains(PASSWORD), "the password is not shown again");
            List<Map<String, Object>> sent = calls(browser).stream()
                    .filter(c -> "/api/v1/admin/accounts".equals(c.get("path")) && "POST".equals(c.get("method")))
                    .toList();
            assertEquals(2, sent.size(), sent.toString());
            assertEquals(sent.get(0).get("key"), sent.get(1).get("key"), "the retry carries the same Idempotency-Key");
            assertEquals(1, active(email).size());
            browser.awaitText("#account-rows", email);
            assertEquals(List.of(), browser.scriptErrors());
        }
    }
}
