package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.EngineConfig;
import hk.seamless.config.Topology;
import hk.seamless.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lane engine (role lane) that cannot reach Kafka or the registry still starts and serves its
 * console; its views are stale (every truck inspected) and, once nothing has been heard for the
 * feedBehindAfter, the officers' console says since when it is cut off from the registry.
 */
class LaneEngineCutOffConsoleBrowserTest {

    private static final String PASSWORD = "lane-console-pass-1";

    @Test
    void theConsoleSaysTheLaneEngineIsCutOffFromTheRegistry(@TempDir Path data) {
        TestClock clock = new TestClock(EngineHarness.START);
        // Port 1 on loopback: nothing listens there, so both Kafka and the registry are away.
        EngineConfig config = EngineConfig.defaults()
                .withHttpPort(0)
                .withDataDir(data)
                .withDailyConsignments(100)
                .withTopology(Topology.lane(
                        "127.0.0.1:1",
                        "LMC",
                        URI.create("http://127.0.0.1:1"),
                        "feed-token-for-the-console-test-0123"));
        try (Engine engine = Engine.start(config, clock)) {
            TradeApiClient api = new TradeApiClient(engine.port(), engine.adminToken());
            TradeApiClient.Account officer = api.newStaff("OFFICER", PASSWORD);
            JsonObject health = api.get("/health", null).expect(200).json();
            assertEquals("lane", health.getString("role"));
            assertTrue(health.getBoolean("laneViewStale"), "no registry to rebuild from: stale, " + health.encode());

            try (Browser browser = Browser.open(engine.port())) {
                browser.go("/console");
                browser.type("E-mail", officer.email())
                        .type("Password", PASSWORD)
                        .click("Sign in");
                browser.awaitText("#connection", "Live");
                clock.advance(Duration.ofSeconds(11)); // past feedBehindAfter with nothing heard
                browser.awaitText("#registry-feed", "Cut off from the registry since");
                browser.screenshot("console-lane-engine-cut-off");
                assertTrue(browser.scriptErrors().isEmpty(), "no script errors: " + browser.scriptErrors());
            }
            JsonObject feed = api.get("/health", null).expect(200).json().getJsonObject("feed");
            assertTrue(feed.getBoolean("behind"), feed.encode());
            assertNotNull(feed.getString("behindSince"), feed.encode());
        }
    }
}
