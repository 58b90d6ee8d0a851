package hk.seamless.lanesim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Measures how many single lodgements a second the engine takes, and how long each waits. */
@Command(
        name = "lodgement-load",
        mixinStandardHelpOptions = true,
        description = {
            "Registers its own SHIPPER account, warms the engine up, then lodges --requests consignments "
                    + "(POST /api/v1/consignments) with --concurrency requests in flight and reports "
                    + "throughput and latency percentiles.",
            "This is a CLOSED-LOOP test: each of the --concurrency senders waits for an answer before "
                    + "sending again. It measures the most the engine can take; its latencies are those "
                    + "at saturation, not at a fixed offered rate.",
            "Exits 1 if any measured or warm-up request was not answered 201 Created."
        })
final class LodgementLoadCommand implements Callable<Integer> {

    @Mixin
    EngineConnection connection;

    @Option(
            names = "--requests",
            defaultValue = "20000",
            paramLabel = "N",
            description = "Lodgements to measure (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(
            names = "--concurrency",
            defaultValue = "32",
            paramLabel = "N",
            description = "Lodgements kept in flight, one kept-alive connection each (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--warmup",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Lodgements sent first and not counted, so the JIT and connection pool settle (default:"
                    + " ${DEFAULT-VALUE}; with 1,000 the engine's and this client's JIT compilers still took a"
                    + " core between them through a 20,000-lodgement run on a 2-core machine).")
    int warmup;

    @Option(
            names = "--seed",
            defaultValue = "20260101",
            paramLabel = "N",
            description =
                    "Seed of the cargo generator; the same seed gives the same consignments (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/report.json with the same figures.")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || concurrency < 1 || warmup < 0) {
            throw new IllegalArgumentException("--requests and --concurrency must be at least 1, --warmup at least 0");
        }
        EngineClient engine = connection.open();
        String token = ShipperEnrolment.enrol(engine, connection.adminToken, "lodgement-load");

        // Bodies are made before the clock starts, so the generator's cost is not in the figures.
        CargoSampleGenerator cargo = new CargoSampleGenerator(seed, CargoSampleGenerator.todayInHongKong());
        List<String> warmupBodies = bodies(cargo, warmup);
        List<String> measuredBodies = bodies(cargo, requests);

        ClosedLoopLodgement load = new ClosedLoopLodgement(engine, token, concurrency);
        ClosedLoopLodgement.Outcome warm = load.run(warmupBodies);
        warm.problems().forEach(p -> System.err.println("warm-up problem: " + p));
        ClosedLoopLodgement.Outcome measured = load.run(measuredBodies);

        LodgementReport report =
                new LodgementReport(engine.base().toString(), concurrency, warm.requests(), warm.errors(), measured);
        report.print(System.out);
        if (reportDir != null) {
            System.out.println("report       " + report.write(reportDir));
        }
        return measured.errors() == 0 && warm.errors() == 0 ? 0 : 1;
    }

    private static List<String> bodies(CargoSampleGenerator cargo, int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(ConsignmentJson.body(cargo.next()));
        }
        return bodies;
    }
}
