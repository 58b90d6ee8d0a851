package hk.seamless.trade;

import java.time.Instant;

/**
 * A lodged consignment at its current version. Older versions are kept apart, one record each.
 *
 * @param bundleId the ACTIVE bundle it is in while BUNDLED, else null
 * @param updatedAt the last change of any kind (bundled, unbundled, amended, crossed)
 * @param versionRecordedAt when this version's cargo information was recorded (lodged or amended):
 *                  bundling and unbundling do not change it. Null in records written before it was kept
 */
public record Consignment(
        String ccrn,
        String owner,
        int version,
        ConsignmentStatus status,
        CargoInformation cargo,
        Instant lodgedAt,
        Instant updatedAt,
        String bundleId,
        Crossing crossing,
        Instant versionRecordedAt) {

    /** A new version, recorded at {@code updatedAt}. */
    public Consignment(
            String ccrn,
            String owner,
            int version,
            ConsignmentStatus status,
            CargoInformation cargo,
            Instant lodgedAt,
            Instant updatedAt,
            String bundleId) {
        this(ccrn, owner, version, status, cargo, lodgedAt, updatedAt, bundleId, null, updatedAt);
    }

    /**
     * When this version was recorded. Records from before {@link #versionRecordedAt} was kept: the
     * lodgement for version 1, else the last change (which may be a later bundling).
     */
    public Instant recordedAt() {
        if (versionRecordedAt != null) {
            return versionRecordedAt;
        }
        return version == 1 ? lodgedAt : updatedAt;
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
        return new Consignment(
                ccrn, owner, version, newStatus, cargo, lodgedAt, at, newBundleId, crossing, versionRecordedAt);
    }

    public Consignment crossed(Crossing where) {
        return new Consignment(
                ccrn,
                owner,
                version,
                ConsignmentStatus.CROSSED,
                cargo,
                lodgedAt,
                where.crossedAt(),
                bundleId,
                where,
                versionRecordedAt);
    }

    /** Crossed with {@code bundle}, whatever bundle it is in now (a crossing reported after an unbundling). */
    public Consignment crossedWith(String bundle, Crossing where) {
        return withStatus(status, bundle, updatedAt).crossed(where);
    }

    public Consignment amended(CargoInformation newCargo, Instant at) {
        return new Consignment(ccrn, owner, version + 1, status, newCargo, lodgedAt, at, bundleId, crossing, at);
    }
}
