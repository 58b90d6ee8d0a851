package hk.seamless.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A gate fault the engine latched, on the officers' console: the lane's card names the fault's
 * cause and the HOLD says why, until an officer clears it; then the gate reads as connected again.
 */
class GateFaultConsoleBrowserTest extends LaneHarness {

    private static final String PASSWORD = "lane-console-pass-1";

    @Test
    void aLatchedGateFaultIsShownOnTheLaneCardUntilCleared() {
        TradeApiClient.Account me = api.newAccount("OFFICER", PASSWORD);
        Rig rig = rig("IMPORT");
        Truck unbundled = newTruck();
        try (Browser browser = Browser.open(engine.port())) {
            ConsoleBrowserTest.signIn(browser, me);
            browser.shown("button.cp[data-cp='" + rig.controlPoint() + "']").click();
            String lane = "section.lane[data-lane='" + rig.lane() + "']";
            browser.awaitText(lane + " .gate-link", "Gate connected");

            String inspected = arrive(rig, unbundled).getString("arrivalId");
            rig.gate().send(new JsonObject().put("ack", inspected).put("state", "OPENED"));
            browser.awaitText(
                    lane + " .gate-link", "Gate fault: ROSE_WITHOUT_RELEASE (held until an officer clears it)");
            browser.awaitText(lane + " .lane-hold", "Cause: the gate is offline or in fault");
            browser.screenshot("console-gate-fault");

            api.post(
                            "/api/v1/lanes/" + rig.lane() + "/gate-fault/clear",
                            me.token(),
                            new JsonObject().put("reason", "boom checked"))
                    .expect(200);
            browser.awaitText(lane + " .gate-link", "Gate connected");
        }
    }
}
