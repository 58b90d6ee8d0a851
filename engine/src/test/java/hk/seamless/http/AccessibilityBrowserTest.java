package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * Every page, in the states people see, audited in Chromium by axe-core against WCAG 2.1 A and AA:
 * labels, names, contrast, landmarks, language, ARIA use. axe-core is vendored in the test
 * resources (an unmodified axe.min.js from npm, MPL-2.0), so nothing is fetched while testing.
 *
 * <p>Not everything can be automated: axe finds perhaps half of the barriers there are. The
 * keyboard walks in the page tests cover some of the rest.
 */
class AccessibilityBrowserTest extends LaneHarness {

    private static final String PASSWORD = "accessible-pass-1";
    private static final List<String> STANDARDS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final String AXE = axeSource();

    /** What the audits of one test found (the class shares one instance, so each test starts empty). */
    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void forgetEarlierFindings() {
        violations.clear();
    }

    private static String axeSource() {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe on what the page shows now and keeps what it found, named by the state audited. */
    private void audit(Browser browser, String state) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // Injected through the driver, which the page's CSP does not govern; the page itself loads nothing.
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE + "\n;window.axe = axe;");
        }
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
                  .then((r) => done(JSON.stringify(r.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))
                  })))))
                  .catch((e) => done('axe failed: ' + e));""", STANDARDS);
        String text = String.valueOf(found);
        if (text.startsWith("axe failed")) {
            violations.add(state + ": " + text);
            return;
        }
        for (Object o : new JsonArray(text)) {
            JsonObject v = (JsonObject) o;
            violations.add(state + ": " + v.getString("id") + " (" + v.getString("impact") + ") " + v.getString("help")
                    + " at " + v.getJsonArray("nodes").encode());
        }
    }

    private void assertNoViolations(Browser browser) {
        assertEquals(List.of(), violations, "WCAG 2.1 A/AA violations found by axe-core");
        assertEquals(List.of(), browser.scriptErrors());
    }

    @Test
    void thePortalMeetsWcagAaInBothLanguages() {
        TradeApiClient.Account trader = api.newAccount("SHIPPER", PASSWORD);
        TradeApiClient.Account haulier = api.newAccount("TRUCKER", PASSWORD);
        api.lodgeCcrn(trader.token(), "IMPORT", today().plusDays(2));
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/portal/");
            browser.awaitText("h1", "Sign in");
            audit(browser, "portal sign-in");
            browser.go("/portal/#/register");
            browser.field("E-mail");
            audit(browser, "portal registration");

            PortalBrowserTest.signIn(browser, trader.email(), PASSWORD);
            browser.awaitText("h1", "New lodgement");
            audit(browser, "portal lodgement form");
            // Errors beside the fields are part of the page too: a zero count, a date outside the window.
            browser.type("Number of packages", "0");
            browser.field("Number of packages").sendKeys(Keys.TAB);
            browser.shown("[aria-invalid='true']");
            audit(browser, "portal lodgement form with errors");
            for (String[] view : new String[][] {
                {"consignments", "My consignments"}, {"batch", "Batch upload"}, {"templates", "Lodgement templates"}
            }) {
                browser.go("/portal/#/" + view[0]);
                browser.awaitText("h1", view[1]);
                audit(browser, "portal " + view[0]);
            }
            browser.click("繁體中文");
            browser.go("/portal/#/lodge");
            browser.awaitText("h1", "遞交貨物資料");
            audit(browser, "portal lodgement form (zh-Hant)");
            browser.click("English");
            browser.click("Sign out");
            browser.awaitText("h1", "Sign in");

            PortalBrowserTest.signIn(browser, haulier.email(), PASSWORD);
            for (String[] view : new String[][] {{"bundles", "Bundles"}, {"vehicles", "My vehicles"}}) {
                browser.go("/portal/#/" + view[0]);
                browser.awaitText("h1", view[1]);
                audit(browser, "portal " + view[0]);
            }
            assertNoViolations(browser);
        }
    }

    @Test
    void theConsoleMeetsWcagAa() {
        TradeApiClient.Account boss = api.newAccount("SUPERVISOR", PASSWORD);
        Rig rig = rig("IMPORT");
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/console");
            browser.field("E-mail");
            audit(browser, "console sign-in");
            browser.type("E-mail", boss.email()).type("Password", PASSWORD).click("Sign in");
            browser.awaitText("#connection", "Live");

            Truck cleared = newTruck();
            bundleLaden(cleared.mark(), "IMPORT");
            clock.advance(PAST_LEAD);
            arrive(rig, cleared);
            Truck unreadable = newTruck();
            bundleLaden(unreadable.mark(), "IMPORT");
            plateAlone(rig, unreadable.mark(), 41);
            browser.awaitText("section.lane[data-lane='" + rig.lane() + "']", cleared.mark());
            browser.awaitText("section.lane[data-lane='" + rig.lane() + "']", "REFER");
            audit(browser, "console board with a RELEASE and a REFER waiting");

            browser.driver()
                    .findElement(By.xpath("//section[@data-lane='" + rig.lane() + "']//*[normalize-space(.)='"
                            + cleared.mark() + "' and (self::a or self::button)]"))
                    .click();
            browser.shown("dialog[open]");
            browser.awaitText("dialog[open]", "What the lane read");
            audit(browser, "console arrival dialog");
            browser.driver().findElement(By.cssSelector("dialog[open]")).sendKeys(Keys.ESCAPE);

            browser.click("Risk settings");
            browser.field("Mark, name or words");
            audit(browser, "console risk settings");
            assertNoViolations(browser);
        }
    }

    /** The audit itself can fail: an input without a label, slipped into a page, is found. */
    @Test
    void theAuditFindsAnUnlabelledField() {
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.field("Admin token");
            browser.script(
                    "const i = document.createElement('input'); i.id = 'stray'; document.querySelector('main').append(i);");
            audit(browser, "admin token form with a stray input");
            assertEquals(1, violations.size(), violations.toString());
            assertTrue(violations.get(0).contains("label") && violations.get(0).contains("#stray"), violations.get(0));
        }
    }

    @Test
    void theAdminDeskMeetsWcagAa() {
        api.register("AGENT", TradeApiClient.uniqueEmail("a11y-agent"), PASSWORD)
                .expect(202);
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/admin");
            browser.field("Admin token");
            audit(browser, "admin token form");
            browser.type("Admin token", api.adminToken()).click("Open the desk");
            browser.awaitText("#registration-rows", "a11y-agent");
            audit(browser, "admin desk");
            assertNoViolations(browser);
        }
    }
}
