package hk.seamless.lanesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    static RunResult result(long microsFrom, long wrong) {
        Histogram all = new Histogram(3);
        Histogram complete = new Histogram(3);
        Histogram waiting = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            all.recordValue(microsFrom * i);
            complete.recordValue(microsFrom * i);
        }
        waiting.recordValue(1_000_000);
        all.recordValue(1_000_000);
        RandomSelectionCheck random = new RandomSelectionCheck();
        random.add(0.03, false);
        return new RunResult(
                "engine",
                1001,
                100,
                1001,
                wrong,
                0,
                wrong == 0 ? List.of() : List.of("ontime #1 on LMC-S-01: expected <RELEASE>, got \"INSPECT\""),
                new TreeMap<>(Map.of("RELEASE", 950L, "INSPECT", 51L)),
                all,
                complete,
                waiting,
                50.05,
                0,
                0,
                0,
                0,
                3,
                0,
                0,
                0,
                List.of(),
                random);
    }

    @Test
    void reportJsonHasTheContractFieldsAndTheFloorRatio(@TempDir Path dir) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("rate", "500.0");
        settings.put("transport", "ws");
        RunReport report = new RunReport(settings, result(10, 0), result(5, 0));
        List<Path> files = report.write(dir);
        JsonObject json = new JsonObject(Files.readString(files.get(0)));
        assertEquals(1001, json.getInteger("arrivals"));
        assertEquals(0, json.getInteger("wrong"));
        assertEquals(950, json.getJsonObject("decisions").getInteger("RELEASE"));
        JsonObject latency = json.getJsonObject("latencyMicros");
        for (String p : List.of("p50", "p90", "p99", "p999", "max")) {
            assertTrue(latency.containsKey(p), p);
        }
        assertEquals(5000, latency.getLong("p50"), 25);
        assertEquals(1_000_000, latency.getLong("max"), 1000);
        assertEquals(50.1, json.getDouble("throughput"), 0.01);
        assertEquals(2500, json.getJsonObject("floorLatencyMicros").getLong("p50"), 15);
        assertEquals(2.0, json.getJsonObject("ratio").getDouble("p50"), 0.01);
        assertEquals(2.0, json.getJsonObject("ratio").getDouble("p99"), 0.01);
        assertEquals("ws", json.getJsonObject("settings").getString("transport"));
    }

    @Test
    void theEnginesOwnPipelineHistogramOverTheMeasuredWindowIsReported(@TempDir Path dir) throws Exception {
        DecisionLatencyBuckets window = DecisionLatencyBuckets.parse(
                "seamless_decision_latency_seconds_bucket{control_point=\"LMC\",le=\"5.0E-5\"} 100\n"
                        + "seamless_decision_latency_seconds_bucket{control_point=\"LMC\",le=\"1.0E-4\"} 990\n"
                        + "seamless_decision_latency_seconds_bucket{control_point=\"LMC\",le=\"2.0\"} 998\n"
                        + "seamless_decision_latency_seconds_bucket{control_point=\"LMC\",le=\"+Inf\"} 1000\n");
        RunReport report = new RunReport(Map.of("rate", "1000"), result(10, 0), null, null, window);

        JsonObject pipeline = new JsonObject(report.json()).getJsonObject("enginePipelineMicros");
        assertEquals(1000, pipeline.getLong("count"));
        assertEquals(0.99, pipeline.getDouble("shareWithin100Micros"), 1e-9);
        assertEquals(100.0, pipeline.getDouble("p99"), 0.01, "rank 990 is the top of the 50..100 us bucket");
        assertTrue(pipeline.containsKey("p999") && pipeline.getValue("p999") == null, "over 2 s: no figure made up");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(
                printed.toString(StandardCharsets.UTF_8).contains("p99.9 over 2000 ms; within 100 us: 99.00%"),
                printed.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(report.write(dir).get(1)).contains("within 100 us: 99.00%"), "and on the page");
    }

    @Test
    void reportHtmlIsSelfContainedWithAnInlinePlot(@TempDir Path dir) throws Exception {
        RunReport report = new RunReport(Map.of("rate", "500"), result(10, 1), null);
        String html = Files.readString(report.write(dir).get(1));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg") && html.contains("<polyline"), "the percentile plot is drawn in the page");
        assertFalse(html.contains("src="), "no external script or image");
        assertFalse(html.contains("href="), "no external style sheet or font");
        assertTrue(
                html.contains("expected &lt;RELEASE&gt;, got &quot;INSPECT&quot;"),
                "wrong decisions are shown, escaped");
        assertFalse(new JsonObject(report.json()).containsKey("ratio"), "no floor, no ratio");
        assertEquals(1, new JsonObject(report.json()).getInteger("wrong"));
    }

    @Test
    void theRawJsonIsFoldedAndIndentedSoThatItStaysOnThePage(@TempDir Path dir) throws Exception {
        RunReport report = new RunReport(Map.of("rate", "500", "target", "http://127.0.0.1:8080"), result(10, 1), null);
        String html = Files.readString(report.write(dir).get(1));
        int details = html.indexOf("<details><summary>report.json");
        assertTrue(details > 0 && html.indexOf("</details>", details) > 0, "folded under a summary");
        String shown = html.substring(html.indexOf("<pre>", details) + 5, html.indexOf("</pre>", details))
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        // The same figures as report.json, a member a line: no line wider than a page.
        assertEquals(new JsonObject(report.json()), new JsonObject(shown));
        assertTrue(shown.lines().count() > 10, shown);
        assertTrue(shown.lines().allMatch(l -> l.length() <= 120), shown);
        // Kept for a look in a browser (target/ is the build's own folder).
        Files.copy(
                dir.resolve("report.html"),
                Path.of("target", "report-sample.html"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theSimulatorsJsonReaderAgreesWithAnIndependentOne() {
        String settings = "{\"bundlingLead\":\"PT30M\",\"fusionWindow\":\"PT1S\",\"randomInspectionRate\":0.03,"
                + "\"controlPoints\":[{\"code\":\"LMC\",\"name\":\"Lok Ma Chau \\\"落馬洲\\\"\",\"randomInspectionRate\":0.03,"
                + "\"lanes\":[{\"id\":\"LMC-S-01\",\"direction\":\"IMPORT\"},{\"id\":\"LMC-N-01\",\"direction\":\"EXPORT\"}]},"
                + "{\"code\":\"MKT\",\"name\":\"Man Kam To\",\"randomInspectionRate\":1,\"lanes\":[]}]}";
        EngineSettings s = EngineSettings.parse(settings).withRatesInForce("{\"rates\":{\"LMC\":0.05}}");
        assertEquals(java.time.Duration.ofMinutes(30), s.bundlingLead());
        assertEquals(
                List.of(new LaneInfo("LMC-S-01", "LMC", "IMPORT"), new LaneInfo("LMC-N-01", "LMC", "EXPORT")),
                s.lanes());
        assertEquals(Map.of("LMC", 0.05, "MKT", 1.0), s.randomRates());
        // The simulator reads with Vert.x's JsonObject now; what it still writes by hand (JsonTemplate) must read back
        // the same.
        assertEquals(
                new JsonObject(settings)
                        .getJsonArray("controlPoints")
                        .getJsonObject(0)
                        .getString("name"),
                new JsonObject(JsonTemplate.field(new StringBuilder("{"), "name", "Lok Ma Chau \"落馬洲\"") + "}")
                        .getString("name"));
        Decision d = Decision.parse(
                "{\"kind\":\"decision\",\"arrivalId\":\"LMC-S-01.x.1\",\"lane\":\"LMC-S-01\","
                        + "\"vehicleMark\":\"FU1234\",\"decision\":\"INSPECT\",\"reasons\":[\"EARLY_ARRIVAL\",\"WATCHLIST\"],"
                        + "\"display\":\"INSPECTION\",\"bundleId\":null,\"ccrns\":[],\"decidedAt\":\"2026-11-26T10:00:00+08:00\"}");
        assertEquals(java.util.Set.of("WATCHLIST", "EARLY_ARRIVAL"), d.reasons());
        assertEquals(null, Decision.parse("{\"kind\":\"hold\",\"decision\":\"HOLD\"}"));
        assertEquals(
                java.util.Arrays.asList("run", "--target", "x"),
                List.of(LaneSimulator.withDefaultCommand(new String[] {"--target", "x"})));
        assertEquals(List.of("--help"), List.of(LaneSimulator.withDefaultCommand(new String[] {"--help"})));
    }

    @Test
    void theReportGivesTheShareOfEachReasonCodeAndTheCountsPerScenario(@TempDir Path dir) throws Exception {
        RunResult base = result(10, 0);
        RuleTally tally = new RuleTally();
        for (int i = 0; i < 200; i++) {
            Set<String> reasons = i < 10
                    ? Set.of("NO_BUNDLE")
                    : i < 14
                            ? Set.of("ACCOUNT_SUSPENDED", "EARLY_ARRIVAL")
                            : i < 16 ? Set.of("GATE_UNAVAILABLE") : Set.of();
            tally.decided(new Decision(
                    "A" + i,
                    "LMC-S-01",
                    "FU1",
                    reasons.contains("GATE_UNAVAILABLE") ? "HOLD" : "RELEASE",
                    reasons,
                    null));
        }
        tally.of(Scenario.SUSPENDED).sent.addAndGet(4);
        tally.of(Scenario.SUSPENDED).decided.addAndGet(4);
        tally.of(Scenario.REPEAT).sent.addAndGet(3);
        tally.of(Scenario.REPEAT).decided.addAndGet(3);
        tally.of(Scenario.REPEAT).wrong.incrementAndGet();
        tally.repeatsSent.addAndGet(3);
        tally.repeatsConfirmed.addAndGet(2);
        RunResult result = new RunResult(
                base.label(),
                base.arrivals(),
                base.warmupArrivals(),
                base.decided(),
                base.wrong(),
                base.warmupWrong(),
                base.wrongExamples(),
                base.outcomes(),
                base.all(),
                base.complete(),
                base.waiting(),
                base.throughput(),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(),
                base.random(),
                tally);
        RunReport report = new RunReport(Map.of("rate", "1000"), result, null);
        JsonObject json = new JsonObject(Files.readString(report.write(dir).get(0)));
        JsonObject reasons = json.getJsonObject("reasons");
        assertEquals(10, reasons.getJsonObject("NO_BUNDLE").getInteger("count"));
        assertEquals(5.0, reasons.getJsonObject("NO_BUNDLE").getDouble("percent"), 0.001);
        assertEquals(2.0, reasons.getJsonObject("ACCOUNT_SUSPENDED").getDouble("percent"), 0.001);
        assertEquals(2.0, reasons.getJsonObject("EARLY_ARRIVAL").getDouble("percent"), 0.001);
        assertEquals(1.0, reasons.getJsonObject("GATE_UNAVAILABLE").getDouble("percent"), 0.001);
        assertFalse(reasons.containsKey("RANDOM_SELECTION"), "only reasons that occurred");
        JsonObject scenarios = json.getJsonObject("scenarios");
        assertEquals(
                new JsonObject().put("sent", 3).put("decided", 3).put("wrong", 1), scenarios.getJsonObject("repeat"));
        assertFalse(scenarios.containsKey("ontime"), "scenarios not sent are left out");
        assertEquals(2, json.getJsonObject("lateFrames").getInteger("answeredAsRepeat"));
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(
                html.contains("<td class=\"l\">ACCOUNT_SUSPENDED</td><td>4</td><td>2.00%</td>"),
                "reason shares in the page");
        assertTrue(
                html.contains("<td class=\"l\">suspended</td><td>4</td><td>4</td><td>0</td>"),
                "scenario counts in the page");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        report.print(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(
                printed.toString(java.nio.charset.StandardCharsets.UTF_8).contains("NO_BUNDLE 10 (5.00%)"),
                printed.toString());
    }

    @Test
    void theNewSettingsAndAHoldHeardAtTheLaneAreRead() {
        String settings = "{\"bundlingLead\":\"PT0S\",\"fusionWindow\":\"PT1S\",\"plateConfidenceThreshold\":70,"
                + "\"presenceWindow\":\"PT15S\",\"controlPoints\":[]}";
        EngineSettings s = EngineSettings.parse(settings);
        assertEquals(70, s.confidenceThreshold());
        assertEquals(java.time.Duration.ofSeconds(15), s.presenceWindow());
        EngineSettings older =
                EngineSettings.parse("{\"bundlingLead\":\"PT0S\",\"fusionWindow\":\"PT1S\",\"controlPoints\":[]}");
        assertEquals(80, older.confidenceThreshold());
        assertEquals(java.time.Duration.ofSeconds(10), older.presenceWindow(), "the rules' default");
        assertEquals(
                java.time.Duration.ofSeconds(3),
                older.withPresenceWindow(java.time.Duration.ofSeconds(3)).presenceWindow());

        Decision asDecision =
                Decision.parseAtDevice("{\"kind\":\"decision\",\"arrivalId\":\"L.1\",\"vehicleMark\":\"FU1\","
                        + "\"decision\":\"HOLD\",\"reasons\":[\"GATE_UNAVAILABLE\"],\"display\":\"SEE OFFICER\"}");
        assertEquals("HOLD", asDecision.decision());
        assertEquals(Set.of("GATE_UNAVAILABLE"), asDecision.reasons());
        Decision asHold = Decision.parseAtDevice(
                "{\"kind\":\"hold\",\"lane\":\"L\",\"decision\":\"HOLD\",\"reason\":\"GATE_UNAVAILABLE\"}");
        assertEquals(Set.of("GATE_UNAVAILABLE"), asHold.reasons());
        assertEquals(null, Decision.parseAtDevice("{\"kind\":\"accepted\",\"arrivalId\":\"L.1\"}"));
    }
}
