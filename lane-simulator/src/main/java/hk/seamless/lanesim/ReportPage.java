package hk.seamless.lanesim;

import static hk.seamless.lanesim.RunReport.p;
import static hk.seamless.lanesim.RunReport.ratio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A run's report as a web page (report.html): the summary, the latency tables and a percentile plot
 * drawn as inline SVG, with no script, font or file from elsewhere, and report.json folded at the end.
 */
final class ReportPage {

    private final RunReport report;
    private final Map<String, String> settings;
    private final RunResult engine;
    private final RunResult floor;

    ReportPage(RunReport report) {
        this.report = report;
        this.settings = report.settings();
        this.engine = report.engine();
        this.floor = report.floor();
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
        if (report.hasEnginePipeline()) {
            h.append("<p>Engine pipeline, from its own histogram over the measured window (last read into the ring to"
                            + " decision handed to the gate; interpolated within its buckets): ")
                    .append(esc(report.enginePipelineLine()))
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
                .append(esc(PrettyJson.of(report.asJson())))
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
            h.append("<td>").append(RunReport.ms(p(hist, pc))).append("</td>");
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
}
