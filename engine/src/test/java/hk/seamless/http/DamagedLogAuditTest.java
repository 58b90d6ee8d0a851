package hk.seamless.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start trusts what the checkpoint vouches for and does not read it again; should the disk damage
 * an entry before the checkpoint later, the audit trail that reads it says so (503, run verify-log),
 * never a 500 as if the engine's code had failed.
 */
class DamagedLogAuditTest {

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
    void anEntryDamagedBeforeTheCheckpointIsReportedNotAnInternalError() throws Exception {
        engine = new RestartableEngine(dataDir, clock);
        TradeApiClient api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        TradeApiClient.Account shipper = api.newAccount("SHIPPER");
        for (int i = 0; i < 5; i++) {
            api.lodge(
                    shipper.token(),
                    TradeApiClient.packaged("IMPORT", clock.hongKongToday().plusDays(3)));
        }
        engine.stop(); // a clean stop checkpoints the log's end: the next start reads none of it
        Path segment;
        try (var files = Files.list(dataDir.resolve("log").resolve("registry"))) {
            List<Path> segments =
                    files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
            segment = segments.get(0);
        }
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw")) {
            raf.seek(200); // inside the first entry's payload
            int b = raf.read();
            raf.seek(200);
            raf.write(b ^ 0x20);
        }
        engine.start();
        api = new TradeApiClient(engine.port(), engine.engine().adminToken());
        // A 503 (the disk, which an operator must see to), with a problem saying so: not a 500. Asked
        // with a plain client: the tests' own refuses every 5xx as a defect, which this one is not.
        HttpResponse<String> trail = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + engine.port() + "/api/v1/audit?limit=500"))
                                .header("Authorization", "Bearer " + api.adminToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(503, trail.statusCode(), trail.body());
        JsonObject problem = new JsonObject(trail.body());
        assertEquals("Log damaged", problem.getString("title"));
        assertTrue(problem.getString("detail").contains("verify-log"), problem.encode());
    }
}
