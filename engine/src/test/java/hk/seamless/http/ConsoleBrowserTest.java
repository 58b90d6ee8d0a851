package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The officers' lane console in a real Chromium against a real engine: signing in, the live board
 * filled by the feed as trucks arrive, the gate's answer, the arrival's reads, bundle, cargo and
 * risk hits, an override with an inspection result, a REFER resolved by keying the mark (the gate
 * hears the RELEASE), both languages, signing out; supervisors' risk settings; a tablet's view; a
 * held lane (no decision could be given) shown in words until the lane decides again.
 */
class ConsoleBrowserTest extends LaneHarness {

    private static final String PASSWORD = "lane-console-pass-1";

    static String rowCss(String arrivalId) {
        return "tr[data-arrival='" + arrivalId + "']";
    }

    static String cardCss(String arrivalId) {
        return "li.refer-card[data-arrival='" + arrivalId + "']";
    }

    /** Signs in through the form and waits for the feed to be live. */
    static void signIn(Browser browser, TradeApiClient.Account account) {
        browser.go("/console");
        browser.type("E-mail", account.email()).type("Password", PASSWORD).click("Sign in");
        browser.awaitText("#connection", "Live");
    }

    private JsonObject ack(Rig rig, String arrivalId, String state) {
        JsonObject ack = new JsonObject().put("ack", arrivalId).put("state", state);
        rig.gate().send(ack);
        return ack;
    }

    private static WebElement within(WebElement scope, String buttonText) {
        return scope.findElement(By.xpath(".//button[normalize-space(.)=" + Browser.literal(buttonText) + "]"));
    }

