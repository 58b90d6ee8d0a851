package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A shipper at the trader portal: lodges packaged and bulk cargo through the form (the rules
 * checked as they type, and the engine's own refusal shown beside its field), saves and reuses a
 * template, finds, amends and cancels consignments, uploads a batch file, and does it in 繁體中文.
 */
class PortalLodgementBrowserTest extends PortalBrowserTest {

    private static String grouped(String ccrn) {
        return ccrn.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    private static String digits(String text) {
        return text.replaceAll("\\s", "");
    }

    private static int shownRows(Browser browser, String tableCss) {
        return (int) browser.driver().findElements(By.cssSelector(tableCss + " tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .count();
    }

    private static void awaitRowCount(Browser browser, String tableCss, int count) {
        browser.await(
                d -> shownRows(browser, tableCss) == count ? Boolean.TRUE : null, count + " row(s) in " + tableCss);
    }

    private static String value(Browser browser, String label) {
        return browser.field(label).getAttribute("value");
    }

    @Test
    void aShipperLodgesThroughTheFormReusesATemplateAmendsAndCancels() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER", PASSWORD);
        LocalDate today = today();
        try (Browser browser = Browser.open(engine.port(), 1366, 1000)) {
            signIn(browser, shipper.email(), PASSWORD);
            browser.awaitText("h1", "New lodgement");
            // The window is the engine's: its clock says 17 November 2026, whatever this machine says.
            browser.awaitText("#lodge-window", "17 Nov 2026");

            browser.select("Direction", "Import (into Hong Kong)");
            browser.type("Expected date", today.plusDays(20).toString());
            // Out of the window: said beside the field as soon as the date is complete.
            awaitFieldError(browser, "lodge-date", "Too far ahead: lodgement for this date opens on");
            browser.type("Consignor name", "Shenzhen Huaqiang Electronics Co");
            browser.type("Consignor address", "1 Huaqiangbei Road, Futian, Shenzhen");
            browser.type("Consignee name", "Kowloon Bay Trading Ltd");
            browser.type("Consignee address", "18 Wang Chiu Road, Kowloon Bay");
            browser.type("Description of packages", "CARTONS");
            browser.type("Number of packages", "0");
            awaitFieldError(browser, "lodge-package-count", "Must be a whole number from 1 to 10,000,000.");
            browser.type("Description of articles", "Mobile phone accessories");
            browser.click("Lodge");
            browser.screenshot("portal-lodge-errors");
            // The page refused to send: the engine holds nothing.
            assertEquals(List.of(), api.myCcrns(shipper.token()));

            browser.type("Number of packages", "120");
            awaitNoFieldError(browser, "lodge-package-count");
            browser.type("Expected date", today.plusDays(14).toString());
            awaitNoFieldError(browser, "lodge-date");
            browser.awaitText("#lodge-date-echo", "1 Dec 2026");

            // The engine's answer is the final word. Its clock goes back a day while the page still
            // believes it is the 17th: the page lets the date through, the engine refuses it, and
            // the refusal lands beside the date.
            clock.set(START.minus(Duration.ofDays(1)));
            browser.click("Lodge");
            awaitFieldError(browser, "lodge-date", "Too far ahead: lodgement for this date opens on Tue, 17 Nov 2026.");
            assertEquals(List.of(), api.myCcrns(shipper.token()));
            browser.screenshot("portal-lodge-server-error");
            clock.set(START);

            browser.click("Lodge");
            browser.awaitText("#lodge-result", "Lodged");
            String packagedCcrn = digits(browser.shown("#lodge-result-ccrn").getText());
            assertTrue(TradeApiClient.validCcrn(packagedCcrn), packagedCcrn);
            assertEquals("1", browser.shown("#lodge-result-version").getText());
            browser.awaitText("#lodge-result-status", "LODGED");
            browser.screenshot("portal-lodge-result");
            assertEquals(List.of(packagedCcrn), api.myCcrns(shipper.token()), "lodged exactly once");

            // Save what was lodged as a template, then start a new lodgement from it.
            browser.type("Template name", "Huaqiang to Kowloon Bay");
            browser.click("Save as template");
            browser.awaitText("#template-saved", "Template “Huaqiang to Kowloon Bay” saved.");
            browser.click("Templates");
            browser.awaitText("h1", "Lodgement templates");
            WebElement template = row(browser, "#templates-table", "Huaqiang to Kowloon Bay");
            assertTrue(template.getText().contains("Kowloon Bay Trading Ltd"), template.getText());
            browser.screenshot("portal-templates");
            buttonIn(browser, template, "Use").click();
            browser.awaitText("#lodge-filled", "Filled in from template “Huaqiang to Kowloon Bay”");
            browser.awaitText("h1", "New lodgement");
            assertEquals("Shenzhen Huaqiang Electronics Co", value(browser, "Consignor name"));
            assertEquals("18 Wang Chiu Road, Kowloon Bay", value(browser, "Consignee address"));
            assertEquals("120", value(browser, "Number of packages"));
            assertEquals("IMPORT", value(browser, "Direction"));
            assertEquals("", value(browser, "Expected date"), "a template leaves the date to each lodgement");

            // This time bulk cargo, to another consignee.
            browser.type("Expected date", today.plusDays(3).toString());
            browser.field("In bulk").click();
            browser.type("Consignee name", "Tsing Yi Fuel Depot Ltd");
            browser.type("Consignee address", "3 Tsing Yi Road, Tsing Yi");
            browser.type("Gross weight (kg)", "18000");
            browser.type("Gross volume (m³)", "40");
            awaitFieldError(browser, "lodge-volume", "not both");
            browser.field("Gross volume (m³)").clear();
            browser.type("Quantity", "3 tanks");
            browser.type("Description of cargo", "Diesel fuel");
            // A double click is one lodgement: the button is spent while the first is out, and the
            // Idempotency-Key is one per intended lodgement.
            new Actions(browser.driver()).doubleClick(browser.button("Lodge")).perform();
            browser.awaitText("#lodge-result", "Lodged");
            String bulkCcrn = digits(browser.shown("#lodge-result-ccrn").getText());
            assertTrue(TradeApiClient.validCcrn(bulkCcrn), bulkCcrn);
            JsonObject bulk = api.consignment(shipper.token(), bulkCcrn);
            assertEquals(18000, bulk.getJsonObject("bulk").getInteger("grossWeightKg"));
            assertEquals(
                    "Tsing Yi Fuel Depot Ltd", bulk.getJsonObject("consignee").getString("name"));
            assertEquals(today.plusDays(3).toString(), bulk.getString("expectedDate"));
            assertEquals(2, api.myCcrns(shipper.token()).size(), "one packaged and one bulk lodgement, no more");

            // Both are listed, LODGED; searches by CCRN and by name each find one.
            browser.click("My consignments");
            browser.awaitText("h1", "My consignments");
            assertTrue(row(browser, "#consignments-table", grouped(packagedCcrn))
                    .getText()
                    .contains("LODGED"));
            assertTrue(row(browser, "#consignments-table", grouped(bulkCcrn))
                    .getText()
                    .contains("LODGED"));
            awaitRowCount(browser, "#consignments-table", 2);
            browser.screenshot("portal-consignments");
            browser.type("Search", packagedCcrn);
            browser.click("Search");
            awaitRowCount(browser, "#consignments-table", 1);
            row(browser, "#consignments-table", grouped(packagedCcrn));
            browser.type("Search", "tsing yi");
            browser.click("Search");
            awaitRowCount(browser, "#consignments-table", 1);
            row(browser, "#consignments-table", grouped(bulkCcrn));
            browser.click("Show all");
            awaitRowCount(browser, "#consignments-table", 2);

            // Amend the packaged one: a new version.
            buttonIn(browser, row(browser, "#consignments-table", grouped(packagedCcrn)), "Amend")
                    .click();
            browser.awaitText("h1", "Amend consignment " + grouped(packagedCcrn));
            browser.await(
                    d -> "120".equals(value(browser, "Number of packages")) ? Boolean.TRUE : null,
                    "the form filled in");
            browser.type("Number of packages", "150");
            browser.click("Save amendment");
            browser.awaitText("#lodge-result", "Amendment saved");
            assertEquals("2", browser.shown("#lodge-result-version").getText());
            assertEquals(
                    150,
                    api.consignment(shipper.token(), packagedCcrn)
                            .getJsonObject("packaged")
                            .getInteger("packageCount"));
            browser.click("My consignments");
            browser.awaitText("h1", "My consignments");
            browser.await(
                    d -> "Version 2"
                                    .equals(row(browser, "#consignments-table", grouped(packagedCcrn))
                                            .findElement(By.cssSelector(".version"))
                                            .getText())
                            ? Boolean.TRUE
                            : null,
                    "version 2 in the list");

            // Cancel the bulk one, after saying yes.
            WebElement bulkRow = row(browser, "#consignments-table", grouped(bulkCcrn));
            buttonIn(browser, bulkRow, "Cancel consignment").click();
            buttonIn(browser, row(browser, "#consignments-table", grouped(bulkCcrn)), "Yes, cancel it")
                    .click();
            browser.await(
                    d -> row(browser, "#consignments-table", grouped(bulkCcrn))
                                    .getText()
                                    .contains("CANCELLED")
                            ? Boolean.TRUE
                            : null,
                    "the bulk consignment CANCELLED");
            assertEquals("CANCELLED", api.consignment(shipper.token(), bulkCcrn).getString("status"));
            WebElement cancelled = row(browser, "#consignments-table", grouped(bulkCcrn));
            assertTrue(
                    cancelled.findElements(By.xpath(".//button | .//a")).isEmpty(),
                    "nothing to amend or cancel once CANCELLED");
            browser.screenshot("portal-consignments-after");
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void aShipperUploadsABatchFileAndSeesEachRowsResult() throws IOException, InterruptedException {
        TradeApiClient.Account shipper = api.newAccount("AGENT", PASSWORD);
        LocalDate today = today();
        try (Browser browser = Browser.open(engine.port(), 1366, 1000)) {
            signIn(browser, shipper.email(), PASSWORD);
            browser.click("Batch upload");
            browser.awaitText("h1", "Batch upload");

            // The template link serves the engine's own CSV template, header first.
            String href = browser.button("CSV template").getAttribute("href");
            HttpResponse<String> template = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(href)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, template.statusCode());
            assertTrue(
                    template.body().startsWith("\uFEFFdirection,expectedDate,consignor.name,consignor.address"),
                    template.body());
            // The one made in the page has dates inside the engine's window.
            WebElement dated = browser.button("Download a CSV template dated for today");
            String datedHref = dated.getAttribute("href");
            assertTrue(datedHref.startsWith("data:text/csv;charset=utf-8,"), datedHref);
            String csv = URLDecoder.decode(datedHref.substring(datedHref.indexOf(',') + 1), StandardCharsets.UTF_8);
            assertTrue(String.valueOf(csv).contains("direction,expectedDate,consignor.name"), String.valueOf(csv));
            assertTrue(String.valueOf(csv).contains("IMPORT," + today.plusDays(1)), String.valueOf(csv));
            assertEquals("consignments-" + today + ".csv", dated.getAttribute("download"));

            Path file = Files.createTempFile("seamless-batch-", ".csv");
            try {
                Files.writeString(
                        file,
                        String.join(
                                "\r\n",
                                "direction,expectedDate,consignor.name,consignor.address,consignee.name,consignee.address,"
                                        + "packaged.packageDescription,packaged.packageCount,packaged.articlesDescription",
                                "IMPORT," + today.plusDays(2) + ",Dongguan Textiles Co,\"8 Nancheng Road, Dongguan\","
                                        + "Sham Shui Po Garments Ltd,\"1 Cheung Sha Wan Road, Kowloon\",CARTONS,40,Cotton shirts",
                                "EXPORT," + today.plusDays(2)
                                        + ",Sham Shui Po Garments Ltd,\"1 Cheung Sha Wan Road, Kowloon\","
                                        + "Dongguan Textiles Co,\"8 Nancheng Road, Dongguan\",CARTONS,0,Returned shirts",
                                ""),
                        StandardCharsets.UTF_8);
                browser.field("Batch file").sendKeys(file.toAbsolutePath().toString());
                browser.click("Upload and lodge");
                browser.awaitText("#batch-summary", "2 row(s): 1 lodged, 1 rejected.");
            } finally {
                Files.deleteIfExists(file);
            }
            WebElement lodged = row(browser, "#batch-table", "LODGED");
            String ccrn = digits(lodged.findElement(By.cssSelector("td.ccrn")).getText());
            assertTrue(TradeApiClient.validCcrn(ccrn), ccrn);
            assertTrue(lodged.getText().startsWith("1"), lodged.getText());
            WebElement rejected = row(browser, "#batch-table", "REJECTED");
            assertTrue(rejected.getText().startsWith("2"), rejected.getText());
            assertTrue(
                    rejected.getText()
                            .contains(
                                    "packaged.packageCount (Number of packages): Must be a whole number from 1 to 10,000,000."),
                    rejected.getText());
            browser.screenshot("portal-batch-result");
            assertEquals(List.of(ccrn), api.myCcrns(shipper.token()));
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void aShipperLodgesInTraditionalChinese() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER", PASSWORD);
        LocalDate today = today();
        try (Browser browser = Browser.open(engine.port(), 1366, 1000)) {
            signIn(browser, shipper.email(), PASSWORD);
            browser.awaitText("h1", "New lodgement");
            browser.screenshot("portal-lodge-en");
            browser.click("繁體中文");
            browser.awaitText("h1", "遞交貨物資料");
            browser.awaitText("#portal-nav", "我的付運貨物");
            browser.awaitText(".masthead .who", "付貨人");

            browser.select("方向", "進口（入境香港）");
            browser.type("預計日期", today.minusDays(1).toString());
            awaitFieldError(browser, "lodge-date", "此日期已過");
            browser.type("預計日期", today.plusDays(5).toString());
            awaitNoFieldError(browser, "lodge-date");
            browser.type("付貨人名稱", "深圳市華強電子有限公司");
            browser.type("付貨人地址", "深圳市福田區華強北路1號");
            browser.type("收貨人名稱", "九龍灣電子貿易有限公司");
            browser.type("收貨人地址", "九龍灣宏照道18號");
            browser.type("包裝說明", "CARTONS");
            browser.type("件數", "12.5");
            awaitFieldError(browser, "lodge-package-count", "必須是整數");
            browser.type("件數", "80");
            browser.type("每件包裝內物品說明", "手機配件");
            browser.screenshot("portal-lodge-zh");
            browser.click("遞交");
            browser.awaitText("#lodge-result", "已遞交");
            String ccrn = digits(browser.shown("#lodge-result-ccrn").getText());
            assertTrue(TradeApiClient.validCcrn(ccrn), ccrn);
            browser.awaitText("#lodge-result", "海關貨物參考編號（CCRN）");
            browser.screenshot("portal-lodge-result-zh");
            JsonObject lodged = api.consignment(shipper.token(), ccrn);
            assertEquals("九龍灣電子貿易有限公司", lodged.getJsonObject("consignee").getString("name"));

            browser.click("我的付運貨物");
            browser.awaitText("h1", "我的付運貨物");
            assertTrue(
                    row(browser, "#consignments-table", grouped(ccrn)).getText().contains("已遞交"));
            browser.screenshot("portal-consignments-zh");
            // Switching back re-labels the page in place, the list included.
            browser.click("English");
            browser.awaitText("h1", "My consignments");
            assertTrue(
                    row(browser, "#consignments-table", grouped(ccrn)).getText().contains("LODGED"));
            assertNoScriptErrors(browser);
        }
    }

    @Test
    void aClerkSignsInAndLodgesByKeyboardAlone() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER", PASSWORD);
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/portal/");
            browser.awaitText("h1", "Sign in");
            // The page starts in the e-mail field; Tab and Enter do the rest.
            keys(browser, shipper.email(), Keys.TAB, PASSWORD, Keys.ENTER);
            browser.awaitText("h1", "New lodgement");
            browser.awaitText("#lodge-window", "17 Nov 2026");
            // After the page changes, the keyboard starts at its heading; the first field is next.
            keys(
                    browser,
                    Keys.TAB,
                    "I",
                    Keys.TAB,
                    today().plusDays(1).toString(),
                    Keys.TAB,
                    "Dongguan Toys Co",
                    Keys.TAB,
                    "8 Nancheng Road, Dongguan",
                    Keys.TAB,
                    "Sheung Shui Toys Ltd",
                    Keys.TAB,
                    "2 San Wan Road, Sheung Shui",
                    Keys.TAB,
                    Keys.TAB,
                    "CARTONS",
                    Keys.TAB,
                    "30",
                    Keys.TAB,
                    "Plastic toys",
                    Keys.TAB,
                    Keys.ENTER);
            browser.awaitText("#lodge-result", "Lodged");
            String ccrn = digits(browser.shown("#lodge-result-ccrn").getText());
            JsonObject lodged = api.consignment(shipper.token(), ccrn);
            assertEquals("IMPORT", lodged.getString("direction"));
            assertEquals(
                    "Sheung Shui Toys Ltd", lodged.getJsonObject("consignee").getString("name"));
            assertEquals(30, lodged.getJsonObject("packaged").getInteger("packageCount"));
            assertNoScriptErrors(browser);
        }
    }

    /** Types into whatever has the focus, as a person at a keyboard does. */
    private static void keys(Browser browser, CharSequence... keys) {
        for (CharSequence key : keys) {
            browser.driver().switchTo().activeElement().sendKeys(key);
        }
    }

    @Test
    void theLodgementFormFitsATablet() {
        TradeApiClient.Account shipper = api.newAccount("SHIPPER", PASSWORD);
        try (Browser browser = Browser.open(engine.port(), 820, 1180)) {
            signIn(browser, shipper.email(), PASSWORD);
            browser.awaitText("h1", "New lodgement");
            browser.awaitText("#lodge-window", "17 Nov 2026");
            browser.field("Consignor name").click();
            browser.screenshot("portal-lodge-tablet");
            Object overflow = browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, "nothing sticks out sideways on a tablet");
            String ccrn = api.lodgeCcrn(shipper.token(), "EXPORT", today().plusDays(4));
            browser.click("My consignments");
            browser.awaitText("h1", "My consignments");
            row(browser, "#consignments-table", grouped(ccrn));
            browser.screenshot("portal-consignments-tablet");
            assertEquals(
                    0L,
                    browser.script(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"));
            assertNoScriptErrors(browser);
        }
    }
}
