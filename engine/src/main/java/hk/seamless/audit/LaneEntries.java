package hk.seamless.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Reads the lane log's entries (decisions, overrides, gate acknowledgements, repeat reads) as audit lines. */
public final class LaneEntries {

    public static final String LOG = "lane";

    private LaneEntries() {}

    /** A lane entry records one thing (a decision, an override, a gate answer): the whole entry decides. */
    public static List<AuditLine> lines(LoggedEntry entry) {
        return AuditLine.ofWholeEntry(entry, describe(entry));
    }

    public static List<AuditEntry> describe(LoggedEntry entry) {
        JsonObject json = new JsonObject(new String(entry.payload(), StandardCharsets.UTF_8));
        String kind = json.getString("entry", "UNKNOWN");
        String lane = json.getString("lane");
        String arrival = json.getString("arrivalId");
        Instant at = Instant.ofEpochMilli(entry.atMillis());
        String where = lane == null ? null : "lane " + lane;
        return List.of(
                switch (kind) {
                    case "DECISION" ->
                        new AuditEntry(
                                LOG,
                                entry.sequence(),
                                at,
                                where,
                                where,
                                "DECIDED",
                                arrival,
                                json.getString("decision") + " " + json.getString("vehicleMark", "(no mark)")
                                        + reasons(json)
                                        + (json.getString("bundleId") == null
                                                ? ""
                                                : ", bundle " + json.getString("bundleId")));
                    case "OVERRIDE" -> overridden(json, entry, at, where, arrival);
                    case "GATE_ACK" ->
                        new AuditEntry(
                                LOG,
                                entry.sequence(),
                                at,
                                "gate of " + lane,
                                where,
                                "GATE_ACKNOWLEDGED",
                                arrival,
                                json.getString("state"));
                    case "REPEAT_READ" ->
                        new AuditEntry(
                                LOG,
                                entry.sequence(),
                                at,
                                where,
                                where,
                                "REPEAT_READ",
                                arrival,
                                json.getString("read"));
                    // the gate's own driver: boom movements and faults; a cleared fault names the officer
                    case "BOOM_RAISED", "BOOM_LOWERED", "GATE_FAULT", "GATE_FAULT_CLEARED" ->
                        new AuditEntry(
                                LOG,
                                entry.sequence(),
                                at,
                                json.getString("account", "gate of " + lane),
                                json.getString("account") == null ? where : "console, " + where,
                                kind,
                                arrival == null ? lane : arrival,
                                json.getString("detail"));
                    default -> new AuditEntry(LOG, entry.sequence(), at, where, where, kind, arrival, json.encode());
                });
    }

    private static AuditEntry overridden(JsonObject json, LoggedEntry entry, Instant at, String where, String arrival) {
        JsonArray overrides = json.getJsonArray("overrides", new JsonArray());
        JsonObject last = overrides.isEmpty() ? new JsonObject() : overrides.getJsonObject(overrides.size() - 1);
        String detail = last.getString("from") + " to " + last.getString("to") + ": " + last.getString("reason", "");
        if (last.getString("inspectionResult") != null) {
            detail += " (inspection: " + last.getString("inspectionResult") + ")";
        }
        return new AuditEntry(
                LOG,
                entry.sequence(),
                at,
                last.getString("officer"),
                "console, " + where,
                "OVERRIDDEN",
                arrival,
                detail);
    }

    private static String reasons(JsonObject json) {
        JsonArray reasons = json.getJsonArray("reasons");
        return reasons == null || reasons.isEmpty() ? "" : " " + reasons.encode();
    }
}
