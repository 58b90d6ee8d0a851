package hk.seamless.trade;

import hk.seamless.store.StoreName;
import hk.seamless.store.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A RELEASE reported for a bundle the trucker unbundled meanwhile: a lane engine cut off from the
 * registry still held it ACTIVE and released the truck. The truck crossed with that cargo, so the
 * crossing is recorded all the same; ignoring it would leave its CCRNs LODGED, free to be bundled
 * and to cross a second time.
 */
final class CrossedAfterUnbundling {

    /** The audit action supervisors look for: a crossing the trucker's unbundling did not stop. */
    static final String ACTION = "CROSSED_AFTER_UNBUNDLING";

    private final LodgementWindow window;

    CrossedAfterUnbundling(LodgementWindow window) {
        this.window = window;
    }

    void record(Transaction tx, Bundle bundle, Crossing where) {
        List<String> crossed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String ccrn : bundle.ccrns()) {
            Consignment c = tx.get(StoreName.CONSIGNMENTS, ccrn, Consignment.class);
            ConsignmentStatus now = c == null ? null : c.statusAt(tx.now(), window);
            if (now == ConsignmentStatus.LODGED || now == ConsignmentStatus.BUNDLED) {
                // LODGED again, or bundled since into another ACTIVE bundle: that cargo crossed. The
                // other bundle now holds a crossed CCRN, which the lanes hear of (the consignment
                // leaves their views) and inspect as CCRN_INVALID: fail-safe.
                tx.put(StoreName.CONSIGNMENTS, ccrn, c.crossedWith(bundle.id(), where));
                crossed.add(now == ConsignmentStatus.BUNDLED ? ccrn + " (from bundle " + c.bundleId() + ")" : ccrn);
            } else {
                // Cancelled or expired since, or crossed with another bundle: it keeps what it is.
                kept.add(ccrn + " " + (now == null ? "unknown" : now.name()));
            }
        }
        // USED, with this crossing, rather than UNBUNDLED: a further RELEASE of this bundle is then
        // a second one (a suspected clone, Crossings), so the same bundle never has two crossings,
        // and the lanes hear it ended as USED.
        tx.put(StoreName.BUNDLES, bundle.id(), bundle.used(where));
        String activeKey = Bundles.activeKey(bundle.vehicleMark(), bundle.direction());
        if (bundle.id().equals(tx.get(StoreName.ACTIVE_BUNDLES, activeKey))) {
            tx.remove(StoreName.ACTIVE_BUNDLES, activeKey); // never the vehicle's new bundle
        }
        tx.audit(
                ACTION,
                bundle.id(),
                bundle.vehicleMarkDisplay() + " released at " + where.lane() + " (" + where.arrivalId() + ", "
                        + where.crossedAt() + ") on a bundle unbundled at " + bundle.endedAt() + "; crossed: "
                        + (crossed.isEmpty() ? "none" : String.join(", ", crossed))
                        + (kept.isEmpty() ? "" : "; not crossed: " + String.join(", ", kept)));
    }
}
