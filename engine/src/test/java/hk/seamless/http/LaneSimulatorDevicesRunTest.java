package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.config.ConfigLoader;
import hk.seamless.config.EngineConfig;
import hk.seamless.engine.Engine;
import hk.seamless.lanesim.LaneSimulator;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The lane simulator's {@code --devices llrp,modbus} run against a real engine, wired the way an
 * operator wires them: {@code devices-config} writes the settings file, the engine starts with it,
 * and the run starts the emulated readers and gates where the file says. The run's own oracle judges
 * every decision and every boom; this test holds it to its exit status and report. It lives in the
 * engine's tests because the simulator never depends on the engine (it drives it over the network).
 */
class LaneSimulatorDevicesRunTest {

    private static final int LANES = 4;

    @Test
    void trucksSeenByEmulatedReadersPassUnderEmulatedBoomsWithNothingWrong(@TempDir Path dir) throws Exception {
        Path settings = dir.resolve("devices.json");
        int base = freePortRun(2 * LANES);
        assertEquals(
                0,
                simulator(
                        "devices-config",
                        "--devices",
                        "llrp,modbus",
                        "--lanes",
                        Integer.toString(LANES),
                        "--port-base",
                        Integer.toString(base),
                        "--out",
                        settings.toString()));
        EngineConfig config = new ConfigLoader(Map.of(
                        "SEAMLESS_BUNDLING_LEAD",
                        "PT0S",
                        "SEAMLESS_HTTP_PORT",
                        "0",
                        "SEAMLESS_DATA_DIR",
                        dir.resolve("data").toString(),
                        "SEAMLESS_DAILY_CONSIGNMENTS",
                        "1000"))
                .load(settings);
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
                    "8",
                    "--warmup",
                    "1s",
                    "--duration",
                    "4s",
                    "--vehicles",
                    "40",
                    "--devices",
                    "llrp,modbus",
                    "--device-config",
                    settings.toString(),
                    "--report",
                    report.toString());
        }
        JsonObject json = new JsonObject(Files.readString(report.resolve("report.json")));
        assertEquals(0, exit, json.encodePrettily());
        assertEquals(0, json.getLong("wrong"), json.encodePrettily());
        assertTrue(json.getLong("decided") > 0, json.encodePrettily());
        JsonObject booms = json.getJsonObject("booms");
        assertEquals(0, booms.getLong("raisedWithoutRelease"), booms.encodePrettily());
        assertEquals(0, booms.getLong("loweredOnVehicle"), booms.encodePrettily());
        assertTrue(booms.getLong("raises") > 0, "the engine raised booms by their coils: " + booms.encodePrettily());
        assertTrue(
                json.getJsonObject("tagToBoomMicros").getLong("count") > 0, "RELEASEs were timed from the LLRP report");
        assertEquals("llrp,modbus", json.getJsonObject("settings").getString("devices"));
    }

    private static int simulator(String... args) {
        return new CommandLine(new LaneSimulator()).execute(args);
    }

    /** The first of {@code count} consecutive ports free on loopback: devices-config lays lanes out from a base. */
    private static int freePortRun(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 60_000);
            boolean free = true;
            for (int p = base; p < base + count && free; p++) {
                try (ServerSocket probe = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    probe.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no run of " + count + " free ports on loopback");
    }
}
