package hk.seamless.lanesim;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Times one batch lodgement: a generated CSV file of many consignments in one upload. */
@Command(name = "batch-load", mixinStandardHelpOptions = true,
        description = {
                "Registers its own SHIPPER account, generates one CSV file of --rows consignments and uploads it "
                        + "to POST /api/v1/consignments/batch (text/csv), then prints rows, lodged, rejected "
                        + "and the elapsed time of the upload (sending, parsing, lodging, answering).",
                "Exits 1 unless the engine answers 200 with every row lodged."})
final class BatchLoadCommand implements Callable<Integer> {

    static final String PATH = "/api/v1/consignments/batch";

    @Mixin
    EngineConnection connection;

    @Option(names = "--rows", defaultValue = "10000", paramLabel = "N",
            description = "Consignments in the file; the engine takes at most 20000 rows and 10 MiB (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", defaultValue = "20260101", paramLabel = "N",
            description = "Seed of the cargo generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1");
        }
        EngineClient engine = connection.open();
        String token = ShipperEnrolment.enrol(engine, connection.adminToken, "batch-load");

        CargoSampleGenerator cargo = new CargoSampleGenerator(seed, CargoSampleGenerator.todayInHongKong());
        List<CargoSample> consignments = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            consignments.add(cargo.next());
        }
        byte[] file = BatchCsv.file(consignments).getBytes(StandardCharsets.UTF_8);

        long start = System.nanoTime();
        EngineClient.Answer answer = engine.post(PATH, token, "text/csv; charset=UTF-8", file);
        long elapsed = System.nanoTime() - start;

        System.out.println("target       " + engine.base());
        System.out.println("file         " + rows + " rows, " + file.length + " bytes");
        System.out.println("status       " + answer.status());
        if (answer.status() != 200) {
            System.out.println("problem      " + answer.body());
            return 1;
        }
        long answeredRows = AnswerFields.number(answer.body(), "rows").orElse(-1L);
        long lodged = AnswerFields.number(answer.body(), "lodged").orElse(-1L);
        long rejected = AnswerFields.number(answer.body(), "rejected").orElse(-1L);
        System.out.println("rows         " + answeredRows);
        System.out.println("lodged       " + lodged);
        System.out.println("rejected     " + rejected);
        System.out.println("elapsed      " + String.format(Locale.ROOT, "%.3f", elapsed / 1e9) + " s");
        if (rejected != 0) {
            // The answer lists every row; the start is enough to see what the rule was.
            String body = answer.body();
            int firstRejected = body.indexOf("\"REJECTED\"");
            System.out.println("first rejection: "
                    + body.substring(Math.max(0, firstRejected - 40), Math.min(body.length(), firstRejected + 400)));
        }
        return answeredRows == rows && lodged == rows && rejected == 0 ? 0 : 1;
    }
}
