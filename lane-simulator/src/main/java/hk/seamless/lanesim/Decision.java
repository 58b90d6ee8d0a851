package hk.seamless.lanesim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A decision message as a gate receives it (the contract's decision JSON). */
record Decision(String arrivalId, String lane, String vehicleMark, String decision, Set<String> reasons, String bundleId) {

    /** @return the decision, or null for another kind of gate message (a hold, an error) */
    @SuppressWarnings("unchecked")
    static Decision parse(String json) {
        Map<String, Object> m = MiniJson.object(json);
        if (m.get("kind") != null && !"decision".equals(m.get("kind"))) {
            return null;
        }
        if (!(m.get("decision") instanceof String decision)) {
            return null;
        }
        Set<String> reasons = new LinkedHashSet<>();
        if (m.get("reasons") instanceof List<?> list) {
            list.forEach(r -> reasons.add(String.valueOf(r)));
        }
        return new Decision((String) m.get("arrivalId"), (String) m.get("lane"), (String) m.get("vehicleMark"),
                decision, reasons, (String) m.get("bundleId"));
    }

    /**
     * A decision as a lane's devices hear it (the answer to the completing read, or the lane
     * stream): also a HOLD said the way a hold for want of a decision is said ({@code "kind":
     * "hold"} with one {@code reason}). Null for anything else (accepted, error).
     */
    static Decision parseAtDevice(String json) {
        Map<String, Object> m = MiniJson.object(json);
        if ("hold".equals(m.get("kind")) && m.get("decision") instanceof String decision) {
            Set<String> reasons = new LinkedHashSet<>();
            if (m.get("reason") instanceof String reason) {
                reasons.add(reason);
            }
            if (m.get("reasons") instanceof List<?> list) {
                list.forEach(r -> reasons.add(String.valueOf(r)));
            }
            return new Decision((String) m.get("arrivalId"), (String) m.get("lane"), (String) m.get("vehicleMark"),
                    decision, reasons, (String) m.get("bundleId"));
        }
        return parse(json);
    }

    String text() {
        return decision + " " + reasons + " (arrival " + arrivalId + ", vehicle " + vehicleMark + ", bundle " + bundleId + ")";
    }
}
