package hk.seamless.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hk.seamless.http.ApiResponse;
import hk.seamless.http.TradeApiClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while a keyed batch file is being lodged: the same file sent again with the same
 * Idempotency-Key right after the restart resumes at once (the upload that held the key died with
 * its process; no 409 "still being lodged"), and every row is lodged exactly once.
 */
class BatchKilledResumeTest {

    private static final String HEADER =
            "direction,expectedDate,consignor.name,consignor.address,consignee.name,consignee.address,"
                    + "packaged.packageDescription,packaged.packageCount,packaged.articlesDescription,"
                    + "bulk.grossWeightKg,bulk.quantity,bulk.description";
    private static final int ROWS = 2_000;

    @TempDir
    Path data;

    @Test
    void aBatchCutOffByAKillIsResumedAtOnceAndEachRowLodgedOnce() throws Exception {
        Path log = data.resolve("engine.log");
        EngineProcess engine = EngineProcess.start(data, log, Map.of());
        String admin = Files.readString(data.resolve("admin.token")).strip();
        TradeApiClient beforeKill = new TradeApiClient(engine.port(), admin);
        TradeApiClient.Account shipper = beforeKill.newAccount("SHIPPER");
        byte[] file = TradeApiClient.bytes(
                csv(LocalDate.now(ZoneId.of("Asia/Hong_Kong")).plusDays(3)));
        long before = journalEntries(beforeKill);
        CompletableFuture<ApiResponse> first = CompletableFuture.supplyAsync(() -> upload(beforeKill, shipper, file));
        // The claim and a chunk or two are journalled: kill it while the rest is being lodged.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (journalEntries(beforeKill) < before + 3 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        engine.kill();
        first.handle((ok, failure) -> ok).get(60, TimeUnit.SECONDS);

        engine = EngineProcess.start(data, log, Map.of());
        try {
            TradeApiClient api = new TradeApiClient(engine.port(), admin);
            JsonObject answer = upload(api, shipper, file).expect(200).json();
            assertEquals(ROWS, answer.getInteger("lodged"), answer.encode().substring(0, 200));
            JsonArray results = answer.getJsonArray("results");
            Set<String> ccrns = new HashSet<>();
            for (int i = 0; i < results.size(); i++) {
                ccrns.add(results.getJsonObject(i).getString("ccrn"));
            }
            assertEquals(ROWS, ccrns.size());
            assertEquals(ROWS, consignmentsStored(api), "every row lodged once, none twice");
        } finally {
            engine.stop();
        }
    }

    private static ApiResponse upload(TradeApiClient api, TradeApiClient.Account shipper, byte[] file) {
        return api.send(
                "POST",
                "/api/v1/consignments/batch",
                shipper.token(),
                "text/csv",
                file,
                "Idempotency-Key",
                "killed-batch-1");
    }

    private static String csv(LocalDate date) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) {
            csv.append("IMPORT,")
                    .append(date)
                    .append(",Shenzhen Parts Co,1 Huaqiang Road,Kowloon Bay Trading Ltd,18 Wang Chiu Road,CARTONS,")
                    .append(1 + i)
                    .append(",Phone cables,,,\n");
        }
        return csv.toString();
    }

    /** The consignments the engine holds, from its own metrics: this test's shipper is the only one lodging. */
    private static long consignmentsStored(TradeApiClient api) {
        String metrics = api.get("/metrics", null).expect(200).body();
        return metrics.lines()
                .filter(line -> line.startsWith("seamless_store_entries{") && line.contains("store=\"consignments\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no consignments gauge in /metrics"));
    }

    private static long journalEntries(TradeApiClient api) {
        return api.get("/health", null).expect(200).json().getLong("journalEntries");
    }
}
