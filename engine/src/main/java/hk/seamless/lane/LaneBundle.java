package hk.seamless.lane;

import java.time.Instant;
import java.util.List;

/**
 * What a lane needs to know of a bundle to decide: the lane side's own view, read from the
 * registry-change stream (the registry's JSON, unknown fields ignored), never the registry's objects.
 */
public record LaneBundle(String id, String vehicleMark, String direction, List<String> ccrns, boolean empty,
                         String status, Instant earliestCrossingAt, List<String> riskHits) {

    public LaneBundle {
        ccrns = ccrns == null ? List.of() : List.copyOf(ccrns);
        riskHits = riskHits == null ? List.of() : List.copyOf(riskHits);
    }
}
