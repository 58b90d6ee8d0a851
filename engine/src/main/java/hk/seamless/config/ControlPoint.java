package hk.seamless.config;

import java.util.List;

/** A land boundary control point and its cargo lanes. */
public record ControlPoint(String code, String name, double randomInspectionRate, List<Lane> lanes) {

    public ControlPoint {
        lanes = List.copyOf(lanes);
    }
}
