package hk.seamless.pipeline;

import io.vertx.core.json.JsonObject;

/**
 * A lane journal entry about the gate itself rather than a decision: the boom rose or came down,
 * a fault was raised or cleared. Kept in the journal so that the audit trail shows every movement.
 *
 * @param arrivalId the arrival the movement was for, or null (a boom coming down after the loop cleared names
 *                  the arrival it had risen for when known)
 * @param detail    why: the fault's reason, or the officer's reason for clearing it
 * @param account   the officer who cleared a fault, else null
 */
public record GateEvent(Kind kind, String arrivalId, String detail, String account) {

    public enum Kind {
        BOOM_RAISED,
        BOOM_LOWERED,
        GATE_FAULT,
        GATE_FAULT_CLEARED
    }

    JsonObject toJson(String lane) {
        JsonObject json = new JsonObject().put("entry", kind.name()).put("lane", lane);
        if (arrivalId != null) {
            json.put("arrivalId", arrivalId);
        }
        if (detail != null) {
            json.put("detail", detail);
        }
        if (account != null) {
            json.put("account", account);
        }
        return json;
    }
}
