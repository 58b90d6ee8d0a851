package hk.seamless.lane;

import java.time.Instant;

/**
 * A lane device with its one credential, bound to one lane. A revoked device keeps its record (who
 * revoked it, when, why) but has no token any more.
 */
public record Device(
        String id,
        String lane,
        DeviceKind kind,
        Instant registeredAt,
        String registeredBy,
        Instant revokedAt,
        String revokedBy,
        String revokeReason) {

    public Device(String id, String lane, DeviceKind kind, Instant registeredAt, String registeredBy) {
        this(id, lane, kind, registeredAt, registeredBy, null, null, null);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Device revokedBy(Instant at, String by, String reason) {
        return new Device(id, lane, kind, registeredAt, registeredBy, at, by, reason);
    }
}
