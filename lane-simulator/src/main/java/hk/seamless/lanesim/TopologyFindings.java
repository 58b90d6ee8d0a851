package hk.seamless.lanesim;

import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * What a run over a registry and lane engines found beyond the decisions: the counts per control
 * point, the outage as it was played (seconds from the run's start; null fields when there was none),
 * how many decisions were made while cut off, the bundles made during the run, and whether every
 * released crossing was recorded at the registry exactly once.
 */
record TopologyFindings(
        String where,
        String outage,
        Double cutFromSeconds,
        Double cutToSeconds,
        String outageFailure,
        Map<String, TopologyTally.PerControlPoint> perControlPoint,
        long decidedWhileCut,
        long bundlesMadeDuringRun,
        long bundlingFailures,
        CrossingCheck.Findings crossings) {

    /** Whether nothing here fails the run: the outage played as asked and every crossing was recorded once. */
    boolean passed() {
        return outageFailure == null && bundlingFailures == 0 && (crossings == null || crossings.allRecordedOnce());
    }

    JsonObject json() {
        JsonObject j = new JsonObject().put("where", where);
        j.put(
                "outage",
                outage == null
                        ? null
                        : new JsonObject()
                                .put("asked", outage)
                                .put("cutFromSeconds", cutFromSeconds == null ? null : Decimals.of(cutFromSeconds, 2))
                                .put("cutToSeconds", cutToSeconds == null ? null : Decimals.of(cutToSeconds, 2))
                                .put("failure", outageFailure));
        j.put("decidedWhileCut", decidedWhileCut)
                .put("bundlesMadeDuringRun", bundlesMadeDuringRun)
                .put("bundlingFailures", bundlingFailures);
        JsonObject perCp = new JsonObject();
        perControlPoint.forEach((cp, counts) -> perCp.put(cp, counts.json()));
        j.put("perControlPoint", perCp);
        j.put("crossings", crossings == null ? null : crossings.json());
        return j.put("passed", passed());
    }

    private static String number(Double seconds) {
        return seconds == null ? "null" : String.format(Locale.ROOT, "%.2f", seconds);
    }

    void print(PrintStream out) {
        out.println("topology     " + where);
        if (outage != null) {
            out.println("outage       asked " + outage + "; cut from t=" + number(cutFromSeconds) + "s to t="
                    + number(cutToSeconds) + "s; " + decidedWhileCut + " decisions made while cut off"
                    + (outageFailure == null ? "" : "; FAILED: " + outageFailure));
        }
        out.println("live bundles " + bundlesMadeDuringRun + " made at the registry during the run"
                + (bundlingFailures > 0 ? ", " + bundlingFailures + " FAILED" : ""));
        perControlPoint.forEach((cp, c) -> out.println(String.format(
                Locale.ROOT,
                "  %-4s       decided %d, released %d, wrong %d; while cut off %d decided (%d released); bundles made "
                        + "during the run: %d known, %d unknown, %d either at the lane engine, %d inspected as unknown",
                cp,
                c.decided.get(),
                c.released.get(),
                c.wrong.get(),
                c.decidedWhileCut.get(),
                c.releasedWhileCut.get(),
                c.liveKnown.get(),
                c.liveUnknown.get(),
                c.liveEither.get(),
                c.liveInspectedUnknown.get())));
        if (crossings != null) {
            out.println("crossings    " + crossings.released() + " released bundles: " + crossings.used()
                    + " USED at the registry, "
                    + crossings.once() + " recorded exactly once, " + crossings.clones() + " suspected clones"
                    + (crossings.allRecordedOnce() ? " (all recorded once" : " (NOT all recorded once")
                    + ", after " + crossings.waitedMillis() + " ms)");
            crossings.examples().forEach(e -> out.println("  crossing: " + e));
        }
    }
}
