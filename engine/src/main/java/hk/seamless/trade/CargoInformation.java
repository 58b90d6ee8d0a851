package hk.seamless.trade;

import hk.seamless.config.Direction;
import java.time.LocalDate;

/**
 * The eight pieces of road cargo information of one consignment. Exactly one of {@code packaged}
 * and {@code bulk} is present; {@link CargoInformationReader} guarantees it.
 */
public record CargoInformation(
        Direction direction,
        LocalDate expectedDate,
        Party consignor,
        Party consignee,
        PackagedCargo packaged,
        BulkCargo bulk) {}
