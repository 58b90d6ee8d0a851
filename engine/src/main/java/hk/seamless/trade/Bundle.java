package hk.seamless.trade;

import hk.seamless.config.Direction;
import java.time.Instant;
import java.util.List;

/**
 * CCRNs bundled with a vehicle for one direction, or the vehicle declared EMPTY.
 *
 * @param vehicleMark the canonical mark (upper case, no spaces), the key the lane looks it up by
 * @param riskHits    reason codes found by the risk assessment at bundling time (WATCHLIST,
 *                    RISK_RULE), kept with the bundle and combined with the lane's own checks
 */
public record Bundle(
        String id,
        String trucker,
        String vehicleMark,
        String vehicleMarkDisplay,
        Direction direction,
        List<String> ccrns,
        boolean empty,
        BundleStatus status,
        Instant bundledAt,
        Instant earliestCrossingAt,
        Instant endedAt,
        List<String> riskHits,
        Crossing crossing) {

    public Bundle {
        ccrns = List.copyOf(ccrns);
        riskHits = riskHits == null ? List.of() : List.copyOf(riskHits);
    }

    public Bundle(
            String id,
            String trucker,
            String vehicleMark,
            String vehicleMarkDisplay,
            Direction direction,
            List<String> ccrns,
            boolean empty,
            BundleStatus status,
            Instant bundledAt,
            Instant earliestCrossingAt,
            Instant endedAt) {
        this(
                id,
                trucker,
                vehicleMark,
                vehicleMarkDisplay,
                direction,
                ccrns,
                empty,
                status,
                bundledAt,
                earliestCrossingAt,
                endedAt,
                List.of(),
                null);
    }

    public Bundle ended(BundleStatus newStatus, Instant at) {
        return new Bundle(
                id,
                trucker,
                vehicleMark,
                vehicleMarkDisplay,
                direction,
                ccrns,
                empty,
                newStatus,
                bundledAt,
                earliestCrossingAt,
                at,
                riskHits,
                crossing);
    }

    public Bundle used(Crossing where) {
        return new Bundle(
                id,
                trucker,
                vehicleMark,
                vehicleMarkDisplay,
                direction,
                ccrns,
                empty,
                BundleStatus.USED,
                bundledAt,
                earliestCrossingAt,
                where.crossedAt(),
                riskHits,
                where);
    }
}
