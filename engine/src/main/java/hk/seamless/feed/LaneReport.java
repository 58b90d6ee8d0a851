package hk.seamless.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened at a lane, as a lane engine reports it to the registry: a decision, or an
 * officer's override of one. The other half of the contract between the registry and the lane
 * engines ({@link LaneChange} is the first); {@link FeedCodec} is its wire form too.
 *
 * @param engine       the lane engine that decided (its data folder's identity): with {@code
 *                     laneSequence}, what makes a report delivered twice recognisable
 * @param laneSequence the entry of that engine's lane log this report is
 * @param at           when it was decided, or overridden
 */
public record LaneReport(
        String engine,
        long laneSequence,
        Kind kind,
        String controlPoint,
        String lane,
        String arrivalId,
        String vehicleMark,
        String decision,
        List<String> reasons,
        String bundleId,
        Instant at) {

    /** A decision made by the pipeline, or an officer's override of one. */
    public enum Kind {
        DECIDED,
        OVERRIDDEN
    }

    public LaneReport {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(controlPoint, "controlPoint");
        Objects.requireNonNull(arrivalId, "arrivalId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
        reasons = List.copyOf(reasons == null ? List.of() : reasons);
    }

    /** A RELEASE of a bundle: the truck crossed, and the registry records it. */
    public boolean isCrossing() {
        return "RELEASE".equals(decision) && bundleId != null;
    }
}
