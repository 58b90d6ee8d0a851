package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The console's feed really drops and comes back: the engine is stopped (every socket closes) and
 * a new one is started on the same port and data folder, where the session cookie is still good.
 * The page must say it is not live, reconnect by itself, say it is live again, and show arrivals
 * made after it came back.
 */
class ConsoleReconnectBrowserTest {

    private static final String PASSWORD = "lane-console-pass-2";

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock(EngineHarness.START);
    private RestartableEngine engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theFeedDropsTheBoardSaysSoThenReconnectsByItselfAndGoesOnShowingArrivals() {
        engine = new RestartableEngine(dataDir, clock);
        int port = engine.port();
        TradeApiClient api = new TradeApiClient(port, engine.engine().adminToken());
        LaneTestClient lanes = new LaneTestClient(port, api);
        TradeApiClient.Account officer = api.newAccount("OFFICER", PASSWORD);
        TradeApiClient.Account trucker = api.newAccount("TRUCKER");
        String lane = "MKT-S-01";
        String camera = lanes.registerDevice(lane, "CAMERA");
        String rfid = lanes.registerDevice(lane, "RFID");
        String mark = TradeApiClient.uniqueMark();
        String tag = TradeApiClient.uniqueTag();
        api.registerVehicleRaw(trucker.token(), mark, tag).expect(201);

        try (Browser browser = Browser.open(port)) {
            browser.go("/console");
            browser.type("E-mail", officer.email()).type("Password", PASSWORD).click("Sign in");
            browser.awaitText("#connection", "Live");
            browser.click("Man Kam To");
            browser.awaitText("section.lane[data-lane='" + lane + "']", lane);

            engine.stop();
            browser.awaitText("#connection", "Connection lost");
            browser.awaitText("#stale", "The board is not live");
            browser.screenshot("console-feed-lost");

            engine.start();
            browser.awaitText("#connection", "Live");
            browser.await(
                    d -> d.findElement(org.openqa.selenium.By.id("stale")).isDisplayed() ? null : Boolean.TRUE,
                    "the not-live warning to go");

            // An arrival after the reconnect reaches the board through the new feed.
            String arrivalId =
                    lanes.plateRead(lane, camera, mark, 95).expect(202).json().getString("arrivalId");
            assertNotNull(arrivalId);
            JsonObject decision = lanes.tagRead(lane, rfid, tag).expect(200).json();
            String row = "tr[data-arrival='" + arrivalId + "']";
            browser.awaitText(row, mark);
            browser.awaitText(row, decision.getString("decision"));
            assertFalse(browser.pageText().contains("Connection lost"));
            browser.screenshot("console-feed-back");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }

    /**
     * The connection goes silent without closing: the engine's heartbeats stop arriving, the page
     * notices within three heartbeats, says so, and reconnects once the network carries bytes again.
     */
    @Test
    void aFeedThatGoesSilentWithoutClosingIsNoticedAndReconnected() {
        engine = new RestartableEngine(dataDir, clock);
        TradeApiClient api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        TradeApiClient.Account officer = api.newAccount("OFFICER", PASSWORD);
        try (FreezingTcpProxy network = new FreezingTcpProxy(engine.port());
                Browser browser = Browser.open(network.port())) {
            browser.go("/console");
            browser.type("E-mail", officer.email()).type("Password", PASSWORD).click("Sign in");
            browser.awaitText("#connection", "Live");

            network.freeze();
            long frozenAt = System.nanoTime();
            // Three missed 10-second heartbeats: a ceiling for the wait, not a speed claim.
            browser.await(
                    d -> d.findElement(By.id("connection")).getText().contains("Connection lost") ? Boolean.TRUE : null,
                    Duration.ofSeconds(45),
                    "the page to notice the silent feed");
            assertTrue(
                    System.nanoTime() - frozenAt >= Duration.ofSeconds(20).toNanos(),
                    "not before heartbeats were really missed");
            browser.awaitText("#stale", "The board is not live");
            browser.screenshot("console-feed-silent");

            network.thaw();
            browser.await(
                    d -> d.findElement(By.id("connection")).getText().contains("Live") ? Boolean.TRUE : null,
                    Duration.ofSeconds(30),
                    "the page to reconnect by itself");
            assertEquals(List.of(), browser.scriptErrors());
        }
    }
}
