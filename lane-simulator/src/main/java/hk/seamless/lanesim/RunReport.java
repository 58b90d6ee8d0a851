package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The summary a run prints, and the same as report.json and report.html (with a latency
 * percentile plot drawn as inline SVG: no script, font or file from elsewhere).
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

    private boolean hasEnginePipeline() {
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

    private String enginePipelineLine() {
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

    private static String ms(long micros) {
        return LatencySummary.format(micros / 1000.0);
    }

    String html() {
        StringBuilder h = new StringBuilder(16384);
        h.append(
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Seamless lane simulator report</title>\n")
                .append(
                        "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
                                + "td,th{border:1px solid #bbb;padding:4px 10px;text-align:right}th{background:#eee}"
                                + "td.l,th.l{text-align:left}.bad{color:#b00}.ok{color:#070}pre{background:#f6f6f6;padding:1em;white-space:pre-wrap;overflow-wrap:anywhere}"
                                + "summary{cursor:pointer;margin:1.5em 0 .5em;font-weight:bold}</style>\n")
                .append("</head><body>\n<h1>Seamless lane simulator</h1>\n");
        boolean ok = engine.passed();
        h.append("<p class=\"")
                .append(ok ? "ok" : "bad")
                .append("\"><b>")
                .append(engine.wrongTotal())
                .append(" wrong</b> of ")
                .append(engine.decided())
                .append(" decided measured arrivals (")
                .append(engine.arrivals())
                .append(" sent, ")
                .append(engine.warmupArrivals())
                .append(" more in warm-up); throughput ")
                .append(String.format(Locale.ROOT, "%.1f", engine.throughput()))
                .append(" decisions/s.</p>\n");
        h.append("<table><tr><th class=\"l\">setting</th><th class=\"l\">value</th></tr>\n");
        settings.forEach((k, v) -> h.append("<tr><td class=\"l\">")
                .append(esc(k))
                .append("</td><td class=\"l\">")
                .append(esc(v))
                .append("</td></tr>\n"));
        h.append(
                "</table>\n<h2>Latency (ms), from when an arrival's reads were due to its decision at the gate</h2>\n");
        h.append(
                "<table><tr><th class=\"l\">arrivals</th><th>n</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>\n");
        row(h, "engine, all", engine.all());
        row(h, "engine, plate and tag", engine.complete());
        row(h, "engine, plate only (fusion window)", engine.waiting());
        if (engine.tagToBoom().getTotalCount() > 0) {
            row(h, "RELEASEs: tag leaving the reader to the boom's command", engine.tagToBoom());
        }
        if (floor != null) {
            row(h, "floor, all", floor.all());
            row(h, "floor, plate and tag", floor.complete());
        }
        h.append("</table>\n");
        if (hasEnginePipeline()) {
            h.append("<p>Engine pipeline, from its own histogram over the measured window (last read into the ring to"
                            + " decision handed to the gate; interpolated within its buckets): ")
                    .append(esc(enginePipelineLine()))
                    .append("</p>\n");
        }
        if (floor != null) {
            h.append("<p>Engine over floor (plate and tag arrivals): p50 &times;")
                    .append(ratio(p(engine.complete(), 50), p(floor.complete(), 50)))
                    .append(", p99 &times;")
                    .append(ratio(p(engine.complete(), 99), p(floor.complete(), 99)))
                    .append("</p>\n");
        }
        h.append(plot());
        if (engine.boom() != null) {
            BoomOracle.Findings b = engine.boom();
            h.append("<h2>Booms (emulated Modbus gates)</h2>\n<p class=\"")
                    .append(b.violations() == 0 ? "ok" : "bad")
                    .append("\">")
                    .append(b.raises())
                    .append(" raised; raised without a RELEASE for the truck under it: ")
                    .append(b.raisedWithoutRelease())
                    .append("; lowered on a truck: ")
                    .append(b.loweredOnVehicle())
                    .append(" (0 expected). RELEASEs whose boom never rose: ")
                    .append(b.releasesNotRaised())
                    .append(".</p>\n");
            if (!b.examples().isEmpty()) {
                h.append("<pre>");
                b.examples().forEach(e -> h.append(esc(e)).append('\n'));
                h.append("</pre>\n");
            }
        }
        h.append("<h2>Decisions</h2>\n<table><tr><th class=\"l\">decision</th><th>measured arrivals</th></tr>\n");
        engine.outcomes()
                .forEach((k, v) -> h.append("<tr><td class=\"l\">")
                        .append(esc(k))
                        .append("</td><td>")
                        .append(v)
                        .append("</td></tr>\n"));
        h.append("</table>\n");
        RuleTally t = engine.tally();
        h.append(
                "<h2>Reason codes</h2>\n<table><tr><th class=\"l\">reason</th><th>measured decisions</th><th>share</th></tr>\n");
        t.reasons()
                .forEach((k, v) -> h.append("<tr><td class=\"l\">")
                        .append(esc(k))
                        .append("</td><td>")
                        .append(v)
                        .append("</td><td>")
                        .append(String.format(Locale.ROOT, "%.2f%%", t.share(v)))
                        .append("</td></tr>\n"));
        h.append(
                "</table>\n<h2>Scenarios</h2>\n<table><tr><th class=\"l\">scenario</th><th>sent</th><th>decided</th><th>wrong</th></tr>\n");
        t.scenarios().forEach((s, c) -> {
            if (c.sent.get() > 0) {
                h.append("<tr><td class=\"l\">")
                        .append(esc(s.label()))
                        .append("</td><td>")
                        .append(c.sent.get())
                        .append("</td><td>")
                        .append(c.decided.get())
                        .append("</td><td>")
                        .append(c.wrong.get())
                        .append("</td></tr>\n");
            }
        });
        h.append("</table>\n<p>Late frames: ")
                .append(t.repeatsSent.get())
                .append(" sent after their arrival's decision, ")
                .append(t.repeatsConfirmed.get())
                .append(" answered as repeats. Gate drops played: ")
                .append(t.gateDrops.get())
                .append(".</p>\n");
        if (engine.random() != null) {
            h.append("<p>Random selection: ")
                    .append(esc(engine.random().text()))
                    .append("</p>\n");
        }
        if (!engine.wrongExamples().isEmpty()) {
            h.append("<h2 class=\"bad\">Wrong decisions (first ")
                    .append(engine.wrongExamples().size())
                    .append(")</h2>\n<pre>");
            engine.wrongExamples().forEach(w -> h.append(esc(w)).append('\n'));
            h.append("</pre>\n");
        }
        if (!engine.problems().isEmpty()) {
            h.append("<h2>Problems (first ")
                    .append(engine.problems().size())
                    .append(" of ")
                    .append(engine.problemCount())
                    .append(")</h2>\n<pre>");
            engine.problems().forEach(p -> h.append(esc(p)).append('\n'));
            h.append("</pre>\n");
        }
        // Folded: the figures above are the report; the raw JSON is there for whoever wants it.
        h.append("<details><summary>report.json (the same figures, as the file has them)</summary>\n<pre>")
                .append(esc(PrettyJson.of(asJson())))
                .append("</pre></details>\n</body></html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String name, Histogram hist) {
        h.append("<tr><td class=\"l\">")
                .append(esc(name))
                .append("</td><td>")
                .append(hist.getTotalCount())
                .append("</td>");
        for (double pc : new double[] {50, 90, 99, 99.9, 100}) {
            h.append("<td>").append(ms(p(hist, pc))).append("</td>");
        }
        h.append("</tr>\n");
    }

    /**
     * Latency by percentile, the x axis spread as log10(1 / (1 - percentile)) so that the tail
     * (99%, 99.9%, 99.99%) gets as much room as the middle; the y axis is logarithmic in ms.
     */
    String plot() {
        int width = 760;
        int height = 380;
        int left = 70;
        int right = 20;
        int top = 20;
        int bottom = 50;
        List<Histogram> series = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        series.add(engine.all());
        names.add("engine, all");
        colours.add("#c0392b");
        series.add(engine.complete());
        names.add("engine, plate and tag");
        colours.add("#2c7fb8");
        if (floor != null) {
            series.add(floor.complete());
            names.add("floor, plate and tag");
            colours.add("#27ae60");
        }
        long maxMicros = 1;
        long minMicros = Long.MAX_VALUE;
        for (Histogram s : series) {
            if (s.getTotalCount() > 0) {
                maxMicros = Math.max(maxMicros, s.getMaxValue());
                minMicros = Math.min(minMicros, Math.max(1, s.getMinValue()));
            }
        }
        if (minMicros == Long.MAX_VALUE) {
            minMicros = 1;
        }
        double yLow = Math.floor(Math.log10(minMicros));
        double yHigh = Math.max(yLow + 1, Math.ceil(Math.log10(maxMicros)));
        double xHigh = 5; // 99.999%
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<h2>Latency by percentile</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-size=\"11\" font-family=\"sans-serif\">\n");
        svg.append("<rect x=\"")
                .append(left)
                .append("\" y=\"")
                .append(top)
                .append("\" width=\"")
                .append(width - left - right)
                .append("\" height=\"")
                .append(height - top - bottom)
                .append("\" fill=\"none\" stroke=\"#888\"/>\n");
        for (double d = yLow; d <= yHigh; d++) {
            double y = top + (height - top - bottom) * (1 - (d - yLow) / (yHigh - yLow));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                    left,
                    width - right,
                    y,
                    y));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>\n",
                    left - 5,
                    y + 4,
                    trim(Math.pow(10, d) / 1000.0)));
        }
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int i = 0; i <= 5; i++) {
            double x = left + (width - left - right) * (i / xHigh);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>",
                    x,
                    x,
                    top,
                    height - bottom));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    x,
                    height - bottom + 16,
                    labels[i]));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>\n",
                (left + width - right) / 2,
                height - 12));
        for (int s = 0; s < series.size(); s++) {
            Histogram hist = series.get(s);
            if (hist.getTotalCount() == 0) {
                continue;
            }
            StringBuilder points = new StringBuilder();
            for (int i = 0; i <= 100; i++) {
                double xv = xHigh * i / 100.0;
                double percentile = 100 * (1 - Math.pow(10, -xv));
                long v = Math.max(1, p(hist, percentile));
                double x = left + (width - left - right) * (xv / xHigh);
                double y = top + (height - top - bottom) * (1 - (Math.log10(v) - yLow) / (yHigh - yLow));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(colours.get(s))
                    .append("\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>\n");
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n",
                    left + 10,
                    top + 16 + 14 * s,
                    colours.get(s),
                    esc(names.get(s))));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String trim(double v) {
        return v >= 1
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%s", v).replaceAll("0+$", "");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
