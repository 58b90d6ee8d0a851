package hk.seamless.pipeline;

import hk.seamless.lane.ConsignmentAtLane;
import hk.seamless.lane.LaneView;
import hk.seamless.risk.RandomSelection;
import hk.seamless.risk.RiskView;
import java.util.function.IntPredicate;

/**
 * Assess and decide: the check table from NO_BUNDLE on, for an identified vehicle. Risk is judged
 * on the watch lists and targeting rules in force now, when the truck is here (an entry added
 * after bundling applies, one removed before the arrival no longer does); what the assessment
 * found at bundling stays with the bundle for officers to read. Reads go into reusable buffers:
 * deciding allocates nothing.
 *
 * <p>The verdict: REFER when an account behind the bundle is suspended (an officer must look),
 * else INSPECT for any other reason, else RELEASE; and a RELEASE that the lane's gate cannot carry
 * out (not connected, or in fault) is a HOLD: the truck waits for an officer, nothing crosses.
 */
final class ClearanceRules {

    /** Hong Kong has kept UTC+8 all year since 1979: its calendar day needs no zone rules. */
    private static final long DAY_MILLIS = 86_400_000L;

    private final LaneView view;
    private final RiskView risk;
    private final RandomSelection random;
    private final ReleasedBundles released;
    private final IntPredicate gateAvailable;
    private final ConsignmentAtLane consignment = new ConsignmentAtLane();
    private final StringBuilder ccrn = new StringBuilder(16);
    private final StringBuilder party = new StringBuilder(64);
    private final StringBuilder account = new StringBuilder(32);
    /** For the officer's questions ({@link #isStillActive}), never the decision's own bundle. */
    private final hk.seamless.lane.BundleAtLane scratch = new hk.seamless.lane.BundleAtLane();

    private final StringBuilder bundleIdText = new StringBuilder(32);

    /** @param gateAvailable by lane index: whether the lane's gate is connected and not in fault */
    ClearanceRules(
            LaneView view,
            RiskView risk,
            RandomSelection random,
            ReleasedBundles released,
            IntPredicate gateAvailable) {
        this.view = view;
        this.risk = risk;
        this.random = random;
        this.released = released;
        this.gateAvailable = gateAvailable;
    }

    void decide(Arrival arrival, long nowMillis) {
        arrival.hasBundle = view.activeBundle(arrival.vehicleMark, arrival.lane.direction(), arrival.bundle)
                && !released.contains(arrival.bundle.idHash());
        if (!arrival.hasBundle) {
            if (!arrival.emptyPressed) {
                arrival.reasons.add(ReasonCode.NO_BUNDLE);
            }
        } else {
            if (nowMillis < arrival.bundle.earliestCrossingMillis()) {
                arrival.reasons.add(ReasonCode.EARLY_ARRIVAL);
            }
            checkConsignments(arrival, nowMillis);
            if (arrival.emptyPressed && !arrival.bundle.empty()) {
                arrival.reasons.add(ReasonCode.EMPTY_CONFLICT);
            }
            arrival.bundle.trucker(account);
            if (view.isSuspended(account)) {
                arrival.reasons.add(ReasonCode.ACCOUNT_SUSPENDED);
            }
        }
        if (risk.isVehicleWatched(arrival.vehicleMark)) {
            arrival.reasons.add(ReasonCode.WATCHLIST);
        }
        // Random selection only picks among arrivals that would otherwise be released, so that the
        // observed rate is the rate in force over the traffic it applies to.
        if (arrival.reasons.isEmpty() && random.select(risk.randomRate(arrival.lane.controlPoint()))) {
            arrival.reasons.add(ReasonCode.RANDOM_SELECTION);
        }
        if (arrival.reasons.contains(ReasonCode.ACCOUNT_SUSPENDED)) {
            arrival.verdict = Verdict.REFER;
        } else if (!arrival.reasons.isEmpty()) {
            arrival.verdict = Verdict.INSPECT;
        } else if (gateAvailable.test(arrival.laneIndex)) {
            arrival.verdict = Verdict.RELEASE;
        } else {
            arrival.verdict = Verdict.HOLD;
            arrival.reasons.add(ReasonCode.GATE_UNAVAILABLE);
        }
    }

    /**
     * Whether, as far as this lane knows, the bundle is still the vehicle's ACTIVE one for the
     * direction: false when it was unbundled (or used) since, and also when the lane's view of the
     * registry cannot be trusted (cut off), where it cannot say.
     */
    boolean isStillActive(CharSequence mark, hk.seamless.config.Direction direction, String bundleId) {
        if (!view.isTrusted() || !view.activeBundle(mark, direction, scratch)) {
            return false;
        }
        bundleIdText.setLength(0);
        scratch.id(bundleIdText);
        return bundleIdText.toString().equals(bundleId);
    }

    /** Whether the lane can tell what the registry holds now (it hears the registry's changes). */
    boolean knowsTheRegistry() {
        return view.isTrusted();
    }

    /**
     * Every bundled CCRN must still be good to cross (BUNDLED, not past its expected date by more
     * than a day); none may name a party on the watch list or carry goods a targeting rule hits as
     * they stand now; and the account that lodged it must not be suspended.
     */
    private void checkConsignments(Arrival arrival, long nowMillis) {
        long today = Math.floorDiv(nowMillis + hk.seamless.config.HongKong.UTC_OFFSET_MILLIS, DAY_MILLIS);
        for (int i = 0; i < arrival.bundle.ccrnCount(); i++) {
            arrival.bundle.ccrn(i, ccrn);
            if (!view.consignment(ccrn, consignment)
                    || !consignment.statusIs("BUNDLED")
                    || today > consignment.expectedEpochDay() + 1) {
                arrival.reasons.add(ReasonCode.CCRN_INVALID);
                continue;
            }
            consignment.consignor(party);
            boolean watched = risk.isPartyWatched(party);
            consignment.consignee(party);
            if (watched || risk.isPartyWatched(party)) {
                arrival.reasons.add(ReasonCode.WATCHLIST);
            }
            if (risk.isGoodsTargeted(consignment.goods(), consignment.goodsStart(), consignment.goodsEnd())) {
                arrival.reasons.add(ReasonCode.RISK_RULE);
            }
            consignment.owner(account);
            if (view.isSuspended(account)) {
                arrival.reasons.add(ReasonCode.ACCOUNT_SUSPENDED);
            }
        }
    }
}
