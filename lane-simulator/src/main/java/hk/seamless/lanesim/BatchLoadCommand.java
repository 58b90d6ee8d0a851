package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times batch lodgement: generated CSV files of many consignments. The engine takes at most
 * {@value #MAX_ROWS_PER_FILE} rows a file, so more rows are sent as several files, one after the
 * other, as a shipper's system would.
 */
@Command(
        name = "batch-load",
        mixinStandardHelpOptions = true,
        description = {
            "Registers its own SHIPPER account, generates --rows consignments as CSV files of at most 20000 rows "
                    + "(the engine's limit a file) and uploads them one after the other to "
                    + "POST /api/v1/consignments/batch (text/csv), then prints rows, lodged, rejected "
                    + "and the elapsed time of the uploads (sending, parsing, lodging, answering).",
            "Exits 1 unless the engine answers 200 to every file with every row lodged."
        })
final class BatchLoadCommand implements Callable<Integer> {

    static final String PATH = "/api/v1/consignments/batch";
    static final int MAX_ROWS_PER_FILE = 20_000;

    @Mixin
    EngineConnection connection;

    @Option(
            names = "--rows",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Consignments in all; more than 20000 go as several files (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--seed",
            defaultValue = "20260101",
            paramLabel = "N",
            description = "Seed of the cargo generator (default: ${DEFAULT-VALUE}).")
    long seed;

    /** How many rows go in each file: as even as may be, none over the engine's limit. */
    static List<Integer> fileSizes(int rows) {
        int files = (rows + MAX_ROWS_PER_FILE - 1) / MAX_ROWS_PER_FILE;
        List<Integer> sizes = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            sizes.add(rows / files + (i < rows % files ? 1 : 0));
        }
        return sizes;
    }

    /** A count of the batch answer, -1 when it has none (the run then cannot pass). */
    static long count(JsonObject batchAnswer, String field) {
        return batchAnswer.getValue(field) instanceof Number n ? n.longValue() : -1L;
    }

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1");
        }
        EngineClient engine = connection.open();
        String token = ShipperEnrolment.enrol(engine, connection.adminToken, "batch-load");
        CargoSampleGenerator cargo = new CargoSampleGenerator(seed, CargoSampleGenerator.todayInHongKong());
        List<Integer> sizes = fileSizes(rows);
        System.out.println("target       " + engine.base());
        long answeredRows = 0;
        long lodged = 0;
        long rejected = 0;
        long elapsed = 0;
        for (int f = 0; f < sizes.size(); f++) {
            List<CargoSample> consignments = new ArrayList<>(sizes.get(f));
            for (int i = 0; i < sizes.get(f); i++) {
                consignments.add(cargo.next());
            }
            byte[] file = BatchCsv.file(consignments).getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            EngineClient.Answer answer = engine.post(PATH, token, "text/csv; charset=UTF-8", file);
            elapsed += System.nanoTime() - start;
            System.out.println("file " + (f + 1) + "/" + sizes.size() + "     " + sizes.get(f) + " rows, " + file.length
                    + " bytes: " + answer.status());
            if (answer.status() != 200) {
                System.out.println("problem      " + answer.body());
                return 1;
            }
            JsonObject result = answer.json();
            answeredRows += count(result, "rows");
            lodged += count(result, "lodged");
            long rejectedHere = count(result, "rejected");
            if (rejectedHere != 0 && rejected == 0) {
                // The answer lists every row; the first refused one is enough to see what the rule was.
                System.out.println("first rejection: "
                        + result.getJsonArray("results", new JsonArray()).stream()
                                .filter(r -> r instanceof JsonObject row && "REJECTED".equals(row.getValue("status")))
                                .map(r -> Excerpt.of(((JsonObject) r).encode()))
                                .findFirst()
                                .orElse("(none listed)"));
            }
            rejected += rejectedHere;
        }
        System.out.println("rows         " + answeredRows);
        System.out.println("lodged       " + lodged);
        System.out.println("rejected     " + rejected);
        System.out.println("elapsed      " + String.format(Locale.ROOT, "%.3f", elapsed / 1e9) + " s");
        return answeredRows == rows && lodged == rows && rejected == 0 ? 0 : 1;
    }
}
