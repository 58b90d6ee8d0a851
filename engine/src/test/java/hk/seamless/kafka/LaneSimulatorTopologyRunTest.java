package hk.seamless.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import hk.seamless.lanesim.LaneSimulator;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The lane simulator over engines in roles (issue #14): a real Kafka broker (a child JVM), a
 * registry and the lane engine of LMC in this JVM. The simulator sets up at the registry, drives
 * LMC's lanes at the lane engine, makes bundles at the registry during the run, and freezes the
 * broker (its pid, SIGSTOP then SIGCONT) for a few seconds in the middle. Its oracle must find no
 * wrong decision, knowing what the lane engine could know, and every crossing the lane engine
 * released must be recorded at the registry exactly once once the feed is back.
 */
class LaneSimulatorTopologyRunTest {

    private static final String FEED_TOKEN = "feed-token-for-the-simulator-run-0123";

    @Test
    void aRunThroughAFeedOutageHasNoWrongDecisionAndEveryCrossingRecordedOnce(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report");
        int exit;
        try (KafkaBroker broker = KafkaBroker.started();
                Engine registry = Engine.start(
                        config(
                                dir.resolve("registry"),
                                Map.of(
                                        "SEAMLESS_ROLE",
                                        "registry",
                                        "SEAMLESS_KAFKA_BOOTSTRAP",
                                        broker.bootstrapServers())),
                        Clock.systemUTC());
                Engine lmc = Engine.start(
                        config(
                                dir.resolve("lmc"),
                                Map.of(
                                        "SEAMLESS_ROLE",
                                        "lane",
                                        "SEAMLESS_KAFKA_BOOTSTRAP",
                                        broker.bootstrapServers(),
                                        "SEAMLESS_CONTROL_POINT",
                                        "LMC",
                                        "SEAMLESS_REGISTRY_URL",
                                        "http://127.0.0.1:" + registry.port())),
                        Clock.systemUTC())) {
            exit = new CommandLine(new LaneSimulator())
                    .execute(
                            "run",
                            "--registry",
                            "http://127.0.0.1:" + registry.port(),
                            "--registry-admin-token",
                            registry.adminToken(),
                            "--lane-engine",
                            "LMC=http://127.0.0.1:" + lmc.port() + "," + lmc.adminToken(),
                            "--rate",
                            "10",
                            "--warmup",
                            "1s",
                            "--duration",
                            "11s",
                            "--vehicles",
                            "30",
                            "--outage",
                            "4s@5s",
                            "--outage-pid",
                            Long.toString(broker.pid()),
                            "--report",
                            report.toString());
        }
        JsonObject json = new JsonObject(Files.readString(report.resolve("report.json")));
        String all = json.encodePrettily();
        assertEquals(0, exit, all);
        assertEquals(0, json.getLong("wrong"), all);
        assertTrue(json.getLong("decided") > 0, all);
        JsonObject topology = json.getJsonObject("topology");
        assertNotNull(topology.getJsonObject("outage").getDouble("cutFromSeconds"), "the broker was frozen: " + all);
        assertNotNull(topology.getJsonObject("outage").getDouble("cutToSeconds"), "and let run on: " + all);
        assertTrue(topology.getLong("decidedWhileCut") > 0, "the lane engine decided while cut off: " + all);
        JsonObject lmcCounts = topology.getJsonObject("perControlPoint").getJsonObject("LMC");
        assertTrue(
                lmcCounts.getLong("releasedWhileCut") > 0,
                "bundles known before the cut were released during it: " + all);
        assertTrue(topology.getLong("bundlesMadeDuringRun") > 0, all);
        JsonObject crossings = topology.getJsonObject("crossings");
        assertTrue(crossings.getLong("released") > 0, all);
        assertTrue(
                crossings.getBoolean("allRecordedOnce"),
                "every released crossing recorded once at the registry: " + all);
    }

    private static EngineConfig config(Path dataDir, Map<String, String> role) {
        Map<String, String> env = new HashMap<>(role);
        env.put("SEAMLESS_FEED_TOKEN", FEED_TOKEN);
        env.put("SEAMLESS_BUNDLING_LEAD", "PT0S");
        env.put("SEAMLESS_HTTP_PORT", "0");
        env.put("SEAMLESS_DATA_DIR", dataDir.toString());
        env.put("SEAMLESS_DAILY_CONSIGNMENTS", "1000");
        return new ConfigLoader(env).load(null);
    }
}
