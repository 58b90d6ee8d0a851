package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a lodgement-load run prints, and the same as report.json for a CI job or a spreadsheet. */
record LodgementReport(
        String target, int concurrency, long warmupRequests, long warmupErrors, ClosedLoopLodgement.Outcome measured) {

    static String throughput(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    void print(PrintStream out) {
        LatencySummary latency = LatencySummary.of(measured.latencyNanos());
        out.println("target       " + target);
        out.println("concurrency  " + concurrency + " (closed loop)");
        out.println("warm-up      " + warmupRequests + " requests, " + warmupErrors + " errors (not counted)");
        out.println("requests     " + measured.requests());
        out.println("errors       " + measured.errors());
        measured.problems().forEach(p -> out.println("  problem: " + p));
        out.println("elapsed      " + String.format(Locale.ROOT, "%.3f", measured.elapsedNanos() / 1e9) + " s");
        out.println("throughput   " + throughput(measured.throughputPerSecond()) + " requests/s");
        out.println("latency      " + latency.text());
    }

    String json() {
        return new JsonObject()
                        .put("target", target)
                        .put("concurrency", concurrency)
                        .put("warmupRequests", warmupRequests)
                        .put("warmupErrors", warmupErrors)
                        .put("requests", measured.requests())
                        .put("errors", measured.errors())
                        .put("problems", new JsonArray(measured.problems()))
                        .put("elapsedSeconds", Decimals.of(measured.elapsedNanos() / 1e9, 3))
                        .put("throughputPerSecond", Decimals.of(measured.throughputPerSecond(), 1))
                        .put(
                                "latencyMs",
                                LatencySummary.of(measured.latencyNanos()).json())
                        .encode()
                + "\n";
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("report.json");
        Files.writeString(file, json(), StandardCharsets.UTF_8);
        return file;
    }
}
