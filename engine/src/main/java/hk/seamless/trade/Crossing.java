package hk.seamless.trade;

import java.time.Instant;

/** Where and when a released truck crossed: recorded on its bundle and each of its consignments. */
public record Crossing(String controlPoint, String lane, String arrivalId, Instant crossedAt) {}
