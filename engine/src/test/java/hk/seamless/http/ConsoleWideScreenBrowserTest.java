package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The board on a control room's screens: at 1366x900 four REFERs leave the lanes in view, and at
 * 1920 px the board takes the width with the two directions side by side.
 */
class ConsoleWideScreenBrowserTest extends LaneHarness {

    private static final String PASSWORD = "lane-console-pass-1";

    @Test
    void fourRefersLeaveTheLanesInViewAndAWideScreenIsUsed() {
        TradeApiClient.Account me = api.newAccount("OFFICER", PASSWORD);
        Rig rig = rig("IMPORT");
        assertTrue(rig.lane().startsWith("LMC-"), "the first free lane is at Lok Ma Chau: " + rig.lane());
        clock.advance(PAST_LEAD);
        List<String> refers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            refers.add(plateAlone(rig, "粤Z·A12" + i + "港", 41).getString("arrivalId"));
        }
        try (Browser browser = Browser.open(engine.port(), 1366, 900)) {
            ConsoleBrowserTest.signIn(browser, me);
            for (String id : refers) {
                browser.awaitText(ConsoleBrowserTest.cardCss(id), "REFER");
            }
            for (String id : refers) {
                Number height = (Number) browser.script(
                        "return arguments[0].getBoundingClientRect().height",
                        browser.shown(ConsoleBrowserTest.cardCss(id)));
                assertTrue(height.doubleValue() < 140, "a compact REFER row, not a card of 250 px: " + height);
            }
            Number lanesTop =
                    (Number) browser.script("return document.getElementById('lanes').getBoundingClientRect().top");
            assertTrue(lanesTop.doubleValue() < 900, "the lanes start on the first screen: " + lanesTop);
            assertEquals(
                    Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"));
            browser.screenshot("console-four-refers-1366");
        }
        try (Browser browser = Browser.open(engine.port(), 1920, 1080)) {
            ConsoleBrowserTest.signIn(browser, me);
            browser.awaitText(ConsoleBrowserTest.cardCss(refers.get(0)), "REFER");
            Number width =
                    (Number) browser.script("return document.getElementById('lanes').getBoundingClientRect().width");
            assertTrue(width.doubleValue() > 1700, "the board takes a wide screen: " + width);
            @SuppressWarnings("unchecked")
            List<Object> tops =
                    (List<Object>) browser.script("return [...document.querySelectorAll('#lanes > .direction-group')]"
                            + ".filter(g => !g.hidden).map(g => Math.round(g.getBoundingClientRect().top))");
            assertEquals(2, tops.size(), tops.toString());
            assertEquals(tops.get(0), tops.get(1), "import and export side by side");
            browser.screenshot("console-wide-1920");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }
}
