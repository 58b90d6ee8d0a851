package hk.seamless.lane;

import java.time.LocalDate;

/**
 * What a lane needs to know of a bundled consignment: whether it is still good to cross, and the
 * parties, in the canonical form the watch list compares.
 */
public record LaneConsignment(String ccrn, String status, LocalDate expectedDate, String consignor, String consignee,
                              String goods) {
}