    @Test
    void anOfficerWatchesArrivalsLiveOverridesAndResolvesARefer() {
        TradeApiClient.Account me = api.newAccount("OFFICER", PASSWORD);
        Rig rig = rig("IMPORT");
        try (Browser browser = Browser.open(engine.port())) {
            browser.go("/console");
            browser.type("E-mail", me.email())
                    .type("Password", "not the password")
                    .click("Sign in");
            browser.awaitText(".form-errors", "The e-mail or password is wrong.");
            browser.screenshot("console-signin-refused");
            browser.type("Password", PASSWORD).click("Sign in");
            browser.awaitText("#connection", "Live");
            browser.awaitText("#control-points", "Lok Ma Chau");
            browser.awaitText("#control-points", "Hong Kong-Zhuhai-Macao Bridge");
            String lane = "section.lane[data-lane='" + rig.lane() + "']";
            browser.awaitText(lane, rig.lane());
            browser.awaitText(lane + " .gate-link", "Gate connected");
            assertTrue(
                    browser.driver().findElements(By.xpath("//button[normalize-space(.)='Risk settings']")).stream()
                            .noneMatch(WebElement::isDisplayed),
                    "an officer has no risk settings");

            // A bundled truck, past its earliest crossing time, is released: live on the board, then its gate's answer.
            Truck cleared = newTruck();
            bundleLaden(cleared.mark(), "IMPORT");
            clock.advance(PAST_LEAD);
            JsonObject released = arrive(rig, cleared);
            assertEquals("RELEASE", released.getString("decision"));
            String releasedRow = rowCss(released.getString("arrivalId"));
            browser.awaitText(releasedRow, cleared.mark());
            browser.awaitText(releasedRow, "RELEASE");
            browser.awaitText(releasedRow, "No answer yet");
            ack(rig, released.getString("arrivalId"), "OPENED");
            browser.awaitText(releasedRow, "Opened");

            // A truck whose consignor is on the watch list when it is bundled: INSPECT, with the risk hit kept on the
            // bundle.
            String party = "Watched Consignor " + UUID.randomUUID().toString().substring(0, 8) + " Co";
            api.post(
                            "/api/v1/risk/watchlist",
                            supervisor.token(),
                            new JsonObject().put("kind", "PARTY").put("value", party))
                    .expect(201);
            Truck watched = newTruck();
            String ccrn = lodge("IMPORT", today().plusDays(1), party);
            String bundleId =
                    api.bundle(trucker.token(), watched.mark(), "IMPORT", ccrn).getString("bundleId");
            clock.advance(PAST_LEAD);
            JsonObject inspected = arrive(rig, watched);
            assertDecision(inspected, "INSPECT", null, "WATCHLIST");
            String inspectedId = inspected.getString("arrivalId");
            String inspectedRow = rowCss(inspectedId);
            browser.awaitText(inspectedRow, "INSPECT");
            browser.awaitText(inspectedRow, "On a watch list");
            ack(rig, inspectedId, "CLOSED");
            browser.awaitText(inspectedRow, "Kept closed");
            browser.screenshot("console-board-en");

            // Open it: the reads, the bundle and its risk hits, the CCRN's eight pieces of cargo information.
            WebElement markButton = browser.shown(inspectedRow + " button.mark");
            markButton.click();
            browser.awaitText("#arrival", "What the lane read");
            browser.awaitText("#arrival", watched.tag());
            browser.awaitText("#arrival", "92%");
            browser.awaitText("#arrival", bundleId);
            browser.awaitText("#arrival", "Risk hits at bundling");
            browser.awaitText("#arrival .risk-hits", "On a watch list");
            browser.awaitText("#arrival", ccrn.replaceAll("(\\d{4})(?=\\d)", "$1 "));
            browser.awaitText("#arrival", "1. Description of packages");
            browser.awaitText("#arrival", "CARTONS");
            browser.awaitText("#arrival", "2. Number of packages");
            browser.awaitText("#arrival", "Mobile phone accessories");
            browser.awaitText("#arrival", party);
            browser.awaitText("#arrival", "1 Huaqiangbei Road, Futian, Shenzhen");
            browser.awaitText("#arrival", "Kowloon Bay Trading Ltd");
            browser.awaitText("#arrival", "18 Wang Chiu Road, Kowloon Bay");
            browser.awaitText("#arrival", "8. Expected date of arrival in Hong Kong");
            browser.screenshot("console-arrival");

            // Released after inspection: the override names the reason and records the result.
            browser.select("New decision", "RELEASE");
            browser.type("Reason for the override", "Inspected at bay 3");
            browser.click("Apply override");
            browser.awaitText("#override-result-error", "is required to release a truck that was sent to inspection");
            browser.type("Inspection result", "Seals intact, 120 cartons as declared");
            browser.click("Apply override");
            browser.awaitText("#override-notice", "Override applied: now RELEASE.");
            browser.awaitText("#arrival table.overrides", "Seals intact, 120 cartons as declared");
            browser.awaitText("#arrival table.overrides", "Inspected at bay 3");
            browser.awaitText(inspectedRow, "RELEASE");
            browser.awaitText(inspectedRow, "Decided by an officer");
            rig.gate()
                    .await(
                            f -> inspectedId.equals(f.getString("arrivalId"))
                                    && "RELEASE".equals(f.getString("decision")),
                            Duration.ofSeconds(5),
                            "the officer's RELEASE at the gate");
            browser.screenshot("console-arrival-overridden");
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.await(
                    d -> d.findElement(By.id("arrival")).isDisplayed() ? null : Boolean.TRUE, "the dialog to close");
            assertEquals(
                    markButton, browser.driver().switchTo().activeElement(), "closing the dialog gives the focus back");

            // Another officer takes a second look (through the API, as any console would): the audit
            // trail names them, and says "You" for this officer's own override.
            api.post(
                            "/api/v1/arrivals/" + inspectedId + "/override",
                            officer.token(),
                            new JsonObject().put("decision", "INSPECT").put("reason", "Second look at the seals"))
                    .expect(200);
            browser.awaitText(inspectedRow, "INSPECT");
            markButton.click();
            WebElement trail = browser.awaitText("#arrival table.overrides", "Second look at the seals");
            assertTrue(trail.getText().contains("You"), trail.getText());
            assertTrue(trail.getText().contains("Officer Test Ltd"), "named, not an account id: " + trail.getText());
            assertFalse(trail.getText().contains(officer.id()), trail.getText());
            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.await(
                    d -> d.findElement(By.id("arrival")).isDisplayed() ? null : Boolean.TRUE, "the dialog to close");

            // A plate read with low confidence and no tag: REFER, waiting for an officer at the top of the board.
            Truck unread = newTruck();
            bundleLaden(unread.mark(), "IMPORT");
            clock.advance(PAST_LEAD);
            JsonObject refer = plateAlone(rig, unread.mark(), 41);
            assertDecision(refer, "REFER", "SEE OFFICER", "UNIDENTIFIED_VEHICLE");
            String referId = refer.getString("arrivalId");
            String card = cardCss(referId);
            browser.awaitText(card, "REFER");
            browser.awaitText(card, "Camera read " + unread.mark() + " (41%)");
            browser.awaitText(card, "Vehicle not identified");
            assertTrue(
                    browser.shown(rowCss(referId)).getAttribute("class").contains("REFER"), "the REFER row stands out");
            browser.screenshot("console-refer-waiting");

            WebElement waiting = browser.shown(card);
            within(waiting, "Release").click();
            browser.awaitText(card, "Key the mark you see on the vehicle.");
            browser.type("Vehicle mark", unread.mark().toLowerCase());
            browser.type("Reason", "Plate dirty; checked by eye");
            within(browser.shown(card), "Release").click();
            JsonObject atGate = rig.gate()
                    .await(
                            f -> referId.equals(f.getString("arrivalId")) && "RELEASE".equals(f.getString("decision")),
                            Duration.ofSeconds(5),
                            "the RELEASE after keying the mark");
            assertEquals(unread.mark(), atGate.getString("vehicleMark"));
            browser.await(
                    d -> d.findElements(By.cssSelector(card)).isEmpty() ? Boolean.TRUE : null,
                    "the REFER to leave the queue");
            browser.awaitText(rowCss(referId), "RELEASE");
            browser.awaitText(rowCss(referId), unread.mark());

            // Traditional Chinese: the same board, re-labelled in place.
            browser.click("繁體中文");
            browser.awaitText(".masthead .sign-out", "登出");
            browser.awaitText(releasedRow, "放行");
            browser.awaitText(releasedRow, "已開啟");
            browser.awaitText("#connection", "即時連線");
            browser.awaitText("#control-points", "落馬洲");
            browser.screenshot("console-board-zh");
            browser.click("登出");
            browser.field("電郵地址");
            browser.awaitText("#signin h1", "登入車道控制台");
            browser.screenshot("console-signin-zh");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }

    @Test
    void aSupervisorKeepsTheWatchListAndTheRandomRates() {
        TradeApiClient.Account boss = api.newAccount("SUPERVISOR", PASSWORD);
        String mark = craftedMark("LDDD");
        try (Browser browser = Browser.open(engine.port())) {
            signIn(browser, boss);
            browser.click("Risk settings");
            browser.awaitText("#rates-rows", "Man Kam To");
            // The page says how entries match (issue 18): a party's name without its company form.
            browser.awaitText("#risk-view", "“Kwun Tong Traders” matches “KWUN TONG TRADERS CO., LTD.”");

            browser.select("Kind of entry", "Vehicle (registration mark)");
            browser.type("Mark, name or words", "NOT A MARK!");
            browser.click("Add to watch list");
            browser.await(
                    d -> "true".equals(browser.field("Mark, name or words").getAttribute("aria-invalid"))
                            ? Boolean.TRUE
                            : null,
                    "the engine's refusal beside the field");
            assertFalse(browser.shown("#watch-value-error").getText().isBlank());

            browser.type("Mark, name or words", mark);
            browser.click("Add to watch list");
            browser.awaitText("#watchlist-notice", "Added " + mark + " to the watch list.");
            browser.awaitText("#watchlist-rows", mark);
            assertTrue(api.get("/api/v1/risk/watchlist", supervisor.token())
                    .expect(200)
                    .body()
                    .contains(mark));

            browser.select("Control point", "Man Kam To");
            browser.type("Random selection rate (%)", "5");
            browser.click("Set rate");
            browser.awaitText("#rates-notice", "Man Kam To: the random selection rate is now 5%.");
            browser.awaitText("#rates-rows tr[data-cp='MKT']", "5%");
            JsonObject settings =
                    api.get("/api/v1/settings", boss.token()).expect(200).json();
            settings.getJsonArray("controlPoints").stream()
                    .map(JsonObject.class::cast)
                    .filter(cp -> "MKT".equals(cp.getString("code")))
                    .forEach(cp -> assertEquals(0.05, cp.getDouble("randomInspectionRate"), 1e-9));
            browser.screenshot("console-risk-settings");
            browser.script("document.getElementById('rates-title').scrollIntoView()");
            browser.screenshot("console-risk-rates");

            browser.click("繁體中文");
            browser.awaitText("#risk-view h1", "風險設定");
            browser.awaitText("#rates-rows", "文錦渡");
            browser.awaitText("#risk-view", "名稱末尾的公司形式");
            browser.screenshot("console-risk-settings-zh");
            assertEquals(List.of(), browser.scriptErrors());
        } finally {
            setRandomRate("MKT", 0.0);
        }
    }

    @Test
    void theBoardReadsOnATablet() {
        TradeApiClient.Account me = api.newAccount("OFFICER", PASSWORD);
        Rig rig = rig("IMPORT");
        Truck cleared = newTruck();
        bundleLaden(cleared.mark(), "IMPORT");
        clock.advance(PAST_LEAD);
        try (Browser browser = Browser.open(engine.port(), 820, 1180)) {
            signIn(browser, me);
            String releasedId = arrive(rig, cleared).getString("arrivalId");
            ack(rig, releasedId, "OPENED");
            browser.awaitText(rowCss(releasedId), "Opened");
            String referId = plateAlone(rig, "粤Z·A123港", 97).getString("arrivalId");
            browser.awaitText(cardCss(referId), "REFER");
            assertEquals(
                    Boolean.TRUE,
                    browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "nothing runs off the side of a tablet");
            browser.screenshot("console-board-tablet");
            // By keyboard: Enter on the vehicle's mark opens the arrival; Close gives the focus back.
            WebElement mark = browser.shown(rowCss(releasedId) + " button.mark");
            mark.sendKeys(Keys.ENTER);
            browser.awaitText("#arrival", "Cargo information");
            browser.screenshot("console-arrival-tablet");
            browser.click("Close");
            assertFalse(browser.driver().findElement(By.id("arrival")).isDisplayed());
            assertEquals(mark, browser.driver().switchTo().activeElement());
            assertEquals(List.of(), browser.scriptErrors());
        }
    }

    /**
     * A lane the engine could not decide for (here a decision timeout, said by the pipeline as it
     * would say it): the officer sees it in words on the lane's card, and on its control point's
     * button from another control point, in both languages, until the lane's next decision.
     */
    @Test
    void aHeldLaneSaysSoInWordsUntilItsNextDecision() {
        TradeApiClient.Account me = api.newAccount("OFFICER", PASSWORD);
        Rig rig = rig("IMPORT");
        Truck next = newTruck();
        bundleLaden(next.mark(), "IMPORT");
        String otherControlPoint = "LMC".equals(rig.controlPoint()) ? "MKT" : "LMC";
        try (Browser browser = Browser.open(engine.port())) {
            signIn(browser, me);
            browser.shown("button.cp[data-cp='" + otherControlPoint + "']").click();
            String lane = "section.lane[data-lane='" + rig.lane() + "']";
            String button = "button.cp[data-cp='" + rig.controlPoint() + "']";
            WebElement card = browser.driver().findElement(By.cssSelector(lane));
            assertFalse(card.getAttribute("class").contains("held"), "no hold before one is said");

            engine.pipeline().hold(engine.pipeline().laneIndex(rig.lane()), "DECISION_TIMEOUT");
            JsonObject atGate = rig.gate()
                    .await(f -> "hold".equals(f.getString("kind")), Duration.ofSeconds(5), "the hold at the gate");
            assertEquals("SEE OFFICER", atGate.getString("display"));

            // Seen from another control point: its button says a lane there is held.
            browser.awaitText(button + " .hold-count", "1 held");
            browser.shown(button).click();
            WebElement hold = browser.awaitText(lane + " .lane-hold", "No decision could be given (10:00:00)");
            browser.awaitText(
                    lane + " .lane-hold",
                    "The gate stays closed and the lane display says SEE OFFICER — see the truck.");
            browser.awaitText(lane + " .lane-hold", "Cause: the engine took too long to decide.");
            browser.awaitText(lane + " .lane-hold", "This clears when the lane's next decision arrives.");
            browser.awaitText(lane + " .lane-hold .decision.HOLD", "HOLD");
            assertEquals("alert", hold.getAttribute("role"), "a screen reader says the hold as it comes");
            assertTrue(card.getAttribute("class").contains("held"), "the held lane's card stands out");
            browser.script("arguments[0].scrollIntoView()", card);
            browser.screenshot("console-hold");

            browser.click("繁體中文");
            browser.awaitText(lane + " .lane-hold", "未能作出決定（10:00:00）");
            browser.awaitText(lane + " .lane-hold", "閘口保持關閉，車道顯示屏顯示「SEE OFFICER」——請前往處理該貨車。");
            browser.awaitText(lane + " .lane-hold", "原因：系統未能在限時內完成判斷。");
            browser.awaitText(lane + " .lane-hold .decision.HOLD", "暫停");
            browser.awaitText(button + " .hold-count", "1 條車道暫停");
            browser.script("arguments[0].scrollIntoView()", card);
            browser.screenshot("console-hold-zh");
            browser.click("English");

            // A console opened (or reloaded) while the lane is held is told of the HOLD by the feed's hello.
            browser.driver().navigate().refresh();
            browser.awaitText("#connection", "Live");
            browser.awaitText(button + " .hold-count", "1 held");
            browser.shown(button).click();
            browser.awaitText(lane + " .lane-hold", "Cause: the engine took too long to decide.");
            card = browser.driver().findElement(By.cssSelector(lane));

            // The lane's next decision: the lane is deciding again, and the hold goes.
            clock.advance(PAST_LEAD);
            JsonObject released = arrive(rig, next);
            assertEquals("RELEASE", released.getString("decision"));
            browser.awaitText(rowCss(released.getString("arrivalId")), "RELEASE");
            browser.await(
                    d -> d.findElement(By.cssSelector(lane + " .lane-hold")).isDisplayed() ? null : Boolean.TRUE,
                    "the hold to clear with the lane's next decision");
            assertFalse(card.getAttribute("class").contains("held"));
            assertFalse(browser.driver()
                    .findElement(By.cssSelector(button + " .hold-count"))
                    .isDisplayed());
            browser.screenshot("console-hold-cleared");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }
}
