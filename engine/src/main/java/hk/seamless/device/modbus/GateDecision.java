package hk.seamless.device.modbus;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * What a driven gate takes from a message the lane's gates are sent: whether it is a RELEASE, for
 * which arrival, and until when. Anything that is not a well-formed RELEASE is "do not open".
 */
record GateDecision(String arrivalId, boolean release, long validUntilMillis) {

    /** The decision in a message, or null for a message that is not a decision or a HOLD. */
    static GateDecision parse(String message) {
        JsonObject json;
        try {
            json = new JsonObject(message);
        } catch (DecodeException e) {
            return null;
        }
        if (!(json.getValue("decision") instanceof String decision)) {
            return null;
        }
        String arrivalId = json.getValue("arrivalId") instanceof String id ? id : null;
        if (!"RELEASE".equals(decision)
                || arrivalId == null
                || !(json.getValue("validUntil") instanceof String until)) {
            return new GateDecision(arrivalId, false, 0);
        }
        try {
            return new GateDecision(
                    arrivalId, true, OffsetDateTime.parse(until).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return new GateDecision(arrivalId, false, 0);
        }
    }
}
