package hk.seamless.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin desk in a real Chromium: opened with the admin token only (a wrong one is refused),
 * a pending registration approved (its API token shown once, and the new officer then signs in to
 * the console with their password), another rejected, and a lane device registered (its token
 * works at the lane's gate).
 */
class AdminBrowserTest extends EngineHarness {

    private static final String PASSWORD = "admin-desk-officer-1";

    private static String rowCss(String registrationId) {
        return "tr[data-registration='" + registrationId + "']";
    }

    private static WebElement within(WebElement scope, String buttonText) {
        return scope.findElement(By.xpath(".//button[normalize-space(.)=" + Browser.literal(buttonText) + "]"));
    }

    @Test
    void theAdminApprovesAndRejectsRegistrationsAndRegistersADevice() {
        String email = TradeApiClient.uniqueEmail("desk-officer");
        String approveId = api.register("OFFICER", email, PASSWORD).expect(202).json().getString("registrationId");
        String rejectEmail = TradeApiClient.uniqueEmail("desk-shipper");
        String rejectId = api.register("SHIPPER", rejectEmail, "shipper-pass-123").expect(202).json().getString("registrationId");

        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.type("Admin token", "not-the-admin-token").click("Open the desk");
            browser.awaitText("#admin-token-error", "This is not the admin token.");
            assertEquals("password", browser.field("Admin token").getAttribute("type"), "the token is typed unseen");
            browser.screenshot("admin-token-refused");

            browser.type("Admin token", api.adminToken()).click("Open the desk");
            browser.awaitText(rowCss(approveId), email);
            browser.awaitText(rowCss(approveId), "Officer");
            browser.awaitText(rowCss(rejectId), rejectEmail);
            browser.screenshot("admin-registrations");

            within(browser.shown(rowCss(approveId)), "Approve").click();
            WebElement approval = browser.awaitText("#approval", "Approved: Officer Test Ltd (Officer)");
            browser.awaitText("#approval", "system-to-system");
            browser.awaitText("#approval", "password");
            String token = approval.findElement(By.cssSelector("code.secret")).getText().strip();
            assertTrue(token.length() >= 20, "the API token is shown in full: " + token);
            JsonObject me = api.get("/api/v1/accounts/me", token).expect(200).json();
            assertEquals("OFFICER", me.getString("role"));
            assertEquals(email, me.getString("email"));
            browser.await(d -> d.findElements(By.cssSelector(rowCss(approveId))).isEmpty() ? Boolean.TRUE : null,
                    "the approved registration to leave the queue");
            browser.screenshot("admin-approved");

            within(browser.shown(rowCss(rejectId)), "Reject").click();
            within(browser.shown(rowCss(rejectId)), "Yes, reject").click();
            browser.awaitText("#registrations-done", "Rejected the registration of Shipper Test Ltd.");
            JsonObject rejected = api.get("/api/v1/admin/registrations?status=REJECTED", api.adminToken()).expect(200).json();
            assertTrue(rejected.encode().contains(rejectId), rejected.encode());

            browser.select("Lane", "MKT-N-02 (export)");
            browser.select("Device kind", "Gate controller");
            browser.click("Register device");
            WebElement device = browser.awaitText("#device-result", "Registered: Gate controller at lane MKT-N-02");
            String deviceToken = device.findElement(By.cssSelector("code.secret")).getText().strip();
            try (LaneTestClient.Socket gate = new LaneTestClient(engine.port(), api).gate("MKT-N-02", deviceToken)) {
                assertTrue(gate.seen().isEmpty(), "the gate connects with the token the desk showed");
            }
            browser.screenshot("admin-device");

            browser.click("繁體中文");
            browser.awaitText("#devices h2", "登記車道裝置");
            browser.awaitText("#device-result", "閘口控制器");
            browser.awaitText(".masthead", "管理員權杖");
            browser.screenshot("admin-zh");

            // The approved officer signs in to the console with the password of the registration.
            browser.go("/console");
            browser.type("電郵地址", email).type("密碼", PASSWORD).click("登入");
            browser.awaitText("#connection", "即時連線");
            browser.awaitText(".masthead", "Officer Test Ltd");
            assertEquals(List.of(), browser.scriptErrors());
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
}
