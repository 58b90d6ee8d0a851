package hk.seamless.trade;

import java.time.Instant;

/**
 * A lodged consignment at its current version. Older versions are kept apart, one record each.
 *
 * @param bundleId the ACTIVE bundle it is in while BUNDLED, else null
 */
public record Consignment(String ccrn, String owner, int version, ConsignmentStatus status, CargoInformation cargo,
                          Instant lodgedAt, Instant updatedAt, String bundleId, Crossing crossing) {

    public Consignment(String ccrn, String owner, int version, ConsignmentStatus status, CargoInformation cargo,
                       Instant lodgedAt, Instant updatedAt, String bundleId) {
        this(ccrn, owner, version, status, cargo, lodgedAt, updatedAt, bundleId, null);
    }

    /**
     * The status in force at {@code now}: a LODGED or BUNDLED consignment whose expected date has
     * passed by more than a day is EXPIRED whether or not anything has written that down yet, so
     * the rule holds at the exact moment and not at the next sweep.
     */
    public ConsignmentStatus statusAt(java.time.Instant now, LodgementWindow window) {
        boolean open = status == ConsignmentStatus.LODGED || status == ConsignmentStatus.BUNDLED;
        return open && window.isExpired(cargo.expectedDate(), now) ? ConsignmentStatus.EXPIRED : status;
    }

    public Consignment withStatus(ConsignmentStatus newStatus, String newBundleId, Instant at) {
        return new Consignment(ccrn, owner, version, newStatus, cargo, lodgedAt, at, newBundleId, crossing);
    }

    public Consignment crossed(Crossing where) {
        return new Consignment(ccrn, owner, version, ConsignmentStatus.CROSSED, cargo, lodgedAt, where.crossedAt(),
                bundleId, where);
    }

    public Consignment amended(CargoInformation newCargo, Instant at) {
        return new Consignment(ccrn, owner, version + 1, status, newCargo, lodgedAt, at, bundleId, crossing);
    }
}
