package hk.seamless.trade;

import hk.seamless.store.StoreName;
import hk.seamless.store.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * What a RELEASE means to the registry: the bundle is USED and its CCRNs CROSSED, with the
 * control point, lane and time. The lane side reports it; the registry records it, once.
 */
public final class Crossings {

    /**
     * The audit action of a second RELEASE of a bundle already used by another arrival: two lanes
     * released the same bundle (lane engines cut off from each other, one truck with a cloned
     * plate). The earlier release (by the time its lane decided) is the crossing; the later one is
     * raised to supervisors.
     */
    public static final String SUSPECTED_CLONE = "SUSPECTED_CLONE";

    public static final String CROSSED = "CROSSED";

    /**
     * The audit action of a crossing moved to an earlier release of the same bundle, reported
     * later: a bundle keeps one CROSSED entry (its crossing is recorded once), and this one says
     * which release the crossing now is.
     */
    public static final String CROSSING_CORRECTED = "CROSSING_CORRECTED";

    private final CrossedAfterUnbundling afterUnbundling;

    /** @param window when a consignment counts as expired (a crossing reported late leaves an expired one as it is) */
    public Crossings(LodgementWindow window) {
        this.afterUnbundling = new CrossedAfterUnbundling(window);
    }

    /**
     * @return false when nothing was recorded: the bundle is unknown, or was used and this release
     *     is not earlier than the crossing recorded; the same arrival reported again (a lane engine's
     *     report delivered twice) changes nothing
     */
    public boolean record(Transaction tx, String bundleId, Crossing where) {
        Bundle bundle = tx.get(StoreName.BUNDLES, bundleId, Bundle.class);
        if (bundle != null && bundle.status() == BundleStatus.USED && bundle.crossing() != null) {
            return releasedAgain(tx, bundle, where);
        }
        if (bundle != null && bundle.status() == BundleStatus.UNBUNDLED) {
            afterUnbundling.record(tx, bundle, where);
            return true;
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
                CROSSED,
                bundleId,
                bundle.vehicleMarkDisplay() + " at " + where.lane() + " (" + where.arrivalId() + ")");
        return true;
    }

    /**
     * A RELEASE of a bundle already crossed. Lane engines cut off from each other report when Kafka
     * is back, on a topic keyed by control point: the registry may read the later release first.
     * So the crossing is the earliest release by the time the lane decided, not by arrival order
     * here; on equal times the one recorded first stays. Moving the crossing is a change of its own
     * with a CROSSING_CORRECTED entry: the trail stays append-only, and the bundle's one CROSSED
     * entry stays what was true when it was written.
     */
    private boolean releasedAgain(Transaction tx, Bundle bundle, Crossing where) {
        Crossing recorded = bundle.crossing();
        if (recorded.arrivalId().equals(where.arrivalId())) {
            return false;
        }
        if (!where.crossedAt().isBefore(recorded.crossedAt())) {
            suspectedClone(tx, bundle, where, recorded);
            return false;
        }
        for (String ccrn : bundle.ccrns()) {
            Consignment c = tx.get(StoreName.CONSIGNMENTS, ccrn, Consignment.class);
            // only those that carry the crossing being moved (not one since crossed otherwise)
            if (c != null
                    && c.status() == ConsignmentStatus.CROSSED
                    && c.crossing() != null
                    && recorded.arrivalId().equals(c.crossing().arrivalId())) {
                tx.put(StoreName.CONSIGNMENTS, ccrn, c.crossed(where));
            }
        }
        tx.put(StoreName.BUNDLES, bundle.id(), bundle.used(where));
        tx.audit(
                CROSSING_CORRECTED,
                bundle.id(),
                bundle.vehicleMarkDisplay() + " at " + where.lane() + " (" + where.arrivalId() + ", "
                        + where.crossedAt() + "): released before " + recorded.lane() + " ("
                        + recorded.arrivalId() + ", " + recorded.crossedAt()
                        + "), which was reported first; the crossing is this one");
        suspectedClone(tx, bundle, recorded, where);
        return true;
    }

    private static void suspectedClone(Transaction tx, Bundle bundle, Crossing suspect, Crossing crossing) {
        tx.audit(
                SUSPECTED_CLONE,
                bundle.id(),
                bundle.vehicleMarkDisplay() + " released again at " + suspect.lane() + " (" + suspect.arrivalId()
                        + ", " + suspect.crossedAt() + ") after crossing at " + crossing.lane() + " ("
                        + crossing.arrivalId() + ", " + crossing.crossedAt() + "): a cloned plate is suspected",
                // found by either lane and arrival, the vehicle and the CCRNs, also when it writes nothing
                names(bundle, suspect, crossing));
    }

    private static List<String> names(Bundle bundle, Crossing suspect, Crossing crossing) {
        List<String> names = new ArrayList<>(List.of(
                bundle.vehicleMark(), suspect.lane(), suspect.arrivalId(), crossing.lane(), crossing.arrivalId()));
        names.addAll(bundle.ccrns());
        return names;
    }
}
