package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/** A decision message as a gate receives it (the contract's decision JSON). */
record Decision(
        String arrivalId, String lane, String vehicleMark, String decision, Set<String> reasons, String bundleId) {

    /** @return the decision, or null for another kind of gate message (a hold, an error) */
    static Decision parse(String json) {
        return from(new JsonObject(json));
    }

    /** @return the decision, or null for another kind of gate message (a hold, an error) */
    static Decision from(JsonObject m) {
        if (m.getValue("kind") != null && !"decision".equals(m.getValue("kind"))) {
            return null;
        }
        if (!(m.getValue("decision") instanceof String decision)) {
            return null;
        }
        return new Decision(
                text(m, "arrivalId"),
                text(m, "lane"),
                text(m, "vehicleMark"),
                decision,
                reasons(m),
                text(m, "bundleId"));
    }

    /**
     * A decision as a lane's devices hear it (the answer to the completing read, or the lane
     * stream): also a HOLD said the way a hold for want of a decision is said ({@code "kind":
     * "hold"} with one {@code reason}). Null for anything else (accepted, error).
     */
    static Decision parseAtDevice(String json) {
        JsonObject m = new JsonObject(json);
        if ("hold".equals(m.getValue("kind")) && m.getValue("decision") instanceof String decision) {
            Set<String> reasons = new LinkedHashSet<>();
            if (m.getValue("reason") instanceof String reason) {
                reasons.add(reason);
            }
            reasons.addAll(reasons(m));
            return new Decision(
                    text(m, "arrivalId"),
                    text(m, "lane"),
                    text(m, "vehicleMark"),
                    decision,
                    reasons,
                    text(m, "bundleId"));
        }
        return from(m);
    }

    private static Set<String> reasons(JsonObject m) {
        Set<String> reasons = new LinkedHashSet<>();
        if (m.getValue("reasons") instanceof JsonArray list) {
            list.forEach(r -> reasons.add(String.valueOf(r)));
        }
        return reasons;
    }

    private static String text(JsonObject m, String field) {
        return (String) m.getValue(field);
    }

    String text() {
        return decision + " " + reasons + " (arrival " + arrivalId + ", vehicle " + vehicleMark + ", bundle " + bundleId
                + ")";
    }
}
