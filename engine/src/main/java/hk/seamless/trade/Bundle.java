package hk.seamless.trade;

import hk.seamless.config.Direction;

import java.time.Instant;
import java.util.List;

/**
 * CCRNs bundled with a vehicle for one direction, or the vehicle declared EMPTY.
 *
 * @param vehicleMark the canonical mark (upper case, no spaces), the key the lane looks it up by
 */
public record Bundle(String id, String trucker, String vehicleMark, String vehicleMarkDisplay, Direction direction,
                     List<String> ccrns, boolean empty, BundleStatus status, Instant bundledAt,
                     Instant earliestCrossingAt, Instant endedAt) {

    public Bundle {
        ccrns = List.copyOf(ccrns);
    }

    public Bundle ended(BundleStatus newStatus, Instant at) {
        return new Bundle(id, trucker, vehicleMark, vehicleMarkDisplay, direction, ccrns, empty, newStatus,
                bundledAt, earliestCrossingAt, at);
    }
}
