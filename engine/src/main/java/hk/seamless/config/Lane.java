package hk.seamless.config;

/** One lane of a control point; its id ("LMC-S-03") is what lane devices are bound to. */
public record Lane(String id, String controlPoint, Direction direction) {
}
