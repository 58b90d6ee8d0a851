package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The admin desk's lists in a real Chromium: an account suspended, reinstated and its token
 * rotated, a device's token rotated and the device revoked, each with a reason asked first; both
 * languages; and last the admin's own token rotated, the desk going on with the new one. One test
 * only: after it the harness's admin token no longer works.
 */
class AccountsDeskBrowserTest extends EngineHarness {

    private static WebElement within(WebElement scope, String buttonText) {
        return scope.findElement(By.xpath(".//button[normalize-space(.)=" + Browser.literal(buttonText) + "]"));
    }

    private static String accountRow(String id) {
        return "tr[data-account='" + id + "']";
    }

    private static String deviceRow(String id) {
        return "tr[data-device='" + id + "']";
    }

    /** Presses {@code action} in the row, gives the reason asked for, and confirms. */
    private static void withReason(Browser browser, String rowCss, String action, String confirm, String reason) {
        within(browser.shown(rowCss), action).click();
        browser.type("Reason", reason);
        within(browser.shown(rowCss), confirm).click();
    }

    @Test
    void theAdminSuspendsReinstatesRotatesAndRevokesWithReasons() {
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        LaneTestClient lane = new LaneTestClient(engine.port(), api);
        JsonObject camera = api.post(
                        "/api/v1/admin/devices",
                        api.adminToken(),
                        new JsonObject().put("lane", "LMC-S-02").put("kind", "CAMERA"))
                .expect(201)
                .json();
        String deviceId = camera.getString("deviceId");
        String oldAdmin = api.adminToken();

        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.type("Admin token", oldAdmin).click("Open the desk");
            browser.awaitText(accountRow(trucker.id()), "Trucker Test Ltd");
            browser.awaitText(accountRow(trucker.id()), "Active");

            // No reason, no suspension: it is asked for beside its field.
            within(browser.shown(accountRow(trucker.id())), "Suspend").click();
            within(browser.shown(accountRow(trucker.id())), "Suspend").click();
            browser.awaitText(accountRow(trucker.id()), "Give a reason: it is kept in the audit trail.");
            api.get("/api/v1/accounts/me", trucker.token()).expect(200);
            browser.type("Reason", "customs broker licence under review");
            within(browser.shown(accountRow(trucker.id())), "Suspend").click();
            browser.awaitText("#accounts-done", "Suspended Trucker Test Ltd.");
            browser.awaitText(accountRow(trucker.id()), "Suspended");
            browser.awaitText(accountRow(trucker.id()), "Reason: customs broker licence under review");
            api.get("/api/v1/accounts/me", trucker.token()).problem(403);
            browser.screenshot("admin-accounts-suspended");

            withReason(browser, accountRow(trucker.id()), "Reinstate", "Reinstate", "licence renewed");
            browser.awaitText("#accounts-done", "Reinstated Trucker Test Ltd.");
            api.get("/api/v1/accounts/me", trucker.token()).expect(200);

            withReason(
                    browser, accountRow(trucker.id()), "Rotate token", "Rotate token", "token found in a shared drive");
            WebElement rotated = browser.awaitText("#account-token", "New API token for Trucker Test Ltd");
            String newToken =
                    rotated.findElement(By.cssSelector("code.secret")).getText().strip();
            api.get("/api/v1/accounts/me", trucker.token()).problem(401);
            api.get("/api/v1/accounts/me", newToken).expect(200);

            // Devices: the list shows the camera; its token is rotated, then the camera revoked.
            browser.awaitText(deviceRow(deviceId), "LMC-S-02");
            browser.awaitText(deviceRow(deviceId), "In service");
            withReason(browser, deviceRow(deviceId), "Rotate token", "Rotate token", "camera replaced after a fault");
            WebElement deviceToken = browser.awaitText("#device-result", "New token: Plate camera at lane LMC-S-02");
            String newCamera = deviceToken
                    .findElement(By.cssSelector("code.secret"))
                    .getText()
                    .strip();
            assertNotEquals(camera.getString("token"), newCamera);
            lane.plateRead("LMC-S-02", camera.getString("token"), "FU1234", 93.1)
                    .problem(401);
            assertTrue(lane.plateRead("LMC-S-02", newCamera, "FU1234", 93.1).status() < 300);

            withReason(browser, deviceRow(deviceId), "Revoke", "Revoke", "camera stolen from the lane");
            browser.awaitText("#devices-done", "Revoked the Plate camera at lane LMC-S-02.");
            browser.awaitText(deviceRow(deviceId), "Revoked");
            browser.awaitText(deviceRow(deviceId), "Reason: camera stolen from the lane");
            lane.plateRead("LMC-S-02", newCamera, "FU1234", 93.1).problem(401);
            browser.script("document.getElementById('devices-table').scrollIntoView()");
            browser.screenshot("admin-devices-list");

            browser.click("繁體中文");
            browser.awaitText("#accounts h2", "帳戶");
            browser.awaitText(accountRow(trucker.id()), "使用中");
            browser.awaitText(deviceRow(deviceId), "已撤銷");
            within(browser.shown(accountRow(trucker.id())), "暫停").click();
            browser.awaitText(accountRow(trucker.id()), "會連同您的操作記錄於審計紀錄");
            within(browser.shown(accountRow(trucker.id())), "取消").click();
            browser.screenshot("admin-accounts-zh");
            browser.click("English");

            // Last, the admin's own token: the old one stops working, the desk goes on with the new one.
            withReason(browser, accountRow("admin"), "Rotate token", "Rotate token", "desk token rotation, quarterly");
            WebElement own = browser.awaitText("#account-token", "New admin token");
            String newAdmin =
                    own.findElement(By.cssSelector("code.secret")).getText().strip();
            assertEquals(newAdmin, browser.script("return sessionStorage.getItem('seamless.adminToken')"));
            api.get("/api/v1/accounts/me", oldAdmin).problem(401);
            api.get("/api/v1/accounts/me", newAdmin).expect(200);
            // The page opened again finds the new token in the tab and opens the desk with it.
            browser.go("/admin/");
            browser.awaitText(accountRow(trucker.id()), "Trucker Test Ltd");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }
}
