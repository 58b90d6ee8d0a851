package hk.seamless.lanesim;

import java.net.URI;
import java.util.Map;

/**
 * Which engine serves each lane: the one engine (standalone, or the floor server), or, over a
 * registry and lane engines, the lane engine of the lane's control point.
 */
@FunctionalInterface
interface LaneBases {

    URI of(LaneInfo lane);

    static LaneBases single(URI base) {
        return lane -> base;
    }

    /** @param byControlPoint each control point's lane engine */
    static LaneBases byControlPoint(Map<String, URI> byControlPoint) {
        Map<String, URI> copy = Map.copyOf(byControlPoint);
        return lane -> {
            URI base = copy.get(lane.controlPoint());
            if (base == null) {
                throw new IllegalArgumentException(
                        "no lane engine for control point " + lane.controlPoint() + " (lane " + lane.id() + ")");
            }
            return base;
        };
    }
}
