package hk.seamless.pipeline;

import hk.seamless.config.HongKongTimes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The decision as devices, gates and consoles receive it (the contract's decision message), and
 * the fuller arrival view the console opens.
 */
public final class DecisionMessages {

    private DecisionMessages() {}

    /**
     * The decision message. {@code validUntil} tells a gate how long a RELEASE may be acted on:
     * one that arrives late, or is replayed, must leave the gate closed.
     */
    public static JsonObject decision(ArrivalRecord r, long releaseValidityMillis) {
        JsonArray reasons = new JsonArray();
        r.reasons().forEach(code -> reasons.add(code.name()));
        JsonObject json = new JsonObject()
                .put("kind", "decision")
                .put("arrivalId", r.id())
                .put("controlPoint", r.controlPoint())
                .put("lane", r.lane())
                .put("direction", r.direction())
                .put("vehicleMark", r.vehicleMark())
                .put("decision", r.decision().name())
                .put("reasons", reasons)
                .put("display", r.decision().display())
                .put("bundleId", r.bundleId())
                .put("ccrns", new JsonArray(r.ccrns()))
                .put("decidedAt", time(r.decidedAt()));
        if (r.decision() == Verdict.RELEASE) {
            json.put("validUntil", time(r.decidedAt().plusMillis(releaseValidityMillis)));
        }
        return json;
    }

    /** For the console: the decision with the reads behind it, the gate's state and the overrides. */
    public static JsonObject detail(ArrivalRecord r, long releaseValidityMillis) {
        return withDetail(decision(r, releaseValidityMillis), r);
    }

    /** Adds the reads, gate state and overrides to a decision message already built (and sent). */
    static JsonObject withDetail(JsonObject decision, ArrivalRecord r) {
        JsonObject json = decision.put("kind", "arrival");
        JsonArray candidates = new JsonArray();
        r.reads()
                .candidates()
                .forEach(c ->
                        candidates.add(new JsonObject().put("plate", c.plate()).put("confidence", c.confidence())));
        json.put(
                "reads",
                new JsonObject()
                        .put("plate", r.reads().plate())
                        .put("confidence", r.reads().confidence())
                        .put("candidates", candidates)
                        .put("epc", r.reads().epc())
                        .put("emptyPressed", r.reads().emptyPressed()));
        json.put("gateState", r.gateState());
        json.put("repeatReads", r.repeatReads());
        JsonArray overrides = new JsonArray();
        r.overrides()
                .forEach(o -> overrides.add(new JsonObject()
                        .put("officer", o.officer())
                        .put("officerName", o.officerName())
                        .put("from", o.from().name())
                        .put("to", o.to().name())
                        .put("reason", o.reason())
                        .put("inspectionResult", o.inspectionResult())
                        .put("keyedMark", o.keyedMark())
                        .put("at", time(o.at()))));
        return json.put("overrides", overrides);
    }

    /** An arrival as {@link #detail} wrote it (in the lane journal): read back at start. */
    static ArrivalRecord record(JsonObject detail) {
        java.util.List<ReasonCode> reasons = new java.util.ArrayList<>();
        detail.getJsonArray("reasons", new JsonArray()).forEach(code -> reasons.add(ReasonCode.valueOf((String) code)));
        java.util.List<String> ccrns = new java.util.ArrayList<>();
        detail.getJsonArray("ccrns", new JsonArray()).forEach(c -> ccrns.add((String) c));
        JsonObject reads = detail.getJsonObject("reads", new JsonObject());
        java.util.List<ArrivalRecord.Candidate> candidates = new java.util.ArrayList<>();
        reads.getJsonArray("candidates", new JsonArray()).forEach(o -> {
            JsonObject c = (JsonObject) o;
            candidates.add(new ArrivalRecord.Candidate(c.getString("plate"), c.getInteger("confidence", 0)));
        });
        java.util.List<ArrivalRecord.Override> overrides = new java.util.ArrayList<>();
        detail.getJsonArray("overrides", new JsonArray()).forEach(o -> {
            JsonObject v = (JsonObject) o;
            overrides.add(new ArrivalRecord.Override(
                    v.getString("officer"),
                    v.getString("officerName"),
                    Verdict.valueOf(v.getString("from")),
                    Verdict.valueOf(v.getString("to")),
                    v.getString("reason"),
                    v.getString("inspectionResult"),
                    v.getString("keyedMark"),
                    instant(v.getString("at"))));
        });
        return new ArrivalRecord(
                detail.getString("arrivalId"),
                detail.getString("controlPoint"),
                detail.getString("lane"),
                detail.getString("direction"),
                detail.getString("vehicleMark"),
                Verdict.valueOf(detail.getString("decision")),
                reasons,
                detail.getString("bundleId"),
                ccrns,
                instant(detail.getString("decidedAt")),
                new ArrivalRecord.Reads(
                        reads.getString("plate"),
                        reads.getInteger("confidence", 0),
                        candidates,
                        reads.getString("epc"),
                        reads.getBoolean("emptyPressed", false)),
                detail.getString("gateState"),
                overrides,
                detail.getInteger("repeatReads", 0));
    }

    private static Instant instant(String text) {
        return text == null ? null : java.time.OffsetDateTime.parse(text).toInstant();
    }

    /** Said to a lane's gate and display when no decision can be given: stay closed, see an officer. */
    public static String hold(String lane, String reason, Instant at) {
        return new JsonObject()
                .put("kind", "hold")
                .put("lane", lane)
                .put("decision", "HOLD")
                .put("display", Verdict.REFER.display())
                .put("reason", reason)
                .put("at", time(at))
                .encode();
    }

    /** Said to consoles when nothing else is: the feed is alive (see {@link ConsoleHeartbeat}). */
    static String heartbeat(Instant at) {
        return new JsonObject().put("kind", "heartbeat").put("at", time(at)).encode();
    }

    static String time(Instant instant) {
        if (instant == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(29);
        HongKongTimes.append(instant, text);
        return text.toString();
    }
}
