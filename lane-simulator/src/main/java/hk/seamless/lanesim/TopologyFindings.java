package hk.seamless.lanesim;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a run over a registry and lane engines found beyond the decisions: the counts per control
 * point, the outage as it was played (seconds from the run's start; null fields when there was none),
 * how many decisions were made while cut off, the bundles made during the run, and whether every
 * released crossing was recorded at the registry exactly once.
 */
record TopologyFindings(String where, String outage, Double cutFromSeconds, Double cutToSeconds, String outageFailure,
                        Map<String, TopologyTally.PerControlPoint> perControlPoint, long decidedWhileCut,
                        long bundlesMadeDuringRun, long bundlingFailures, CrossingCheck.Findings crossings) {

    /** Whether nothing here fails the run: the outage played as asked and every crossing was recorded once. */
    boolean passed() {
        return outageFailure == null && bundlingFailures == 0 && (crossings == null || crossings.allRecordedOnce());
    }

    String json() {
        StringBuilder j = new StringBuilder("{");
        j.append(JsonText.field("where", where));
        j.append(",\"outage\":");
        if (outage == null) {
            j.append("null");
        } else {
            j.append('{').append(JsonText.field("asked", outage))
                    .append(',').append(JsonText.numberField("cutFromSeconds", number(cutFromSeconds)))
                    .append(',').append(JsonText.numberField("cutToSeconds", number(cutToSeconds)))
                    .append(",\"failure\":").append(outageFailure == null ? "null" : JsonText.quote(outageFailure)).append('}');
        }
        j.append(',').append(JsonText.field("decidedWhileCut", decidedWhileCut));
        j.append(',').append(JsonText.field("bundlesMadeDuringRun", bundlesMadeDuringRun));
        j.append(',').append(JsonText.field("bundlingFailures", bundlingFailures));
        j.append(",\"perControlPoint\":").append(perControlPoint.entrySet().stream()
                .map(e -> JsonText.quote(e.getKey()) + ":" + e.getValue().json()).collect(Collectors.joining(",", "{", "}")));
        j.append(",\"crossings\":").append(crossings == null ? "null" : crossings.json());
        j.append(",\"passed\":").append(passed());
        return j.append('}').toString();
    }

    private static String number(Double seconds) {
        return seconds == null ? "null" : String.format(Locale.ROOT, "%.2f", seconds);
    }

    void print(PrintStream out) {
        out.println("topology     " + where);
        if (outage != null) {
            out.println("outage       asked " + outage + "; cut from t=" + number(cutFromSeconds) + "s to t=" + number(cutToSeconds)
                    + "s; " + decidedWhileCut + " decisions made while cut off" + (outageFailure == null ? "" : "; FAILED: " + outageFailure));
        }
        out.println("live bundles " + bundlesMadeDuringRun + " made at the registry during the run"
                + (bundlingFailures > 0 ? ", " + bundlingFailures + " FAILED" : ""));
        perControlPoint.forEach((cp, c) -> out.println(String.format(Locale.ROOT,
                "  %-4s       decided %d, released %d, wrong %d; while cut off %d decided (%d released); bundles made "
                        + "during the run: %d known, %d unknown, %d either at the lane engine, %d inspected as unknown",
                cp, c.decided.get(), c.released.get(), c.wrong.get(), c.decidedWhileCut.get(), c.releasedWhileCut.get(),
                c.liveKnown.get(), c.liveUnknown.get(), c.liveEither.get(), c.liveInspectedUnknown.get())));
        if (crossings != null) {
            out.println("crossings    " + crossings.released() + " released bundles: " + crossings.used() + " USED at the registry, "
                    + crossings.once() + " recorded exactly once, " + crossings.clones() + " suspected clones"
                    + (crossings.allRecordedOnce() ? " (all recorded once" : " (NOT all recorded once")
                    + ", after " + crossings.waitedMillis() + " ms)");
            crossings.examples().forEach(e -> out.println("  crossing: " + e));
        }
    }
}
