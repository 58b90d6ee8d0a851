package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The summary a run prints, and the same as report.json and report.html ({@link ReportPage}).
 */
record RunReport(
        Map<String, String> settings,
        RunResult engine,
        RunResult floor,
        TopologyFindings topology,
        DecisionLatencyBuckets enginePipeline) {

    RunReport(Map<String, String> settings, RunResult engine, RunResult floor) {
        this(settings, engine, floor, null, null);
    }

    /** The engine's pipeline quantiles reported, as fractions. */
    private static final double[] PIPELINE_QUANTILES = {0.5, 0.9, 0.99, 0.999};

    private static final String[] PIPELINE_NAMES = {"p50", "p90", "p99", "p999"};

    /** The pipeline aim of issue 17: the share of decisions handed to the gate within 100 µs of the last read. */
    static final double PIPELINE_AIM_SECONDS = 0.0001;

    /** Percentiles quoted, and plotted. */
    static final double[] PLOTTED = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100};

    static long p(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return 0;
        }
        return percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
    }

    static JsonObject micros(Histogram h) {
        return new JsonObject()
                .put("count", h.getTotalCount())
                .put("p50", p(h, 50))
                .put("p90", p(h, 90))
                .put("p99", p(h, 99))
                .put("p999", p(h, 99.9))
                .put("max", p(h, 100));
    }

    static String ratio(long engine, long floor) {
        return floor <= 0 ? "null" : String.format(Locale.ROOT, "%.2f", engine / (double) floor);
    }

    private static BigDecimal ratioNumber(long engine, long floor) {
        return floor <= 0 ? null : Decimals.of(engine / (double) floor, 2);
    }

    String json() {
        return asJson().encode() + "\n";
    }

    JsonObject asJson() {
        JsonObject j = new JsonObject();
        j.put("arrivals", engine.arrivals());
        j.put("decided", engine.decided());
        j.put("wrong", engine.wrongTotal());
        j.put("warmupArrivals", engine.warmupArrivals());
        j.put("warmupWrong", engine.warmupWrong());
        JsonObject decisions = new JsonObject();
        engine.outcomes().forEach(decisions::put);
        j.put("decisions", decisions);
        RuleTally t = engine.tally();
        // The share of each reason code: of all measured decisions, how many carried it.
        j.put("reasons", t.reasonsJson());
        j.put("scenarios", t.scenariosJson());
        j.put("lateFrames", t.repeatsJson());
        j.put("gateDrops", t.gateDrops.get());
        j.put("latencyMicros", micros(engine.all()));
        j.put(
                "latencyMicrosByArrival",
                new JsonObject()
                        .put("plateAndTag", micros(engine.complete()))
                        .put("plateOnly", micros(engine.waiting())));
        // The lane devices' path: tag out of the reader to the boom's command, RELEASEs only.
        j.put("tagToBoomMicros", micros(engine.tagToBoom()));
        if (engine.boom() != null) {
            BoomOracle.Findings b = engine.boom();
            j.put(
                    "booms",
                    new JsonObject()
                            .put("raises", b.raises())
                            .put("raisedWithoutRelease", b.raisedWithoutRelease())
                            .put("loweredOnVehicle", b.loweredOnVehicle())
                            .put("releasesNotRaised", b.releasesNotRaised())
                            .put("examples", new JsonArray(b.examples())));
        }
        j.put("throughput", Decimals.of(engine.throughput(), 1));
        if (engine.random() != null) {
            RandomSelectionCheck r = engine.random();
            j.put(
                    "randomSelection",
                    new JsonObject()
                            .put("eligible", r.trials())
                            .put("selected", r.selected())
                            .put("expected", Decimals.of(r.expected(), 2))
                            .put("low", Decimals.of(Math.max(0, r.low()), 2))
                            .put("high", Decimals.of(r.high(), 2))
                            .put("withinBounds", r.withinBounds()));
        }
        j.put("starved", engine.starved());
        j.put("unmatchedDecisions", engine.unmatched());
        j.put("holds", engine.holds());
        j.put("undecided", engine.undecided());
        j.put("movedToFreeLane", engine.moved());
        j.put("queuedForLane", engine.queued());
        j.put("neverSent", engine.neverSent());
        j.put("wrongExamples", new JsonArray(engine.wrongExamples()));
        j.put("problems", new JsonArray(engine.problems()));
        if (floor != null) {
            j.put("floorLatencyMicros", micros(floor.all()));
            j.put(
                    "floorLatencyMicrosByArrival",
                    new JsonObject()
                            .put("plateAndTag", micros(floor.complete()))
                            .put("plateOnly", micros(floor.waiting())));
            // Arrivals the engine decides on their last read against the same arrivals at the floor:
            // plate-only ones wait for the fusion window at the engine by design, not at the floor.
            j.put(
                    "ratio",
                    new JsonObject()
                            .put("p50", ratioNumber(p(engine.complete(), 50), p(floor.complete(), 50)))
                            .put("p99", ratioNumber(p(engine.complete(), 99), p(floor.complete(), 99)))
                            .put("basis", "plateAndTag arrivals, engine over floor"));
        }
        if (topology != null) {
            j.put("topology", topology.json());
        }
        if (hasEnginePipeline()) {
            j.put("enginePipelineMicros", enginePipelineJson());
        }
        JsonObject shown = new JsonObject();
        settings.forEach(shown::put);
        return j.put("settings", shown);
    }

    boolean hasEnginePipeline() {
        return enginePipeline != null && enginePipeline.count() > 0;
    }

    /** Quantiles in µs (null: past the highest bucket bound), and the share within the aim. */
    private JsonObject enginePipelineJson() {
        JsonObject p = new JsonObject().put("count", enginePipeline.count());
        for (int i = 0; i < PIPELINE_QUANTILES.length; i++) {
            double seconds = enginePipeline.quantile(PIPELINE_QUANTILES[i]);
            p.put(PIPELINE_NAMES[i], Double.isInfinite(seconds) ? null : Decimals.of(seconds * 1e6, 1));
        }
        double within = enginePipeline.shareWithin(PIPELINE_AIM_SECONDS);
        return p.put("shareWithin100Micros", Double.isNaN(within) ? null : Decimals.of(within, 4))
                .put(
                        "basis",
                        "the engine's seamless_decision_latency buckets, measured window only,"
                                + " interpolated within buckets");
    }

    String enginePipelineLine() {
        StringBuilder line = new StringBuilder("n ").append(enginePipeline.count());
        for (int i = 0; i < PIPELINE_QUANTILES.length; i++) {
            double seconds = enginePipeline.quantile(PIPELINE_QUANTILES[i]);
            line.append("  ")
                    .append(PIPELINE_NAMES[i].equals("p999") ? "p99.9" : PIPELINE_NAMES[i])
                    .append(' ')
                    .append(
                            Double.isInfinite(seconds)
                                    ? String.format(Locale.ROOT, "over %.0f ms", enginePipeline.highestBound() * 1000)
                                    : String.format(Locale.ROOT, "%.0f us", seconds * 1e6));
        }
        double within = enginePipeline.shareWithin(PIPELINE_AIM_SECONDS);
        if (!Double.isNaN(within)) {
            line.append(String.format(Locale.ROOT, "; within 100 us: %.2f%%", within * 100));
        }
        return line.toString();
    }

    void print(PrintStream out) {
        out.println();
        out.println("settings     " + settings);
        if (floor != null) {
            out.println("floor        " + floor.decided() + " arrivals; " + line(floor.all()));
            out.println("  plate+tag  " + line(floor.complete()));
        }
        out.println("arrivals     " + engine.arrivals() + " measured (+" + engine.warmupArrivals() + " warm-up)");
        out.println("decided      " + engine.decided() + " measured; " + engine.outcomes());
        out.println(
                "reasons      " + engine.tally().reasonsLine() + "  (share of the measured decisions carrying each)");
        out.println("scenarios    " + engine.tally().scenariosLine() + "  (decided/sent)");
        if (engine.tally().repeatsSent.get() > 0 || engine.tally().gateDrops.get() > 0) {
            out.println("late frames  " + engine.tally().repeatsSent.get() + " sent after their decision, "
                    + engine.tally().repeatsConfirmed.get() + " answered as repeats; gate drops "
                    + engine.tally().gateDrops.get());
        }
        out.println("throughput   " + String.format(Locale.ROOT, "%.1f", engine.throughput()) + " decisions/s");
        out.println("latency      " + line(engine.all()));
        out.println("  plate+tag  " + line(engine.complete()));
        out.println("  plate only " + line(engine.waiting()) + "  (waits for the fusion window or the next plate)");
        if (engine.tagToBoom().getTotalCount() > 0) {
            out.println("tag to boom  " + line(engine.tagToBoom())
                    + "  (RELEASEs: tag leaving the reader to the coil write,"
                    + " or to the RELEASE at the gate socket)");
        }
        if (engine.boom() != null) {
            BoomOracle.Findings b = engine.boom();
            out.println("booms        " + b.raises() + " raised; raised without a RELEASE for the truck under it "
                    + b.raisedWithoutRelease() + ", lowered on a truck " + b.loweredOnVehicle()
                    + " (0 expected); RELEASEs whose"
                    + " boom never rose " + b.releasesNotRaised());
            b.examples().forEach(e -> out.println("  boom: " + e));
        }
        if (floor != null && floor.complete().getTotalCount() > 0) {
            out.println("vs floor     p50 x" + ratio(p(engine.complete(), 50), p(floor.complete(), 50)) + ", p99 x"
                    + ratio(p(engine.complete(), 99), p(floor.complete(), 99)) + " (plate+tag arrivals)");
        }
        if (hasEnginePipeline()) {
            out.println("engine pipe  " + enginePipelineLine()
                    + "  (the engine's own histogram over the measured window: last read into the ring to"
                    + " decision handed to the gate; interpolated within its buckets)");
        }
        if (engine.random() != null) {
            out.println("random sel.  " + engine.random().text());
        }
        if (topology != null) {
            topology.print(out);
        }
        out.println("wrong        " + engine.wrongTotal()
                + (engine.warmupWrong() > 0 ? " (" + engine.warmupWrong() + " in warm-up)" : ""));
        engine.wrongExamples().forEach(w -> out.println("  wrong: " + w));
        out.println("lanes        " + engine.moved() + " arrivals took another free lane of their direction, "
                + engine.queued()
                + " sent over 1 ms after due (waiting for a free lane, or the client itself late; counted in latency), "
                + engine.neverSent() + " never got a lane");
        if (engine.starved() + engine.unmatched() + engine.holds() + engine.undecided() + engine.problemCount() > 0) {
            out.println("also         starved " + engine.starved() + ", unmatched decisions " + engine.unmatched()
                    + ", holds " + engine.holds() + ", undecided " + engine.undecided() + ", problems "
                    + engine.problemCount());
            engine.problems().forEach(p -> out.println("  problem: " + p));
        }
    }

    static String line(Histogram h) {
        return String.format(
                Locale.ROOT,
                "n %d  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s ms",
                h.getTotalCount(),
                ms(p(h, 50)),
                ms(p(h, 90)),
                ms(p(h, 99)),
                ms(p(h, 99.9)),
                ms(p(h, 100)));
    }

    static String ms(long micros) {
        return LatencySummary.format(micros / 1000.0);
    }

    /** The report as a web page: report.html. */
    String html() {
        return new ReportPage(this).html();
    }

    /** The latency percentile plot, as inline SVG. */
    String plot() {
        return new ReportPage(this).plot();
    }

    List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("report.json");
        Path html = dir.resolve("report.html");
        Files.writeString(json, json(), StandardCharsets.UTF_8);
        Files.writeString(html, html(), StandardCharsets.UTF_8);
        return List.of(json, html);
    }
}
