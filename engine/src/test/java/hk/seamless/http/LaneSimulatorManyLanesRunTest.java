package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.ControlPoint;
import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import hk.seamless.lanesim.LaneSimulator;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A boundary of hundreds of lanes, as performance runs use thousands: {@code lanes-config} writes
 * the engine's settings, the engine starts with them, and a run drives every one of its lanes with
 * nothing decided wrong. It lives in the engine's tests because the simulator never depends on the
 * engine.
 */
class LaneSimulatorManyLanesRunTest {

    private static final int LANES = 400;

    @Test
    void aRunOverEveryLaneOfAGeneratedBoundaryDecidesNothingWrong(@TempDir Path dir) throws Exception {
        Path settings = dir.resolve("lanes.json");
        assertEquals(0, simulator("lanes-config", "--lanes", Integer.toString(LANES), "--out", settings.toString()));
        EngineConfig config = new ConfigLoader(Map.of(
                        "SEAMLESS_BUNDLING_LEAD", "PT0S",
                        "SEAMLESS_HTTP_PORT", "0",
                        "SEAMLESS_DATA_DIR", dir.resolve("data").toString(),
                        "SEAMLESS_DAILY_CONSIGNMENTS", "2000"))
                .load(settings);
        assertEquals(
                List.of("LMC", "MKT", "STK", "SBC", "HZM", "HYW"),
                config.controlPoints().stream().map(ControlPoint::code).toList());
        assertEquals(
                LANES,
                config.controlPoints().stream()
                        .mapToInt(cp -> cp.lanes().size())
                        .sum());

        Path report = dir.resolve("report");
        int exit;
        try (Engine engine = Engine.start(config, Clock.systemUTC())) {
            exit = simulator(
                    "run",
                    "--target",
                    "http://127.0.0.1:" + engine.port(),
                    "--admin-token",
                    engine.adminToken(),
                    "--rate",
                    "200",
                    "--warmup",
                    "1s",
                    "--duration",
                    "3s",
                    "--report",
                    report.toString());
        }
        JsonObject json = new JsonObject(Files.readString(report.resolve("report.json")));
        assertEquals(0, exit, json.encodePrettily());
        assertEquals(0, json.getLong("wrong"), json.encodePrettily());
        assertTrue(json.getLong("decided") > 0, json.encodePrettily());
        // The engine's own histogram, read from its /metrics at the warm-up's end and the run's: the
        // second's 200 warm-up arrivals are not in it, the 600 measured ones are (less those a
        // fusion window decided, which the pipeline histogram leaves out by design).
        long pipeline = json.getJsonObject("enginePipelineMicros").getLong("count");
        assertTrue(
                pipeline > 0 && pipeline < json.getLong("decided") + json.getLong("warmupArrivals") / 2,
                pipeline + " decisions in the engine's measured window: " + json.encodePrettily());
        List<String> driven =
                Arrays.asList(json.getJsonObject("settings").getString("lanes").split(","));
        assertEquals(LANES, driven.size(), "the run drove every lane the engine has");
        assertTrue(driven.contains("HYW-N-33") && driven.contains("LMC-S-01"), driven.toString());
    }

    private static int simulator(String... args) {
        return new CommandLine(new LaneSimulator()).execute(args);
    }
}
