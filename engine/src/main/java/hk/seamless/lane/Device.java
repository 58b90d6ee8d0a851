package hk.seamless.lane;

import java.time.Instant;

/** A lane device with its one credential, bound to one lane. */
public record Device(String id, String lane, DeviceKind kind, Instant registeredAt, String registeredBy) {
}
