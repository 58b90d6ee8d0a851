package hk.seamless.lane;

import hk.seamless.config.Direction;
import hk.seamless.feed.LaneChange;
import hk.seamless.store.KeyValueStore;
import hk.seamless.store.StoreName;
import hk.seamless.store.Stores;

/**
 * The lane side's off-heap maps: ACTIVE bundles by vehicle mark and direction (and their marks by
 * look-alike fold, {@link LookAlikeFolds}), vehicles by RFID
 * tag, registered vehicles' marks, bundled consignments by CCRN, accounts suspended now. Fed only
 * by the lane feed's typed changes ({@link LaneChange}, applied by {@link LaneFeedConsumer}): the
 * lane side never reads the registry's records, so that when each control point runs its own
 * engine the same feed can come over a topic.
 *
 * <p>Written on the registry writer thread; read on the pipeline thread, in compact layouts, into
 * the caller's reusable buffers ({@code getUsing}): a decision's look-ups allocate nothing.
 */
public final class LaneView {

    private static final String BUNDLED = "BUNDLED";

    private final KeyValueStore bundles;
    private final LookAlikeFolds lookAlikes;
    private final KeyValueStore vehiclesByTag;
    private final KeyValueStore consignments;
    private final KeyValueStore registeredVehicles;
    private final KeyValueStore suspendedAccounts;
    /** The pipeline thread's key buffer (reads happen on that thread only). */
    private final StringBuilder readKey = new StringBuilder(32);

    private volatile boolean trusted = true;

    public LaneView(Stores stores) {
        this.bundles = stores.store(StoreName.LANE_BUNDLES);
        this.lookAlikes = new LookAlikeFolds(stores.store(StoreName.LANE_LOOK_ALIKES));
        this.vehiclesByTag = stores.store(StoreName.LANE_VEHICLES_BY_TAG);
        this.consignments = stores.store(StoreName.LANE_CONSIGNMENTS);
        this.registeredVehicles = stores.store(StoreName.LANE_VEHICLES);
        this.suspendedAccounts = stores.store(StoreName.LANE_SUSPENDED_ACCOUNTS);
    }

    // ---- writes: the feed consumer only (the registry writer thread in process) ----

    /**
     * The mark joins its look-alike group before the bundle is written, and leaves it after the
     * bundle is gone: a kill in between leaves the group too large (a few probes more), never
     * missing an expected vehicle; the entry applied again at the restart makes it exact.
     */
    void bundleActivated(LaneChange.BundleActivated b) {
        lookAlikes.add(b.vehicleMark(), b.direction());
        bundles.put(
                b.vehicleMark() + "|" + b.direction().name(),
                BundleAtLane.encode(
                        b.bundleId(),
                        b.earliestCrossingAt().toEpochMilli(),
                        b.empty(),
                        b.riskHits(),
                        b.ccrns(),
                        b.trucker()));
    }

    void bundleEnded(LaneChange.BundleEnded b) {
        String key = b.vehicleMark() + "|" + b.direction().name();
        String current = bundles.get(key);
        // Only the bundle that ended is dropped: a newer ACTIVE one for the same vehicle stays. The
        // stored id is packed: the ended one is packed the same way to compare.
        if (current != null && BundleAtLane.isOf(current, b.bundleId())) {
            bundles.remove(key);
        }
        if (current == null || BundleAtLane.isOf(current, b.bundleId())) {
            lookAlikes.remove(b.vehicleMark(), b.direction());
        }
    }

    void vehicleRegistered(LaneChange.VehicleRegistered v) {
        registeredVehicles.put(v.mark(), "1");
        if (v.rfidTag() != null) {
            vehiclesByTag.put(v.rfidTag(), v.mark());
        }
    }

    /**
     * Only BUNDLED consignments matter at a lane (any other state makes its CCRN invalid there), so
     * only those are kept. Parties and goods come in the watch list's canonical form: the lane
     * compares, never normalises.
     */
    void consignmentBundled(LaneChange.ConsignmentBundled c) {
        consignments.put(
                c.ccrn(),
                ConsignmentAtLane.encode(
                        BUNDLED, c.expectedDate().toEpochDay(), c.consignor(), c.consignee(), c.owner(), c.goods()));
    }

    void consignmentUnbundled(LaneChange.ConsignmentUnbundled c) {
        consignments.remove(c.ccrn());
    }

    /** Suspension reaches the lane at once; reinstatement lifts it. */
    void accountSuspended(LaneChange.AccountSuspended a) {
        suspendedAccounts.put(a.accountId(), "1");
    }

    void accountReinstated(LaneChange.AccountReinstated a) {
        suspendedAccounts.remove(a.accountId());
    }

    /**
     * Hides every bundle from the lanes (false) while the view is rebuilt or known to be behind:
     * a truck then finds no bundle and is inspected, never released on what may be stale.
     */
    void trust(boolean trusted) {
        this.trusted = trusted;
    }

    public boolean isTrusted() {
        return trusted;
    }

    /** Empties every map: bundles first, so no bundle outlives what it is checked against. */
    void clear() {
        bundles.clear();
        lookAlikes.clear();
        consignments.clear();
        suspendedAccounts.clear();
        vehiclesByTag.clear();
        registeredVehicles.clear();
    }

    // ---- reads: the pipeline thread only ----

    /** Reads the vehicle's ACTIVE bundle for the direction into {@code into}; false when it has none. */
    public boolean activeBundle(CharSequence canonicalMark, Direction direction, BundleAtLane into) {
        if (!trusted) {
            return false;
        }
        key(canonicalMark, direction);
        if (!bundles.getUsing(readKey, into.raw)) {
            return false;
        }
        into.wrap();
        return true;
    }

    /** Whether the vehicle has an ACTIVE bundle for the direction: who is expected at the lane. */
    public boolean hasActiveBundle(CharSequence canonicalMark, Direction direction) {
        if (!trusted) {
            return false;
        }
        key(canonicalMark, direction);
        return bundles.containsKey(readKey);
    }

    /**
     * How many vehicles with an ACTIVE bundle for the direction have a look-alike of this mark
     * (equal under the look-alike pairs, the mark itself included): {@link
     * hk.seamless.lane.plate.ExpectedVehicles#lookAlikesExpected}.
     */
    public int lookAlikesWithActiveBundle(CharSequence canonicalMark, Direction direction) {
        if (!trusted) {
            return 0;
        }
        return lookAlikes.count(canonicalMark, direction);
    }

    public boolean consignment(CharSequence ccrn, ConsignmentAtLane into) {
        if (!consignments.getUsing(ccrn, into.raw)) {
            return false;
        }
        into.wrap();
        return true;
    }

    /** Whether a vehicle with exactly this canonical mark is registered (bundled or not). */
    public boolean isRegistered(CharSequence canonicalMark) {
        return registeredVehicles.containsKey(canonicalMark);
    }

    /** Whether this account is suspended now; an empty id (a record from before ids were kept) is not. */
    public boolean isSuspended(CharSequence accountId) {
        return accountId.length() > 0 && suspendedAccounts.containsKey(accountId);
    }

    /** Writes the mark of the vehicle carrying this tag into {@code mark}; false for an unknown tag. */
    public boolean vehicleByTag(CharSequence epc, StringBuilder mark) {
        return vehiclesByTag.getUsing(epc, mark);
    }

    private void key(CharSequence mark, Direction direction) {
        readKey.setLength(0);
        readKey.append(mark).append('|').append(direction.name());
    }
}
