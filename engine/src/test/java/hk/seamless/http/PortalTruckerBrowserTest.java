package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A trucker at the trader portal: registers a vehicle, bundles CCRNs a shipper lodged (each check
 * digit checked as it is typed), is shown the earliest crossing time large and in Hong Kong time,
 * sees the bundle ACTIVE in the list, and unbundles it.
 */
class PortalTruckerBrowserTest extends PortalBrowserTest {

    private static String grouped(String ccrn) {
        return ccrn.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    private static void awaitOption(Browser browser, String selectId, String optionText) {
        browser.await(
                d -> d.findElements(By.cssSelector("#" + selectId + " option")).stream()
                                .anyMatch(o -> o.getText().equals(optionText))
                        ? Boolean.TRUE
                        : null,
                "the option " + optionText + " in #" + selectId);
    }

    @Test
    void aTruckerRegistersAVehicleBundlesSeesTheEarliestCrossingTimeAndUnbundles() {
        LocalDate today = today();
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String first = api.lodgeCcrn(shipper.token(), "IMPORT", today.plusDays(2));
        String second = api.lodgeCcrn(shipper.token(), "IMPORT", today.plusDays(3));
        TradeApiClient.Account trucker = api.newAccount("TRUCKER", PASSWORD);
        String mark = TradeApiClient.uniqueMark();
        // Bundling happens at 14:07 on the engine's clock, so the earliest crossing is 14:37 Hong Kong time.
        clock.set(TestClock.hongKong(2026, 11, 17, 14, 7, 0));

        try (Browser browser = Browser.open(engine.port(), 1366, 1000)) {
            signIn(browser, trucker.email(), PASSWORD);
            browser.awaitText("h1", "Bundles");
            browser.awaitText("#bundle-no-vehicles", "Register a vehicle before bundling");

            browser.click("My vehicles");
            browser.awaitText("h1", "My vehicles");
            browser.type("Vehicle registration mark", "AB0123");
            awaitFieldError(browser, "vehicle-mark", "does not start with 0");
            browser.type("Vehicle registration mark", "QA 12");
            awaitFieldError(browser, "vehicle-mark", "never use the letters I, O or Q");
            browser.type("Vehicle registration mark", mark);
            awaitNoFieldError(browser, "vehicle-mark");
            browser.type("RFID tag", TradeApiClient.uniqueTag());
            browser.click("Register vehicle");
            browser.awaitText("#vehicle-registered", mark + " is registered.");
            row(browser, "#vehicles-table", mark);
            browser.screenshot("portal-vehicles");

            browser.click("Bundles");
            browser.awaitText("h1", "Bundles");
            awaitOption(browser, "bundle-vehicle", mark);
            browser.select("Vehicle", mark);
            browser.select("Direction", "Import (into Hong Kong)");
            // One digit wrong: the check digit gives it away as it is typed, before anything is sent.
            browser.type("CCRN 1", TradeApiClient.wrongCheckDigit(first));
            awaitFieldError(browser, "bundle-ccrn-1", "The check digit is wrong: this CCRN has been mistyped.");
            browser.screenshot("portal-bundle-check-digit");
            // Typed as printed, in groups of four: accepted, and said so.
            browser.type("CCRN 1", grouped(first));
            awaitNoFieldError(browser, "bundle-ccrn-1");
            browser.awaitText("#bundle-ccrns .field-ok", "check digit correct");
            browser.click("Add another CCRN");
            // Pasted from a word processor: an en dash between the groups, as the engine accepts it.
            browser.type("CCRN 2", second.substring(0, 8) + "\u2013" + second.substring(8));
            browser.awaitText("#bundle-ccrns", grouped(second) + ": check digit correct");
            browser.click("Bundle");

            browser.awaitText("#bundle-result", "Earliest crossing time");
            assertEquals("14:37", browser.shown("#bundle-result-time").getText());
            browser.awaitText("#bundle-result-date", "Tuesday, 17 November 2026, Hong Kong time");
            browser.awaitText("#bundle-result-vehicle", mark);
            browser.awaitText("#bundle-result-ccrns", grouped(second));
            browser.screenshot("portal-bundle-result");

            // The engine agrees: one ACTIVE bundle, crossing from 14:37, both consignments BUNDLED.
            JsonArray active = api.get("/api/v1/bundles?status=ACTIVE", trucker.token())
                    .expect(200)
                    .json()
                    .getJsonArray("bundles");
            assertEquals(1, active.size());
            JsonObject bundle = active.getJsonObject(0);
            assertEquals("2026-11-17T14:37:00.000+08:00", bundle.getString("earliestCrossingAt"));
            assertEquals("BUNDLED", api.consignment(shipper.token(), first).getString("status"));

            WebElement listed = row(browser, "#bundles-table", mark);
            assertTrue(listed.getText().contains("ACTIVE"), listed.getText());
            assertTrue(listed.getText().contains("14:37"), listed.getText());
            assertTrue(listed.getText().contains(grouped(first)), listed.getText());

            buttonIn(browser, listed, "Unbundle").click();
            buttonIn(browser, row(browser, "#bundles-table", mark), "Yes, unbundle")
                    .click();
            browser.await(
                    d -> row(browser, "#bundles-table", mark).getText().contains("UNBUNDLED") ? Boolean.TRUE : null,
                    "the bundle UNBUNDLED");
            browser.awaitText("#bundles-status", mark + " is unbundled.");
            assertTrue(
                    browser.driver().findElement(By.id("bundle-result")).getAttribute("hidden") != null,
                    "the crossing time of an unbundled bundle is not left up");
            assertEquals(
                    "UNBUNDLED",
                    api.get("/api/v1/bundles/" + bundle.getString("bundleId"), trucker.token())
                            .expect(200)
                            .json()
                            .getString("status"));
            assertEquals("LODGED", api.consignment(shipper.token(), first).getString("status"));
            browser.screenshot("portal-bundles-after");
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void theBundlesPageFitsATablet() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        String ccrn = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(1));
        TradeApiClient.Account trucker = api.newAccount("TRUCKER", PASSWORD);
        String mark = api.newVehicle(trucker.token());
        api.bundle(trucker.token(), mark, "EXPORT", ccrn);
        try (Browser browser = Browser.open(engine.port(), 820, 1180)) {
            signIn(browser, trucker.email(), PASSWORD);
            browser.awaitText("h1", "Bundles");
            WebElement listed = row(browser, "#bundles-table", mark);
            assertTrue(listed.getText().contains("ACTIVE") && listed.getText().contains("10:30"), listed.getText());
            browser.click("繁體中文");
            browser.awaitText("h1", "綑綁");
            browser.awaitText("#bundles-table", "生效中");
            browser.field("海關貨物參考編號 1");
            browser.screenshot("portal-bundles-tablet-zh");
            Object overflow = browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, "nothing sticks out sideways on a tablet");
            assertNoScriptErrors(browser);
        }
    }
}
