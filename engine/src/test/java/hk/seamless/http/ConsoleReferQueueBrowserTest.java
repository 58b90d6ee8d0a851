package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The REFER queue survives a reload: a REFER older than the newest arrivals the console asks for
 * (300, across every control point) is still on the board until an officer resolves it.
 */
class ConsoleReferQueueBrowserTest extends LaneHarness {

    private static final String PASSWORD = "lane-console-pass-1";

    @Test
    void anOldUnresolvedReferIsBackInTheQueueAfterAReload() {
        TradeApiClient.Account me = api.newAccount("OFFICER", PASSWORD);
        Rig quiet = rig("EXPORT");
        Rig busy = rig("IMPORT");
        clock.advance(PAST_LEAD);
        JsonObject refer = plateAlone(quiet, "粤Z·A123港", 41);
        assertEquals("REFER", refer.getString("decision"));
        String referId = refer.getString("arrivalId");
        // Then more arrivals elsewhere than the console's catch-up takes.
        // Two trucks taking turns: each one's read ends the other's presence, so every visit is an arrival.
        Truck regular = newTruck();
        Truck another = newTruck();
        for (int i = 0; i < 305; i++) {
            arrive(busy, i % 2 == 0 ? regular : another);
        }
        JsonObject newest = api.get("/api/v1/arrivals?limit=300", officer.token())
                .expect(200)
                .json();
        assertTrue(
                newest.getJsonArray("arrivals").stream()
                        .map(JsonObject.class::cast)
                        .noneMatch(a -> referId.equals(a.getString("arrivalId"))),
                "the REFER is older than the newest 300");
        List<String> waiting = api
                .get("/api/v1/arrivals?awaiting=officer", officer.token())
                .expect(200)
                .json()
                .getJsonArray("arrivals")
                .stream()
                .map(JsonObject.class::cast)
                .map(a -> a.getString("arrivalId"))
                .toList();
        assertTrue(waiting.contains(referId), waiting.toString());
        api.get("/api/v1/arrivals?awaiting=everyone", officer.token()).problemNaming(400, "awaiting");

        try (Browser browser = Browser.open(engine.port())) {
            ConsoleBrowserTest.signIn(browser, me);
            browser.awaitText(ConsoleBrowserTest.cardCss(referId), "REFER");
            browser.driver().navigate().refresh();
            browser.awaitText("#connection", "Live");
            browser.awaitText(ConsoleBrowserTest.cardCss(referId), "REFER");
            browser.screenshot("console-refer-after-reload");

            // The engine's refusal, said by its code in the reader's language (issue 18, item 4).
            browser.click("繁體中文");
            String card = ConsoleBrowserTest.cardCss(referId);
            browser.shown(card + " input[data-field='vehicleMark']").sendKeys("IO 1234");
            browser.shown(card + " input[data-field='reason']").sendKeys("車牌看不清");
            browser.shown(card + " button.release").click();
            browser.awaitText(card, "不是有效的香港車輛登記號碼");
            browser.screenshot("console-refer-error-zh");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }
}
