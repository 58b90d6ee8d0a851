package hk.seamless.kafka;

import hk.seamless.feed.LaneReport;
import hk.seamless.log.LogEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a lane log entry into the {@link LaneReport} the registry records: decisions and
 * overrides; the log's other entries (gate answers, repeated reads, boom movements) stay local,
 * in the lane engine's own audit trail.
 */
final class LaneReports {

    private LaneReports() {}

    /** @return the report, or null for an entry that is not one */
    static LaneReport of(String engine, LogEntry entry) {
        JsonObject json;
        try {
            json = new JsonObject(new String(entry.payload(), StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return null;
        }
        String kind = json.getString("entry");
        LaneReport.Kind reportKind = "DECISION".equals(kind)
                ? LaneReport.Kind.DECIDED
                : "OVERRIDE".equals(kind) ? LaneReport.Kind.OVERRIDDEN : null;
        if (reportKind == null || json.getString("arrivalId") == null) {
            return null;
        }
        return new LaneReport(
                engine,
                entry.sequence(),
                reportKind,
                json.getString("controlPoint"),
                json.getString("lane"),
                json.getString("arrivalId"),
                json.getString("vehicleMark"),
                json.getString("decision"),
                reasons(json.getJsonArray("reasons")),
                json.getString("bundleId"),
                when(json, reportKind));
    }

    /** A decision's time; an override's is the newest override's (when the truck was let go). */
    private static Instant when(JsonObject json, LaneReport.Kind kind) {
        JsonArray overrides = json.getJsonArray("overrides");
        if (kind == LaneReport.Kind.OVERRIDDEN && overrides != null && !overrides.isEmpty()) {
            return OffsetDateTime.parse(
                            overrides.getJsonObject(overrides.size() - 1).getString("at"))
                    .toInstant();
        }
        return OffsetDateTime.parse(json.getString("decidedAt")).toInstant();
    }

    private static List<String> reasons(JsonArray array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(r -> out.add(String.valueOf(r)));
        }
        return out;
    }
}
