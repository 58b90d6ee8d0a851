package hk.seamless.trade;

import hk.seamless.store.StoreName;
import hk.seamless.store.Transaction;

/**
 * What a RELEASE means to the registry: the bundle is USED and its CCRNs CROSSED, with the
 * control point, lane and time. The lane side reports it; the registry records it, once.
 */
public final class Crossings {

    /**
     * The audit action of a second RELEASE of a bundle already used by another arrival: two lanes
     * released the same bundle (lane engines cut off from each other, one truck with a cloned
     * plate). The first reported is the crossing; the second is raised to supervisors.
     */
    public static final String SUSPECTED_CLONE = "SUSPECTED_CLONE";

    /**
     * @return false when the bundle was no longer ACTIVE (already used, or unbundled meanwhile);
     *     the same arrival reported again (a lane engine's report delivered twice) changes nothing
     */
    public boolean record(Transaction tx, String bundleId, Crossing where) {
        Bundle bundle = tx.get(StoreName.BUNDLES, bundleId, Bundle.class);
        if (bundle != null && bundle.status() == BundleStatus.USED && bundle.crossing() != null) {
            Crossing first = bundle.crossing();
            if (!first.arrivalId().equals(where.arrivalId())) {
                tx.audit(
                        SUSPECTED_CLONE,
                        bundleId,
                        bundle.vehicleMarkDisplay() + " released again at " + where.lane()
                                + " (" + where.arrivalId() + ", " + where.crossedAt() + ") after crossing at "
                                + first.lane()
                                + " (" + first.arrivalId() + ", " + first.crossedAt()
                                + "): a cloned plate is suspected");
            }
            return false;
        }
        if (bundle == null || bundle.status() != BundleStatus.ACTIVE) {
            tx.audit(
                    "CROSSING_IGNORED",
                    bundleId,
                    "bundle is " + (bundle == null ? "unknown" : bundle.status()) + "; arrival " + where.arrivalId());
            return false;
        }
        for (String ccrn : bundle.ccrns()) {
            Consignment c = tx.get(StoreName.CONSIGNMENTS, ccrn, Consignment.class);
            if (c != null && c.status() == ConsignmentStatus.BUNDLED && bundleId.equals(c.bundleId())) {
                tx.put(StoreName.CONSIGNMENTS, ccrn, c.crossed(where));
            }
        }
        tx.put(StoreName.BUNDLES, bundleId, bundle.used(where));
        tx.remove(StoreName.ACTIVE_BUNDLES, Bundles.activeKey(bundle.vehicleMark(), bundle.direction()));
        tx.audit(
                "CROSSED",
                bundleId,
                bundle.vehicleMarkDisplay() + " at " + where.lane() + " (" + where.arrivalId() + ")");
        return true;
    }
}
