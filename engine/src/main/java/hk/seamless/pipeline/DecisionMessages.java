package hk.seamless.pipeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The decision as devices, gates and consoles receive it (the contract's decision message), and
 * the fuller arrival view the console opens.
 */
public final class DecisionMessages {

    private static final ZoneId HONG_KONG = ZoneId.of("Asia/Hong_Kong");

    private DecisionMessages() {
    }

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
        r.reads().candidates().forEach(c -> candidates.add(new JsonObject().put("plate", c.plate()).put("confidence", c.confidence())));
        json.put("reads", new JsonObject()
                .put("plate", r.reads().plate())
                .put("confidence", r.reads().confidence())
                .put("candidates", candidates)
                .put("epc", r.reads().epc())
                .put("emptyPressed", r.reads().emptyPressed()));
        json.put("gateState", r.gateState());
        JsonArray overrides = new JsonArray();
        r.overrides().forEach(o -> overrides.add(new JsonObject()
                .put("officer", o.officer()).put("from", o.from().name()).put("to", o.to().name())
                .put("reason", o.reason()).put("inspectionResult", o.inspectionResult())
                .put("keyedMark", o.keyedMark()).put("at", time(o.at()))));
        return json.put("overrides", overrides);
    }

    /** Said to a lane's gate and display when no decision can be given: stay closed, see an officer. */
    public static String hold(String lane, String reason, Instant at) {
        return new JsonObject().put("kind", "hold").put("lane", lane).put("decision", "HOLD")
                .put("display", Verdict.REFER.display()).put("reason", reason).put("at", time(at)).encode();
    }

    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(HONG_KONG));
    }
}
